import ArgumentParser
import ClusterState
import Foundation
import Runtime

/// `swiftray summary tasks|actors|objects`: counts grouped by function, class or call site, in
/// the layout of `ray summary`.
struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Summarise tasks (by function and state), actors (by class and state) or objects (by call site).")

    @Argument(help: "What to summarise: tasks, actors or objects.")
    var resource: String

    @OptionGroup var cluster: ClusterOptions

    func run() async throws {
        guard let kind = SummaryKind(rawValue: resource) else {
            let names = SummaryKind.allCases.map(\.cliName)
            Console.error("Error: Invalid value for '{\(names.joined(separator: "|"))}': '\(resource)' is not one of "
                          + names.map { "'\($0)'" }.joined(separator: ", ") + ".")
            throw ExitCode(2)
        }
        let gcs = try await cluster.connect()
        defer { Task { await gcs.close() } }
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000)
        let output: SummaryOutput
        do {
            switch kind {
            case .tasks:
                output = SummaryRenderer.tasks(try await gcs.allTasks(), nowMicros: now, timeZone: .current)
            case .actors:
                output = SummaryRenderer.actors(try await gcs.allActors().map(ActorSummaryEntry.init),
                                                nowMicros: now, timeZone: .current)
            case .objects:
                let (objects, problems) = try await gcs.allObjects()
                for p in problems { Console.error("Warning: \(p)") }
                output = SummaryRenderer.objects(objects, nowMicros: now, timeZone: .current)
            }
        } catch {
            throw Console.fail(error)
        }
        FileHandle.standardOutput.write(Data(output.stdout.utf8))
        for warning in output.warnings { Console.error("UserWarning: \(warning)") }
    }
}

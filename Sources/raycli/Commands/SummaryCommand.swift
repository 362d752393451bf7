import ArgumentParser
import ClusterState
import Foundation
import Runtime

/// `swiftray summary tasks|objects`: counts grouped by function or call site, in the layout of
/// `ray summary`.
struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Summarise tasks (by function and state) or objects (by call site).")

    @Argument(help: "What to summarise: tasks or objects.")
    var resource: String

    @OptionGroup var cluster: ClusterOptions

    func run() async throws {
        guard let kind = SummaryKind(rawValue: resource), kind != .actors else {
            if resource == "actors" {
                Console.error("Error: swiftray has no actors yet, so `summary actors` is not available in this build.")
            } else {
                Console.error("Error: Invalid value for '{tasks|objects}': '\(resource)' is not one of 'tasks', 'objects'.")
            }
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
            default:
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

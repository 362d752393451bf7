import ArgumentParser
import Foundation
import Runtime

/// `swiftray list <resource>`: tables, YAML and JSON in the layouts of `ray list`.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List cluster resources (actors, nodes, jobs, …) as a table, YAML or JSON.",
        discussion: "Resources: \(ListResource.allCases.map(\.cliName).joined(separator: ", ")).")

    @Argument(help: "What to list: \(ListResource.allCases.map(\.cliName).joined(separator: "|")).")
    var resource: String

    @Flag(help: "Show every column (YAML unless --format says otherwise).")
    var detail = false

    @Option(help: "Output format: default, table, json or yaml.")
    var format: String = "default"

    @Option(name: [.customShort("f"), .long], help: "Filter rows: KEY=VALUE or KEY!=VALUE (repeatable, ANDed).")
    var filter: [String] = []

    // Unconditional, so `--limit -1` reaches the range check instead of reading as a flag.
    @Option(parsing: .unconditional, help: "At most this many rows (1 to 10000).")
    var limit: Int = 100

    @OptionGroup var cluster: ClusterOptions

    func run() async throws {
        let request: ListRequest
        do {
            request = try ListRequest(resource: resource, filters: filter, limit: limit, detail: detail, format: format)
        } catch {
            Console.error("Error: \(error)")
            throw ExitCode(error.exitCode)
        }
        let gcs = try await cluster.connect()
        defer { Task { await gcs.close() } }
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000)
        let output: ListOutput
        do {
            switch request.resource {
            case .actors:
                output = ListRenderer.render(request, actors: try await gcs.allActors(), nowMicros: now, timeZone: .current)
            case .nodes:
                output = ListRenderer.render(request, nodes: try await gcs.allNodes(), nowMicros: now, timeZone: .current)
            case .jobs:
                output = ListRenderer.render(request, jobs: try await gcs.allJobs(), nowMicros: now, timeZone: .current)
            case .placementGroups:
                let rows = try await gcs.allPlacementGroups().map { PyValueBridge.row($0.detailRecord) }
                output = ListRenderer.render(request, rows: rows, nowMicros: now, timeZone: .current)
            case .tasks:
                output = ListRenderer.render(request, tasks: try await gcs.allTasks(), nowMicros: now, timeZone: .current)
            case .workers:
                output = ListRenderer.render(request, workers: try await gcs.allWorkers(), nowMicros: now, timeZone: .current)
            case .objects:
                let (objects, problems) = try await gcs.allObjects()
                for p in problems { Console.error("Warning: \(p)") }
                output = ListRenderer.render(request, objects: objects, nowMicros: now, timeZone: .current)
            default:
                throw OutputError.unsupportedResource(name: request.resource.cliName)
            }
        } catch {
            throw Console.fail(error)
        }
        FileHandle.standardOutput.write(output.stdout.data(using: .utf8)!)
        for warning in output.warnings { Console.error("UserWarning: \(warning)") }
    }
}

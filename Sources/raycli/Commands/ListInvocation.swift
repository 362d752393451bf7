import ArgumentParser
import Foundation
import Runtime

/// What `swiftray list <resource>` does once its arguments are known: checks them
/// (`ListRequest`, exit 64 with Ray's messages), reads the table live from the GCS and prints it
/// as a table, YAML or JSON.
struct ListInvocation: Sendable, Equatable {
    var resource: String
    var detail: Bool
    var format: String
    var filters: [String]
    var limit: Int
    var cluster: ClusterTarget

    func run() async throws {
        let request: ListRequest
        do {
            request = try ListRequest(resource: resource, filters: filters, limit: limit, detail: detail, format: format)
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

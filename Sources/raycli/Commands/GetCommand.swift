import ArgumentParser
import ClusterState
import Foundation
import Runtime

/// `swiftray get <resource> <id>`: one record as YAML (`---` … `...`), like `ray get`.
struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one resource (actors, placement-groups, nodes, workers, tasks, objects) by id as YAML.")

    @Argument(help: "What to get: actors, placement-groups, nodes, workers, tasks or objects.")
    var resource: String

    @Argument(help: "The id (hex).")
    var id: String?

    @OptionGroup var cluster: ClusterOptions

    func run() async throws {
        guard let id, !id.isEmpty else {
            Console.error("Error: Invalid value: Missing argument 'ID'. Do you mean 'swiftray list \(resource)'?")
            throw ExitCode(2)
        }
        // Malformed ids and unknown resources are usage errors (exit 2), checked before connecting.
        let fetch: @Sendable (GcsClient) async throws -> [StateRow]
        do {
            switch resource {
            case "actors":
                let actor = try ActorID(hex: id)
                fetch = { gcs in try await gcs.allActors().filter { $0.actorID == actor }.map(ListRows.actor) }
            case "placement-groups":
                let group = try PlacementGroupID(hex: id)
                fetch = { gcs in try await gcs.placementGroup(id: group).map { [PyValueBridge.row($0.detailRecord)] } ?? [] }
            case "nodes":
                let node = try NodeID(hex: id)
                fetch = { gcs in try await gcs.allNodes().filter { $0.nodeID == node }.map { ListRows.node($0, timeZone: .current) } }
            case "tasks":
                let task = try TaskID(hex: id)
                fetch = { gcs in
                    try await gcs.allTasks().filter { $0.taskID == task }.sorted { $0.attemptNumber < $1.attemptNumber }
                        .map { ListRows.task($0, timeZone: .current) }
                }
            case "workers":
                let worker = try WorkerID(hex: id)
                fetch = { gcs in try await gcs.allWorkers().filter { $0.workerID == worker }.map { ListRows.worker($0, timeZone: .current) } }
            case "objects":
                let object = try ObjectID(hex: id)
                fetch = { gcs in try await gcs.allObjects().objects.filter { $0.objectID == object }.map { ListRows.object($0) } }
            default:
                Console.error("Error: Invalid value for '{actors|placement-groups|nodes|workers|tasks|objects}': '\(resource)' is not one of 'actors', 'placement-groups', 'nodes', 'workers', 'tasks', 'objects'.")
                throw ExitCode(2)
            }
        } catch let error as ClusterStateError {
            Console.error("Error: \(error)")
            throw ExitCode(2)
        }
        let gcs = try await cluster.connect()
        let rows: [StateRow]
        do { rows = try await fetch(gcs) } catch { throw Console.fail(error) }
        guard !rows.isEmpty else {
            print("Resource with id=\(id) not found in the cluster.")
            return
        }
        print(YAMLRenderer.listDocument(rows.map { StateValue.dict($0) }))
    }
}

import ClusterState
import Foundation

/// Reading tasks, workers and objects (for `list`, `get` and `summary`).
extension GcsClient {
    /// Every task attempt the GCS has heard of (those whose owner's first event arrived).
    public func allTasks() async throws -> [TaskInfo] {
        let reply: Swiftray_GetAllTasksReply = try await rpc.call("gcs.GetAllTasks", Swiftray_Empty())
        return reply.tasks.compactMap { TaskInfo(record: $0) }
    }

    /// Every worker and driver the raylets reported, alive or not.
    public func allWorkers() async throws -> [WorkerInfo] {
        let reply: Swiftray_GetAllWorkersReply = try await rpc.call("gcs.GetAllWorkers", Swiftray_Empty())
        return reply.workers.compactMap { WorkerInfo(record: $0) }
    }

    /// The object references every core worker holds, and the nodes or workers that did not answer.
    public func allObjects() async throws -> (objects: [ObjectInfo], errors: [String]) {
        let reply: Swiftray_ListObjectsReply = try await rpc.call("gcs.ListObjects", Swiftray_Empty(), timeout: .seconds(30))
        return (reply.objects.compactMap { ObjectInfo(record: $0) }, reply.errors)
    }
}

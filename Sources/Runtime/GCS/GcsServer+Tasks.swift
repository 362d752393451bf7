import ClusterState
import Foundation

/// Task events, workers, objects and task demand: what `list tasks|workers|objects`,
/// `summary tasks` and the `Demands:` section of `status` read.
extension GcsServer {
    /// Task attempts kept; the oldest are dropped beyond this.
    static var taskRecordCap: Int { 100_000 }

    func handleTaskCall(_ method: String, _ payload: Data) async throws -> Data {
        switch method {
        case "gcs.AddTaskEvents":
            let request: Swiftray_AddTaskEventsRequest = try Self.decode(payload)
            for e in request.events { merge(e) }
            return Data()
        case "gcs.GetAllTasks":
            var reply = Swiftray_GetAllTasksReply()
            reply.tasks = taskOrder.compactMap { taskRecords[$0] }
            return try reply.serializedData()
        case "gcs.ReportWorker":
            let request: Swiftray_ReportWorkerRequest = try Self.decode(payload)
            let id = request.worker.workerID
            // Reports travel separately: a late "started" must not revive a worker that exited.
            if request.worker.isAlive, let old = workerRecords[id], !old.isAlive { return Data() }
            if workerRecords[id] == nil { workerOrder.append(id) }
            var record = request.worker
            if let old = workerRecords[id], !record.isAlive {
                record.startTimeMs = old.startTimeMs
                record.workerLaunchTimeMs = old.workerLaunchTimeMs
                record.workerLaunchedTimeMs = old.workerLaunchedTimeMs
            }
            workerRecords[id] = record
            if !record.isAlive {
                actorWorkerDied(workerID: id, reason: .workerDied,
                                message: "The actor is dead because its worker process has died. Worker exit type: \(record.exitType) Worker exit detail: \(record.exitDetail)")
            }
            return Data()
        case "gcs.GetAllWorkers":
            var reply = Swiftray_GetAllWorkersReply()
            reply.workers = workerOrder.compactMap { workerRecords[$0] }
            return try reply.serializedData()
        default:  // gcs.ListObjects
            return try await listObjects().serializedData()
        }
    }

    /// Folds one event into its attempt's record: static fields from the owner's first event,
    /// placement from the executor, state changes appended.
    func merge(_ e: Swiftray_TaskEventRecord) {
        var key = e.taskID
        withUnsafeBytes(of: e.attemptNumber.littleEndian) { key.append(contentsOf: $0) }
        // Taken out while changed, so the record's storage is not copied (copy-on-write).
        var r = taskRecords.removeValue(forKey: key) ?? {
            taskOrder.append(key)
            var fresh = Swiftray_TaskEventRecord()
            fresh.taskID = e.taskID
            fresh.attemptNumber = e.attemptNumber
            return fresh
        }()
        r.fold(e)
        taskRecords[key] = r
        if taskOrder.count > Self.taskRecordCap {
            let drop = taskOrder.count - Self.taskRecordCap
            for k in taskOrder.prefix(drop) { taskRecords[k] = nil }
            taskOrder.removeFirst(drop)
        }
    }

    /// Queued lease shapes summed over alive nodes, in first-seen order.
    func taskDemands() -> [Swiftray_ResourceDemand] {
        var counts: [[String: Int64]: Int64] = [:]
        var order: [[String: Int64]] = []
        for node in tables.allNodes where node.state == .alive {
            for d in nodeDemands[node.nodeID] ?? [] {
                if counts[d.shape] == nil { order.append(d.shape) }
                counts[d.shape, default: 0] += d.count
            }
        }
        return order.map { shape in
            var d = Swiftray_ResourceDemand()
            d.shape = shape
            d.count = counts[shape]!
            d.countUsingPlacementGroups = shape.keys.contains { $0.contains("_group_") } ? counts[shape]! : 0
            return d
        }
    }

    /// Asks every alive raylet for the references its core workers hold.
    private func listObjects() async throws -> Swiftray_ListObjectsReply {
        var reply = Swiftray_ListObjectsReply()
        for node in tables.allNodes where node.state == .alive {
            do {
                let client = try await raylet(node)
                let part: Swiftray_ListObjectsReply = try await client.call("raylet.ListObjects", Swiftray_Empty(), timeout: .seconds(10))
                reply.objects += part.objects
                reply.errors += part.errors
            } catch {
                reply.errors.append("Node \(node.nodeID.hex) did not list its objects: \(error)")
            }
        }
        return reply
    }
}

import ClusterState
import Foundation

/// Submitting normal tasks.
extension CoreWorker {
    /// Gives the task its ids, registers its return objects (pending), exports its function
    /// once, records its first event and hands it to the submitter. Returns the return ids.
    public func submitTask(_ t: TaskRequest) async throws -> [ObjectID] {
        let functionKey = try await export(name: t.name, source: t.definitionSource)
        let taskID = TaskID.normal(job: jobID, unique: randomBytes(8))
        var spec = Swiftray_TaskSpec()
        spec.taskID = Data(taskID.bytes)
        spec.jobID = Data(jobID.bytes)
        spec.parentTaskID = Data(parentTaskID.bytes)
        spec.name = t.name
        spec.functionKey = functionKey
        spec.args = t.args.map { v in
            var a = Swiftray_TaskArg()
            a.value = v
            return a
        }
        spec.kwargNames = t.kwargNames
        spec.kwargs = t.kwargs.map { v in
            var a = Swiftray_TaskArg()
            a.value = v
            return a
        }
        spec.resources = t.resources.raw
        spec.numReturns = Int32(t.numReturns)
        spec.maxRetries = Int32(t.maxRetries)
        spec.retryExceptions = t.retryExceptions
        spec.owner = address
        spec.driver = driverAddress
        spec.strategy = t.strategy
        spec.submittedMs = TaskEventBuffer.nowMs()
        let ids = Self.returnIDs(spec)
        for id in ids { objects.addPending(id, origin: .task(attempt: 0)) }
        events.state(spec, "PENDING_ARGS_AVAIL") { e in
            Self.describe(spec, into: &e)
            if let pg = t.placementGroupID { e.placementGroupID = Data(pg.bytes) }
        }
        submitter.submit(spec)
        return ids
    }

    /// The ids of a task's return objects (indices from 1).
    static func returnIDs(_ spec: Swiftray_TaskSpec) -> [ObjectID] {
        guard let task = TaskID(bytes: [UInt8](spec.taskID)) else { return [] }
        return (0..<max(1, Int(spec.numReturns))).map { ObjectID(task: task, index: UInt32($0 + 1)) }
    }

    /// The static fields of a task's first event.
    static func describe(_ spec: Swiftray_TaskSpec, into e: inout Swiftray_TaskEventRecord) {
        e.hasDefinition_p = true
        e.name = spec.name
        e.jobID = spec.jobID
        e.type = "NORMAL_TASK"
        e.funcOrClassName = spec.name
        e.parentTaskID = spec.parentTaskID
        e.requiredResources = spec.resources
        if spec.strategy.kind == .placementGroup { e.placementGroupID = spec.strategy.placementGroupID }
    }

    /// Where the job's driver listens (printed output goes there): this process for a driver,
    /// else the driver named by the task being executed.
    var driverAddress: Swiftray_WorkerAddress {
        isDriver ? address : (currentDriver ?? address)
    }

    /// Records where and when a pushed task or actor call ran (its RUNNING event).
    func recordRan(_ spec: Swiftray_TaskSpec, _ reply: Swiftray_PushTaskReply) {
        events.state(spec, "RUNNING", timeMs: reply.startMs) { e in
            e.nodeID = reply.nodeID
            e.workerID = reply.workerID
            e.workerPid = reply.workerPid
        }
    }

    /// Resolves a finished task's or call's return objects and records FINISHED.
    func storeResults(_ spec: Swiftray_TaskSpec, _ reply: Swiftray_PushTaskReply) {
        for r in reply.returns {
            if let id = ObjectID(bytes: [UInt8](r.objectID)) { objects.resolve(id, .ready(r.payload)) }
        }
        events.state(spec, "FINISHED", timeMs: reply.endMs)
    }

    /// Fails every return object of the task or call with `error` and records FAILED.
    func failTask(_ spec: Swiftray_TaskSpec, with error: Swiftray_TaskError) {
        for id in Self.returnIDs(spec) { objects.resolve(id, .failed(error)) }
        events.state(spec, "FAILED") { e in
            e.errorType = error.errorType
            e.errorMessage = error.typeName + ": " + error.message
        }
    }
}

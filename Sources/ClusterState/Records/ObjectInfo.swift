/// One reference to an object held by one process: a row of `list objects` (an object held by
/// several processes gives several values with the same `objectID`).
///
/// Guarantees:
/// - `objectSize` is in bytes, −1 when unknown.
/// - `taskStatus` is the creating task's state as its owner knows it; Ray reports `NIL` when
///   the owner no longer tracks the task — always for `put` objects, whose pseudo task is never
///   submitted — and e.g. `FINISHED` for the return of a finished task it still tracks.
/// - `attemptNumber` is that task's attempt, counting from 0 like `TaskInfo.attemptNumber`
///   (0 for puts). Ray *prints* it plus one ("executions including the current one"); the
///   renderers add the one, callers must not.
/// - `callSite` is `disabled` when creation sites are not recorded, as in Ray.
/// - `type`, `pid` and `ip` describe the process holding the reference.
public struct ObjectInfo: Sendable, Hashable {
    public var objectID: ObjectID
    public var objectSize: Int64
    public var taskStatus: TaskState
    public var attemptNumber: Int
    public var referenceType: ObjectReferenceType
    public var callSite: String
    public var type: WorkerType
    public var pid: Int
    public var ip: String

    public init(objectID: ObjectID, objectSize: Int64, taskStatus: TaskState, attemptNumber: Int = 0,
                referenceType: ObjectReferenceType, callSite: String = "disabled", type: WorkerType,
                pid: Int, ip: String) {
        self.objectID = objectID
        self.objectSize = objectSize
        self.taskStatus = taskStatus
        self.attemptNumber = attemptNumber
        self.referenceType = referenceType
        self.callSite = callSite
        self.type = type
        self.pid = pid
        self.ip = ip
    }
}

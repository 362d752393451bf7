/// One attempt of one task as the GCS task table knows it: a row of `list tasks`.
///
/// Guarantees: a retry is a separate value with the same `taskID` and `attemptNumber + 1`
/// (attempts count from 0). Optional fields are nil until known: `actorID` for tasks that are
/// no actor tasks, `nodeID`/`workerID`/`workerPid` before the attempt is placed on a worker,
/// `errorType`/`errorMessage` unless the attempt `FAILED`, `placementGroupID` outside placement
/// groups, `startTimeMs` before `RUNNING`, `endTimeMs` before `FINISHED`/`FAILED`. `name` is the
/// display name (`f`, `Class.method`, `Class.__init__`); `funcOrClassName` the function or
/// class it runs. `events` keep the reported order; renderers present them as Ray does.
public struct TaskInfo: Sendable, Hashable {
    public var taskID: TaskID
    public var attemptNumber: Int
    public var name: String
    public var state: TaskState
    public var jobID: JobID
    public var actorID: ActorID?
    public var type: TaskType
    public var funcOrClassName: String
    public var parentTaskID: TaskID
    public var nodeID: NodeID?
    public var workerID: WorkerID?
    public var workerPid: Int?
    public var errorType: String?
    public var errorMessage: String?
    /// Ray's `Language` name; always `PYTHON` for swiftray tasks.
    public var language: String
    public var requiredResources: ResourceSet
    public var placementGroupID: PlacementGroupID?
    public var events: [TaskStateEvent]
    public var creationTimeMs: Int64
    public var startTimeMs: Int64?
    public var endTimeMs: Int64?

    public init(taskID: TaskID, attemptNumber: Int = 0, name: String, state: TaskState, jobID: JobID,
                actorID: ActorID? = nil, type: TaskType, funcOrClassName: String, parentTaskID: TaskID,
                nodeID: NodeID? = nil, workerID: WorkerID? = nil, workerPid: Int? = nil,
                errorType: String? = nil, errorMessage: String? = nil, language: String = "PYTHON",
                requiredResources: ResourceSet = ResourceSet(), placementGroupID: PlacementGroupID? = nil,
                events: [TaskStateEvent] = [], creationTimeMs: Int64, startTimeMs: Int64? = nil,
                endTimeMs: Int64? = nil) {
        self.taskID = taskID
        self.attemptNumber = attemptNumber
        self.name = name
        self.state = state
        self.jobID = jobID
        self.actorID = actorID
        self.type = type
        self.funcOrClassName = funcOrClassName
        self.parentTaskID = parentTaskID
        self.nodeID = nodeID
        self.workerID = workerID
        self.workerPid = workerPid
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.language = language
        self.requiredResources = requiredResources
        self.placementGroupID = placementGroupID
        self.events = events
        self.creationTimeMs = creationTimeMs
        self.startTimeMs = startTimeMs
        self.endTimeMs = endTimeMs
    }
}

/// One core-worker process (a pooled worker or a driver) as the GCS worker table knows it: a
/// row of `list workers`.
///
/// Guarantees: `exitType`/`exitDetail` are nil while `isAlive`; the four times are Unix
/// milliseconds: `workerLaunchTimeMs` (the raylet asked for the process) and
/// `workerLaunchedTimeMs` (the process started) are nil when unknown — always for drivers, which
/// no raylet launches; `startTimeMs` is when the worker registered; `endTimeMs` is nil until it
/// exits.
public struct WorkerInfo: Sendable, Hashable {
    public var workerID: WorkerID
    public var isAlive: Bool
    public var workerType: WorkerType
    public var exitType: WorkerExitType?
    public var exitDetail: String?
    public var nodeID: NodeID
    public var ip: String
    public var pid: Int
    public var workerLaunchTimeMs: Int64?
    public var workerLaunchedTimeMs: Int64?
    public var startTimeMs: Int64
    public var endTimeMs: Int64?

    public init(workerID: WorkerID, isAlive: Bool = true, workerType: WorkerType = .worker,
                exitType: WorkerExitType? = nil, exitDetail: String? = nil, nodeID: NodeID, ip: String,
                pid: Int, workerLaunchTimeMs: Int64? = nil, workerLaunchedTimeMs: Int64? = nil,
                startTimeMs: Int64, endTimeMs: Int64? = nil) {
        self.workerID = workerID
        self.isAlive = isAlive
        self.workerType = workerType
        self.exitType = exitType
        self.exitDetail = exitDetail
        self.nodeID = nodeID
        self.ip = ip
        self.pid = pid
        self.workerLaunchTimeMs = workerLaunchTimeMs
        self.workerLaunchedTimeMs = workerLaunchedTimeMs
        self.startTimeMs = startTimeMs
        self.endTimeMs = endTimeMs
    }
}

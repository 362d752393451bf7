/// One row of the GCS job table. Owned by the GCS.
public struct JobInfo: Sendable, Hashable {
    public var jobID: JobID
    public var namespace: String
    public var entrypoint: String
    public var driverPid: Int32
    public var driverIp: String
    public var driverNodeID: NodeID?
    public var startTimeMs: Int64
    public var endTimeMs: Int64
    public var status: JobStatus
    public var message: String
    public var errorType: String
    public var driverExitCode: Int32?

    public init(jobID: JobID, namespace: String, entrypoint: String, driverPid: Int32,
                driverIp: String, driverNodeID: NodeID? = nil, startTimeMs: Int64,
                endTimeMs: Int64 = 0, status: JobStatus = .running, message: String = "",
                errorType: String = "", driverExitCode: Int32? = nil) {
        self.jobID = jobID
        self.namespace = namespace
        self.entrypoint = entrypoint
        self.driverPid = driverPid
        self.driverIp = driverIp
        self.driverNodeID = driverNodeID
        self.startTimeMs = startTimeMs
        self.endTimeMs = endTimeMs
        self.status = status
        self.message = message
        self.errorType = errorType
        self.driverExitCode = driverExitCode
    }

    public var isDead: Bool { status.isTerminal }

    /// Ends the job; only a running job can end.
    public mutating func finish(status next: JobStatus, message: String, errorType: String = "",
                                exitCode: Int32? = nil, timeMs: Int64) throws(ClusterStateError) {
        guard status.canMove(to: next) else {
            throw .illegalTransition(entity: "job", from: status.rawValue, to: next.rawValue)
        }
        status = next
        self.message = message
        self.errorType = errorType
        driverExitCode = exitCode
        endTimeMs = timeMs
    }
}

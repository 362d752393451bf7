import ClusterState

/// How a core worker starts: who it is and where its raylet and GCS are.
public struct CoreWorkerConfig: Sendable {
    public var workerID: WorkerID
    public var jobID: JobID
    public var nodeID: NodeID
    public var nodeIP: String
    public var isDriver: Bool
    public var rayletHost: String
    public var rayletPort: Int
    public var token: String
    public var sessionName: String
    public var tempDir: String

    public init(workerID: WorkerID, jobID: JobID, nodeID: NodeID, nodeIP: String, isDriver: Bool, rayletHost: String,
                rayletPort: Int, token: String, sessionName: String = "", tempDir: String = "") {
        self.workerID = workerID
        self.jobID = jobID
        self.nodeID = nodeID
        self.nodeIP = nodeIP
        self.isDriver = isDriver
        self.rayletHost = rayletHost
        self.rayletPort = rayletPort
        self.token = token
        self.sessionName = sessionName
        self.tempDir = tempDir
    }
}

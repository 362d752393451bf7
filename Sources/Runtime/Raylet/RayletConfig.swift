import ClusterState

/// How a raylet process is set up; built by `swiftray raylet` from its flags.
public struct RayletConfig: Sendable {
    public var gcsHost: String
    public var gcsPort: Int
    public var nodeIP: String
    public var nodeManagerPort: Int
    public var nodeName: String
    public var isHead: Bool
    /// Total resources including the implicit `node:<ip>` (and head) resources.
    public var resources: ResourceSet
    public var labels: [String: String]
    public var sessionDir: String
    public var sessionName: String
    public var tempDir: String
    public var token: String
    /// Index of this raylet among the session's raylets on this host (0, 1, …).
    public var localIndex: Int
    /// How long the raylet keeps trying to reach a GCS that went away before it exits.
    public var gcsReconnectWindow: Duration

    public init(gcsHost: String, gcsPort: Int, nodeIP: String, nodeManagerPort: Int, nodeName: String,
                isHead: Bool, resources: ResourceSet, labels: [String: String] = [:], sessionDir: String,
                sessionName: String, tempDir: String, token: String, localIndex: Int,
                gcsReconnectWindow: Duration = .seconds(60)) {
        self.gcsHost = gcsHost
        self.gcsPort = gcsPort
        self.nodeIP = nodeIP
        self.nodeManagerPort = nodeManagerPort
        self.nodeName = nodeName
        self.isHead = isHead
        self.resources = resources
        self.labels = labels
        self.sessionDir = sessionDir
        self.sessionName = sessionName
        self.tempDir = tempDir
        self.token = token
        self.localIndex = localIndex
        self.gcsReconnectWindow = gcsReconnectWindow
    }
}

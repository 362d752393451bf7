import ClusterState

/// What `ClusterLauncher` started: enough for the banner and for `--block`.
public struct StartedCluster: Sendable {
    public var gcsAddress: String
    public var nodeIP: String
    public var nodeID: NodeID
    public var sessionDir: String
    /// Pids started by this call (GCS first when a head was started).
    public var pids: [Int32]
}

import ClusterState

/// What `ClusterLauncher` started: enough for the banner and for `--block`.
public struct StartedCluster: Sendable {
    public var gcsAddress: String
    public var nodeIP: String
    /// The raylet this call started (nil when only the GCS was restarted).
    public var nodeID: NodeID?
    public var sessionDir: String
    /// Pids started by this call (GCS first when a head was started).
    public var pids: [Int32]
    /// Only the GCS of a running session was started again (its raylets kept running); the
    /// number of those raylets.
    public var restartedGcsRaylets: Int?
}

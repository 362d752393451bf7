import ClusterState

/// Everything the GCS reloads from its database on start-up (recovery after a restart).
public struct GcsSnapshot: Sendable {
    /// Nodes in registration order.
    public var nodes: [NodeInfo]
    /// Jobs in job-id counter order.
    public var jobs: [JobInfo]
    /// The last job counter handed out (0 on a fresh database).
    public var lastJobCounter: UInt32
    /// Placement groups in creation order.
    public var placementGroups: [PlacementGroupInfo]
    /// Actor records in registration order.
    public var actors: [Swiftray_ActorRecord] = []
    /// The internal KV's entries, in no particular order.
    public var kv: [(namespace: String, key: [UInt8], value: [UInt8])] = []

    public init(nodes: [NodeInfo] = [], jobs: [JobInfo] = [], lastJobCounter: UInt32 = 0,
                placementGroups: [PlacementGroupInfo] = []) {
        self.nodes = nodes
        self.jobs = jobs
        self.lastJobCounter = lastJobCounter
        self.placementGroups = placementGroups
    }
}

import ClusterState

/// One node picked by a policy (`HybridPolicy`, `SpreadPolicy`), and whether the request fits
/// its available resources right now (false: it fits only its total, so the task would wait).
/// Pure value, owned by the caller that ran the policy.
public struct NodeChoice: Sendable, Hashable {
    public var nodeID: NodeID
    public var availableNow: Bool

    public init(nodeID: NodeID, availableNow: Bool) {
        self.nodeID = nodeID
        self.availableNow = availableNow
    }
}

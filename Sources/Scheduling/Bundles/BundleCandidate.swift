import ClusterState

/// A node a placement group's bundles may be placed on, as the GCS sees it: its total and
/// currently available resources and, optionally, the free amount of each instance of its
/// unit-instance resources (GPU and the like, see `NodeCapacity.unitInstanceResources`).
///
/// When `availableInstances` is nil (or lacks a resource) the scheduler derives the instances
/// from the aggregate available amount as whole free instances plus one partial remainder
/// (`1.5` GPU → `[1.0, 0.5]`), which is the most favourable layout that aggregate allows; pass
/// the real per-instance amounts when they are known so that e.g. two GPUs with 0.5 free each
/// correctly refuse a `{GPU: 1.0}` bundle.
public struct BundleCandidate: Sendable, Equatable {
    public var nodeID: NodeID
    public var total: ResourceSet
    public var available: ResourceSet
    /// Free amount per instance of unit-instance resources, by resource name (instance order).
    public var availableInstances: [String: [ResourceQuantity]]?

    public init(nodeID: NodeID, total: ResourceSet, available: ResourceSet,
                availableInstances: [String: [ResourceQuantity]]? = nil) {
        self.nodeID = nodeID
        self.total = total
        self.available = available
        self.availableInstances = availableInstances
    }

    /// A candidate from the GCS resource view (aggregate amounts only).
    public init(_ node: ClusterResourceView.Node) {
        self.init(nodeID: node.nodeID, total: node.total, available: node.available)
    }
}

import ClusterState

/// The scheduler's view of every alive node's total and available resources. Pure value type:
/// the GCS (and later each raylet) owns one copy and updates it from node reports.
public struct ClusterResourceView: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public var nodeID: NodeID
        public var total: ResourceSet
        public var available: ResourceSet
        public init(nodeID: NodeID, total: ResourceSet, available: ResourceSet) {
            self.nodeID = nodeID
            self.total = total
            self.available = available
        }
    }

    /// Alive nodes in the order they joined.
    public private(set) var nodes: [Node] = []

    public init() {}

    /// Adds a node or replaces its entry.
    public mutating func upsert(_ node: Node) {
        if let i = nodes.firstIndex(where: { $0.nodeID == node.nodeID }) {
            nodes[i] = node
        } else {
            nodes.append(node)
        }
    }

    /// Updates the available resources of a known node; unknown nodes are ignored.
    public mutating func updateAvailable(_ nodeID: NodeID, _ available: ResourceSet) {
        if let i = nodes.firstIndex(where: { $0.nodeID == nodeID }) { nodes[i].available = available }
    }

    /// Forgets a node (it died or left).
    public mutating func remove(_ nodeID: NodeID) {
        nodes.removeAll { $0.nodeID == nodeID }
    }

    /// Sum of totals over all nodes.
    public var clusterTotal: ResourceSet { nodes.reduce(into: ResourceSet()) { $0.add($1.total) } }

    /// Sum of available amounts over all nodes.
    public var clusterAvailable: ResourceSet { nodes.reduce(into: ResourceSet()) { $0.add($1.available) } }

    /// How a request relates to the cluster right now.
    public func classify(_ request: ResourceSet) -> RequestFit {
        var feasible = false
        for node in nodes {
            if node.available.contains(request) { return .available }
            if node.total.contains(request) { feasible = true }
        }
        return feasible ? .feasibleButBusy : .infeasible
    }
}

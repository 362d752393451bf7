import ClusterState

/// Where a task should go, as `NodeSelector` decides it. Pure value, owned by the caller that
/// asked. Every outcome is a value: nothing here throws.
public enum NodeSelection: Sendable, Hashable {
    /// Send the task to this node. `availableNow` is false when the node can hold the task but
    /// not right now: the task queues there and waits.
    case node(NodeID, availableNow: Bool)
    /// No alive node can ever hold the task under its strategy; `reason` is a full sentence
    /// such as "No alive node has {'CPU': 8.0} in total."
    case infeasible(reason: String)
    /// A hard node affinity with `failOnUnavailable` whose node cannot hold the task right now;
    /// the task fails instead of waiting. `reason` is a full sentence.
    case unavailable(reason: String)

    /// The chosen node, or nil for `.infeasible` and `.unavailable`.
    public var nodeID: NodeID? {
        if case .node(let id, _) = self { return id }
        return nil
    }

    /// The reason sentence, or nil when a node was chosen.
    public var reason: String? {
        switch self {
        case .node: nil
        case .infeasible(let reason), .unavailable(let reason): reason
        }
    }

    /// The sentence for a request that fits no alive node's total.
    static func noFeasibleNodeReason(_ request: ResourceSet, _ view: ClusterResourceView) -> String {
        view.nodes.isEmpty
            ? "There is no alive node to run a task requiring \(request) on."
            : "No alive node has \(request) in total."
    }
}

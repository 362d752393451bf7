import ClusterState

/// The raylet's entry point for placing a task: applies its `NodeStrategy` to the cluster view
/// on behalf of the local raylet. Pure value (the hybrid configuration); the runtime owns it and
/// keeps the `SpreadCursor` and the generator.
///
/// Guarantees, for `.hybrid`:
/// - when the local node can hold the request now, the local node, without consulting the policy;
/// - otherwise `HybridPolicy` (preferring the local node): a node that holds it now if any;
/// - when nodes hold it only in total, the task waits on the local node if its total holds it,
///   else on the busy node the policy picks;
/// - `.infeasible` when no alive node's total holds it.
/// `.spread` uses `SpreadPolicy` (availability not required), `.nodeAffinity` uses
/// `NodeAffinityPolicy`. An empty request is feasible on every node.
public struct NodeSelector: Sendable, Hashable {
    public var hybrid: HybridPolicy

    public init(hybrid: HybridPolicy = HybridPolicy()) { self.hybrid = hybrid }

    public func select(request: ResourceSet, strategy: NodeStrategy, view: ClusterResourceView,
                       localNode: NodeID?, spreadCursor: inout SpreadCursor,
                       rng: inout some RandomNumberGenerator) -> NodeSelection {
        switch strategy {
        case .hybrid:
            let local = view.nodes.first { $0.nodeID == localNode }
            if let local, local.available.contains(request) {
                return .node(local.nodeID, availableNow: true)
            }
            // Preferring the local node mirrors Ray. Past the shortcut above it cannot change the
            // outcome: the local node is not available now, and when it is feasible a busy pick
            // becomes the local node below anyway.
            guard let choice = hybrid.select(request, in: view, preferredNode: localNode,
                                             requireAvailable: false, rng: &rng) else {
                return .infeasible(reason: NodeSelection.noFeasibleNodeReason(request, view))
            }
            if !choice.availableNow, let local, local.total.contains(request) {
                return .node(local.nodeID, availableNow: false)
            }
            return .node(choice.nodeID, availableNow: choice.availableNow)
        case .spread:
            guard let choice = SpreadPolicy.select(request, in: view, cursor: &spreadCursor) else {
                return .infeasible(reason: NodeSelection.noFeasibleNodeReason(request, view))
            }
            return .node(choice.nodeID, availableNow: choice.availableNow)
        case .nodeAffinity(let target, let soft, let spill, let fail):
            return NodeAffinityPolicy.select(request, target: target, soft: soft, spillOnUnavailable: spill,
                                             failOnUnavailable: fail, in: view, preferredNode: localNode,
                                             hybrid: hybrid, rng: &rng)
        }
    }
}

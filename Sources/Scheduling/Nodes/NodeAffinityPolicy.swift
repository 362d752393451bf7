import ClusterState

/// Ray's node-affinity policy for tasks. Stateless and pure; the caller passes the hybrid
/// configuration and the randomness used when a soft affinity falls back.
///
/// Guarantees, for a target that is alive (in the view) and whose total holds the request:
/// - with neither flag, always the target (`availableNow` tells whether it fits now);
/// - with `spillOnUnavailable` or `failOnUnavailable`, the target only when it fits now;
///   otherwise a soft affinity falls back to `HybridPolicy` over all nodes and a hard one is
///   `.unavailable`.
/// For a target that is dead, unknown, or whose total can never hold the request, a hard
/// affinity is `.infeasible` with a sentence naming the node, and a soft one falls back to
/// `HybridPolicy` (`.infeasible` only when no alive node can hold the request).
public enum NodeAffinityPolicy {
    public static func select(_ request: ResourceSet, target: NodeID, soft: Bool,
                              spillOnUnavailable: Bool, failOnUnavailable: Bool,
                              in view: ClusterResourceView, preferredNode: NodeID?,
                              hybrid: HybridPolicy = HybridPolicy(),
                              rng: inout some RandomNumberGenerator) -> NodeSelection {
        let node = view.nodes.first { $0.nodeID == target }
        if let node, node.total.contains(request) {
            let fitsNow = node.available.contains(request)
            if fitsNow || !(spillOnUnavailable || failOnUnavailable) {
                return .node(target, availableNow: fitsNow)
            }
            if !soft {
                let rule = failOnUnavailable
                    ? "the affinity is hard with fail_on_unavailable set"
                    : "the affinity is hard, so the task cannot spill to another node"
                return .unavailable(reason: "Node \(target.hex) cannot hold \(request) now (it has \(node.available) available) and \(rule).")
            }
            return fallback(request, target: target, why: "cannot hold it now", view: view,
                            preferredNode: preferredNode, hybrid: hybrid, rng: &rng)
        }
        let why: String
        if let node {
            why = "can never hold \(request) (it has \(node.total) in total)"
        } else {
            why = "is dead or unknown"
        }
        if !soft {
            return .infeasible(reason: "Node \(target.hex) \(why) and the affinity is hard.")
        }
        return fallback(request, target: target, why: why, view: view, preferredNode: preferredNode,
                        hybrid: hybrid, rng: &rng)
    }

    private static func fallback(_ request: ResourceSet, target: NodeID, why: String,
                                 view: ClusterResourceView, preferredNode: NodeID?, hybrid: HybridPolicy,
                                 rng: inout some RandomNumberGenerator) -> NodeSelection {
        if let choice = hybrid.select(request, in: view, preferredNode: preferredNode,
                                      requireAvailable: false, rng: &rng) {
            return .node(choice.nodeID, availableNow: choice.availableNow)
        }
        let none = NodeSelection.noFeasibleNodeReason(request, view)
        return .infeasible(reason: "\(none) The soft affinity to node \(target.hex) fell back to any node because it \(why).")
    }
}

import ClusterState
import Scheduling

/// Shared builders for the node (task) scheduling tests. Node ids come from `nodeID(_:)` (every
/// byte `n`), so byte order is numeric order; `SplitMix64` is the seeded generator.

/// A view node; `available` defaults to the total (an idle node).
func viewNode(_ n: UInt8, _ total: [String: Double], available: [String: Double]? = nil) -> ClusterResourceView.Node {
    ClusterResourceView.Node(nodeID: nodeID(n), total: resources(total), available: resources(available ?? total))
}

/// A view holding `nodes` in the given (join) order.
func clusterView(_ nodes: [ClusterResourceView.Node]) -> ClusterResourceView {
    var view = ClusterResourceView()
    for node in nodes { view.upsert(node) }
    return view
}

/// `count` idle {CPU: 4} nodes with ids 1…count, joined in reverse id order so join order and
/// id order differ.
func idleCPUView(_ count: UInt8) -> ClusterResourceView {
    clusterView((1...count).reversed().map { viewNode($0, ["CPU": 4]) })
}

/// The distinct nodes a hybrid selection picks over seeds 0..<seeds.
func hybridPicks(_ request: [String: Double], in view: ClusterResourceView, policy: HybridPolicy = HybridPolicy(),
                 preferred: NodeID? = nil, requireAvailable: Bool = false, seeds: UInt64 = 200) -> Set<NodeID?> {
    var picks = Set<NodeID?>()
    for seed in 0..<seeds {
        var rng = SplitMix64(seed: seed)
        picks.insert(policy.select(resources(request), in: view, preferredNode: preferred,
                                   requireAvailable: requireAvailable, rng: &rng)?.nodeID)
    }
    return picks
}

import ClusterState

/// Ray's hybrid node policy for tasks: pack onto lightly used nodes, spread once they pass a
/// utilisation threshold. Pure value (its configuration); the caller owns it and passes the
/// randomness in, so equal inputs and an equal generator state give the same node.
///
/// Guarantees:
/// - A node's score is the highest utilisation `1 − available/total` over CPU, memory and
///   object_store_memory (only those with a total above zero); a score below `spreadThreshold`
///   counts as 0.
/// - Candidates are the nodes whose total holds the request. Those that hold it available now
///   are preferred; the ones that hold it only in total are used only when none is available and
///   `requireAvailable` is false. With no candidate the result is nil.
/// - Candidates are ordered by score, then node id bytes. The preferred node wins when it is a
///   candidate scoring no worse than the best; otherwise the pick is uniform among the first
///   k = max(`topKAbsolute`, ⌊node count × `topKFraction`⌋) (node count = all nodes in the view,
///   k clamped to the candidates).
/// - With `avoidGPUNodes`, a request without GPU first tries only nodes without GPU, requiring
///   availability now, and only then all nodes.
public struct HybridPolicy: Sendable, Hashable {
    /// Utilisation below which a node scores 0 (all such nodes tie).
    public var spreadThreshold: Double
    /// Share of the cluster's nodes to pick among at random.
    public var topKFraction: Double
    /// Least number of nodes to pick among at random.
    public var topKAbsolute: Int
    /// Keep requests without GPU off GPU nodes while a node without GPU can run them now.
    public var avoidGPUNodes: Bool

    /// The resources whose utilisation makes a node's score.
    public static let criticalResources = ["CPU", "memory", "object_store_memory"]

    public init(spreadThreshold: Double = 0.5, topKFraction: Double = 0.2, topKAbsolute: Int = 1,
                avoidGPUNodes: Bool = true) {
        self.spreadThreshold = spreadThreshold
        self.topKFraction = topKFraction
        self.topKAbsolute = topKAbsolute
        self.avoidGPUNodes = avoidGPUNodes
    }

    /// The node's score: its critical utilisation, or 0 below `spreadThreshold`. Lower is better.
    public func score(_ node: ClusterResourceView.Node) -> Double {
        var highest = 0.0
        for name in Self.criticalResources {
            let total = node.total[name].raw
            guard total > 0 else { continue }
            let utilisation = 1 - Double(node.available[name].raw) / Double(total)
            if utilisation > highest { highest = utilisation }
        }
        return highest < spreadThreshold ? 0 : highest
    }

    /// How many of the best candidates the random pick is among, for a cluster of `nodeCount`
    /// nodes (before clamping to the number of candidates).
    public func topK(nodeCount: Int) -> Int {
        max(topKAbsolute, Int((Double(nodeCount) * topKFraction).rounded(.down)))
    }

    /// Picks a node for `request` among `view`'s nodes, or nil when none qualifies.
    public func select(_ request: ResourceSet, in view: ClusterResourceView, preferredNode: NodeID?,
                       requireAvailable: Bool, rng: inout some RandomNumberGenerator) -> NodeChoice? {
        let k = topK(nodeCount: view.nodes.count)
        if avoidGPUNodes && request["GPU"].raw == 0 {
            let withoutGPU = view.nodes.filter { $0.total["GPU"].raw == 0 }
            if let choice = choose(request, among: withoutGPU, k: k, preferredNode: preferredNode,
                                   requireAvailable: true, rng: &rng) {
                return choice
            }
        }
        return choose(request, among: view.nodes, k: k, preferredNode: preferredNode,
                      requireAvailable: requireAvailable, rng: &rng)
    }

    private func choose(_ request: ResourceSet, among nodes: [ClusterResourceView.Node], k: Int,
                        preferredNode: NodeID?, requireAvailable: Bool,
                        rng: inout some RandomNumberGenerator) -> NodeChoice? {
        var available: [(node: NodeID, score: Double)] = []
        var busy: [(node: NodeID, score: Double)] = []
        for node in nodes where node.total.contains(request) {
            if node.available.contains(request) {
                available.append((node.nodeID, score(node)))
            } else {
                busy.append((node.nodeID, score(node)))
            }
        }
        let availableNow = !available.isEmpty
        var candidates = available
        if !availableNow {
            guard !requireAvailable, !busy.isEmpty else { return nil }
            candidates = busy
        }
        candidates.sort { a, b in
            a.score != b.score ? a.score < b.score : a.node.bytes.lexicographicallyPrecedes(b.node.bytes)
        }
        if let preferredNode, let preferred = candidates.first(where: { $0.node == preferredNode }),
           preferred.score <= candidates[0].score {
            return NodeChoice(nodeID: preferredNode, availableNow: availableNow)
        }
        let count = min(max(k, 1), candidates.count)
        let pick = Int.random(in: 0..<count, using: &rng)
        return NodeChoice(nodeID: candidates[pick].node, availableNow: availableNow)
    }
}

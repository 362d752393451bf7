import ClusterState

/// Ray's SPREAD node policy for tasks: round-robin over the nodes sorted by id bytes. Stateless
/// and pure; the round's position lives in the caller's `SpreadCursor`.
///
/// Guarantees: starting at the cursor and wrapping once around, the first node that holds the
/// request available now is chosen; nodes whose total cannot hold it, and `excluding`, are
/// skipped. When none is available now and `requireAvailable` is false, a second round from the
/// same start takes the first node whose total holds it (`availableNow` false). The cursor then
/// points just past the chosen node; with no choice it is left as it was and the result is nil.
public enum SpreadPolicy {
    public static func select(_ request: ResourceSet, in view: ClusterResourceView,
                              cursor: inout SpreadCursor, excluding: NodeID? = nil,
                              requireAvailable: Bool = false) -> NodeChoice? {
        let round = view.nodes.sorted { $0.nodeID.bytes.lexicographicallyPrecedes($1.nodeID.bytes) }
        guard !round.isEmpty else { return nil }
        let start = ((cursor.next % round.count) + round.count) % round.count
        let passes = requireAvailable ? [true] : [true, false]
        for needAvailable in passes {
            for step in 0..<round.count {
                let position = (start + step) % round.count
                let node = round[position]
                if node.nodeID == excluding || !node.total.contains(request) { continue }
                if needAvailable && !node.available.contains(request) { continue }
                cursor.next = (position + 1) % round.count
                return NodeChoice(nodeID: node.nodeID, availableNow: node.available.contains(request))
            }
        }
        return nil
    }
}

/// A node's state in the GCS node table, as Ray names it. ALIVE → DEAD is the only transition;
/// a node that comes back registers under a new NodeID.
public enum NodeState: String, Sendable, Hashable, CaseIterable {
    case alive = "ALIVE"
    case dead = "DEAD"

    /// Whether moving from `self` to `next` is legal.
    public func canMove(to next: NodeState) -> Bool { self == .alive && next == .dead }
}

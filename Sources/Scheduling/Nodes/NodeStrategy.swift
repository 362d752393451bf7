import ClusterState

/// How a task chooses its node (Ray 2.60's task scheduling strategies). Pure value; the caller
/// (the submitting owner, then each raylet that considers the task) owns it.
///
/// `.hybrid` is the default. Placement-group tasks also use `.hybrid`: their request holds the
/// group's formatted resources (`CPU_group_<i>_<pg>`), which exist only on the bundles' nodes,
/// so feasibility alone steers them there.
public enum NodeStrategy: Sendable, Hashable {
    /// Ray's DEFAULT strategy: pack onto the local node while it fits, then onto the least
    /// utilised nodes (see `HybridPolicy`).
    case hybrid
    /// Round-robin over the nodes (see `SpreadPolicy`).
    case spread
    /// Run on one node (see `NodeAffinityPolicy`). `soft` lets the task go elsewhere when the
    /// node is dead, unknown or can never hold it; `spillOnUnavailable` (soft) also when it cannot
    /// hold it right now; `failOnUnavailable` (hard) fails the task instead of waiting there.
    case nodeAffinity(NodeID, soft: Bool, spillOnUnavailable: Bool, failOnUnavailable: Bool)

    /// The strategy a task gets when it names none.
    public static let `default`: NodeStrategy = .hybrid
}

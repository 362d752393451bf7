import ClusterState

/// The outcome of one scheduling attempt for a placement group's unplaced bundles.
///
/// * `placed` maps every requested bundle index (the `BundleRequest.index` values, nothing
///   else) to the node chosen for it.
/// * `retryLater` means the bundles fit the cluster's idle capacity (every node's total minus
///   what this group's surviving bundles hold) but not what is available now: retry with backoff.
/// * `infeasible` means the strategy cannot place the bundles even on the idle cluster, so only a
///   new node can help.
///
/// Reasons are whole English sentences naming the bundle (index and Python dict repr) and the
/// shortfall, e.g. `Bundle 1 {'GPU': 2.0} of this PACK placement group cannot be placed now: it
/// needs 2.0 GPU but the most any alive node has available is 1.0. …`.
public enum BundlePlacement: Sendable, Equatable {
    case placed([Int: NodeID])
    case retryLater(reason: String)
    case infeasible(reason: String)

    /// The bundle-to-node map when placed, else nil.
    public var nodes: [Int: NodeID]? {
        if case .placed(let map) = self { return map }
        return nil
    }

    /// The reason when not placed, else nil.
    public var reason: String? {
        switch self {
        case .placed: nil
        case .retryLater(let reason), .infeasible(let reason): reason
        }
    }
}

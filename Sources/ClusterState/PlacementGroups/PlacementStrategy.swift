/// How a placement group's bundles may be spread over nodes (Ray's four strategies).
public enum PlacementStrategy: String, Sendable, Hashable, CaseIterable {
    /// Best effort on one node; spill to others when they do not fit.
    case pack = "PACK"
    /// Best effort on distinct nodes; reuse nodes when there are not enough.
    case spread = "SPREAD"
    /// All bundles on one node, or not at all.
    case strictPack = "STRICT_PACK"
    /// Every bundle on a different node, or not at all.
    case strictSpread = "STRICT_SPREAD"
}

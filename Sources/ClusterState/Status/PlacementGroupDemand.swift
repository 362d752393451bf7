/// A pending (or rescheduling) placement group's full bundle list, as `status` prints it:
/// identical groups (same bundles, same strategy) are counted together.
public struct PlacementGroupDemand: Sendable, Hashable {
    /// Bundles in the group's order; each bundle keeps the key order the user wrote.
    public var bundles: [OrderedResources]
    public var strategy: String
    public var count: Int

    public init(bundles: [OrderedResources], strategy: String, count: Int) {
        self.bundles = bundles
        self.strategy = strategy
        self.count = count
    }
}

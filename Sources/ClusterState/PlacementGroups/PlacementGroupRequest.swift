/// The validated arguments of `placement_group(bundles, strategy, name, lifetime)`, produced only
/// by `BundleValidation.validate`: at least one bundle, every bundle non-empty with finite,
/// non-negative quantities representable in fixed point (GPU above 1 whole).
public struct PlacementGroupRequest: Sendable, Hashable {
    /// Bundles in order, each keeping the user's key order (zero amounts dropped).
    public var bundles: [OrderedResources]
    public var strategy: PlacementStrategy
    public var name: String
    /// `lifetime="detached"`.
    public var isDetached: Bool

    public init(bundles: [OrderedResources], strategy: PlacementStrategy, name: String, isDetached: Bool) {
        self.bundles = bundles
        self.strategy = strategy
        self.name = name
        self.isDetached = isDetached
    }
}

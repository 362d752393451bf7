import ClusterState

/// One bundle of a placement group that still needs a node: its index in the group's bundle list
/// (the index the caller gets back in the placement) and the resources it reserves.
///
/// Guarantees nothing about validity: the caller has already rejected empty, negative or NaN
/// bundles. An empty resource set fits every node and scores 0.
public struct BundleRequest: Sendable, Hashable, CustomStringConvertible {
    /// The bundle's index in the placement group (`bundle_index`), not its position in a list.
    public var index: Int
    /// The resources the bundle reserves.
    public var resources: ResourceSet

    public init(index: Int, resources: ResourceSet) {
        self.index = index
        self.resources = resources
    }

    /// `bundle 1 {'GPU': 2.0}`: how reasons name a bundle.
    public var description: String { "bundle \(index) \(resources)" }
}

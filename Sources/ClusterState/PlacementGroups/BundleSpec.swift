/// One bundle of a placement group: its index in the group, the resources the user asked for
/// (in the user's key order, zero amounts dropped) and the node it is reserved on, if any.
///
/// Named `BundleSpec` (as in the design) rather than `Bundle` so that it never clashes with
/// Foundation's `Bundle` in modules that import both.
public struct BundleSpec: Sendable, Hashable {
    /// Position of the bundle in the group (0-based); fixed for the group's lifetime.
    public var index: Int
    /// The bundle's resources, keeping the key order the user wrote.
    public var resources: OrderedResources
    /// The node holding (or preparing) this bundle's reservation; nil while unplaced.
    public var nodeID: NodeID?

    public init(index: Int, resources: OrderedResources, nodeID: NodeID? = nil) {
        self.index = index
        self.resources = resources
        self.nodeID = nodeID
    }

    /// True when the bundle has a node.
    public var isPlaced: Bool { nodeID != nil }
}

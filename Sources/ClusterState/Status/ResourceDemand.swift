/// A task/actor resource shape waiting for resources, with how many requests want it.
public struct ResourceDemand: Sendable, Hashable {
    public var shape: ResourceSet
    public var count: Int
    /// How many of `count` target placement groups (Ray appends `(n+ using placement groups)`).
    public var countUsingPlacementGroups: Int

    public init(shape: ResourceSet, count: Int, countUsingPlacementGroups: Int = 0) {
        self.shape = shape
        self.count = count
        self.countUsingPlacementGroups = countUsingPlacementGroups
    }
}

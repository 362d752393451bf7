import ClusterState

/// Ray's scarcity-first order for placing bundles (`SortRequiredResources`), made stable.
///
/// Bundles are compared, in this order of keys, by the larger amount first: `GPU`; then every
/// custom resource (any name other than CPU, GPU, memory and object_store_memory) appearing in
/// any of the bundles, in code-point name order; then `object_store_memory`, `memory`, `CPU`.
/// Bundles equal on every key keep their input order.
public enum BundleOrder {
    /// Ray's predefined resources; everything else is custom.
    public static let predefinedResources: Set<String> = ["CPU", "GPU", "memory", "object_store_memory"]

    /// The comparison keys for a set of bundles: GPU, custom names, object_store_memory, memory, CPU.
    public static func keys<S: Sequence>(for resourceSets: S) -> [String] where S.Element == ResourceSet {
        var custom = Set<String>()
        for set in resourceSets {
            for name in set.amounts.keys where !predefinedResources.contains(name) { custom.insert(name) }
        }
        return ["GPU"] + custom.sorted(by: PythonOrder.less) + ["object_store_memory", "memory", "CPU"]
    }

    /// The bundles in scarcity-first order (stable).
    public static func scarcityFirst(_ bundles: [BundleRequest]) -> [BundleRequest] {
        let keys = keys(for: bundles.map(\.resources))
        return bundles.enumerated().sorted { a, b in
            for key in keys {
                let x = a.element.resources[key], y = b.element.resources[key]
                if x != y { return x > y }
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}

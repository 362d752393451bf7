/// Checks, before submission, that a task or actor scheduled into a placement group can ever
/// run there: the bundle index exists and the request fits a bundle. Pure.
///
/// A request fits a bundle when every amount it asks for is at most the bundle's; an empty
/// request fits anything. With bundle index -1 any bundle will do, otherwise only that bundle
/// (Ray checks against any bundle in both cases; a request that cannot fit its chosen bundle
/// would wait forever, so swiftray rejects it up front with Ray's message). Problems throw
/// `ClusterStateError.invalidRecord` with Ray's messages.
public enum PlacementGroupFit {
    /// Ray's bundle-index check: -1 (any bundle) or `0 ..< bundleCount`.
    public static func checkBundleIndex(_ index: Int, bundleCount: Int) throws(ClusterStateError) {
        guard index >= -1 && index < bundleCount else {
            throw .invalidRecord("placement group bundle index \(index) is invalid. Valid placement group indexes: 0-\(bundleCount)")
        }
    }

    /// Checks a task named `function` that requests `request` from bundle `bundleIndex` of a
    /// group with `bundles`.
    public static func checkTask(function: String, request: ResourceSet, bundleIndex: Int,
                                 bundles: [ResourceSet]) throws(ClusterStateError) {
        try checkBundleIndex(bundleIndex, bundleCount: bundles.count)
        guard fits(request, bundleIndex: bundleIndex, bundles: bundles) else {
            throw .invalidRecord(requestMessage(function, request, bundles))
        }
    }

    /// Checks an actor of class `className`: its lifetime request, then its placement request
    /// (which, for a default actor, is the one CPU it needs for creation).
    public static func checkActor(className: String, placement: ResourceSet, lifetime: ResourceSet,
                                  bundleIndex: Int, bundles: [ResourceSet]) throws(ClusterStateError) {
        try checkBundleIndex(bundleIndex, bundleCount: bundles.count)
        guard fits(lifetime, bundleIndex: bundleIndex, bundles: bundles) else {
            throw .invalidRecord(requestMessage(className, lifetime, bundles))
        }
        guard fits(placement, bundleIndex: bundleIndex, bundles: bundles) else {
            let cpu = placement["CPU"]
            let shown = cpu.isWhole ? String(cpu.raw / ResourceQuantity.scale) : cpu.description
            throw .invalidRecord("Cannot schedule \(className) with the placement group because the actor requires \(shown) CPU for creation, but it cannot fit into any bundles for the placement group, \(list(bundles)). Consider creating a placement group with CPU resources.")
        }
    }

    /// Checks a task's options when its strategy is a placement group (otherwise does nothing).
    public static func check(_ options: TaskOptions, function: String, bundles: [ResourceSet]) throws(ClusterStateError) {
        guard case .placementGroup(_, let index, _) = options.strategy else { return }
        try checkTask(function: function, request: options.resources, bundleIndex: index, bundles: bundles)
    }

    /// Checks an actor's options when its strategy is a placement group (otherwise does nothing).
    public static func check(_ options: ActorOptions, className: String, bundles: [ResourceSet]) throws(ClusterStateError) {
        guard case .placementGroup(_, let index, _) = options.strategy else { return }
        try checkActor(className: className, placement: options.placementResources,
                       lifetime: options.lifetimeResources, bundleIndex: index, bundles: bundles)
    }

    /// True when `request` fits bundle `bundleIndex`, or any bundle for -1.
    public static func fits(_ request: ResourceSet, bundleIndex: Int, bundles: [ResourceSet]) -> Bool {
        if request.isEmpty { return true }
        if bundleIndex >= 0 {
            return bundleIndex < bundles.count && bundles[bundleIndex].contains(request)
        }
        return bundles.contains { $0.contains(request) }
    }

    private static func requestMessage(_ name: String, _ request: ResourceSet, _ bundles: [ResourceSet]) -> String {
        "Cannot schedule \(name) with the placement group because the resource request \(request) cannot fit into any bundles for the placement group, \(list(bundles))."
    }

    /// Python's repr of the bundle list: `[{'CPU': 1.0}, {'GPU': 1.0}]`.
    private static func list(_ bundles: [ResourceSet]) -> String {
        "[" + bundles.map(\.description).joined(separator: ", ") + "]"
    }
}

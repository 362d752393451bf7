import ClusterState

/// The placement-group-formatted resource names of Ray (`CPU_group_<i>_<pgid>`,
/// `CPU_group_<pgid>`, `bundle_group_<i>_<pgid>`, `bundle_group_<pgid>`): what a node gains when
/// bundles are committed on it, and what a task or actor targeting a group requests instead of
/// plain resources. `<pgid>` is the group id in lowercase hex. Pure string building.
public enum PlacementGroupResourceNames {
    /// The reserved resource name of a bundle's marker resource.
    public static let bundleResource = "bundle"

    /// True for the `bundle_group_…` markers a request in a group carries besides its resources
    /// (Ray leaves them out of an actor's listed `required_resources`).
    public static func isBundleMarker(_ name: String) -> Bool { name.hasPrefix(bundleResource + "_group_") }
    /// The amount of `bundle_group_…` a committed bundle adds to its node.
    public static let bundleMarkerAmount = ResourceQuantity(units: 1000)
    /// The amount of `bundle_group_…` a task or actor in a group requests (0.001).
    public static let bundleRequestAmount = ResourceQuantity(raw: 10)

    /// `<resource>_group_<index>_<pgid>`.
    public static func indexed(_ resource: String, bundleIndex: Int, group: PlacementGroupID) -> String {
        "\(resource)_group_\(bundleIndex)_\(group.hex)"
    }

    /// `<resource>_group_<pgid>`.
    public static func wildcard(_ resource: String, group: PlacementGroupID) -> String {
        "\(resource)_group_\(group.hex)"
    }

    /// What a node gains when bundle `bundleIndex` with `resources` is committed on it:
    /// `<R>_group_<i>_<pgid>` and `<R>_group_<pgid>` = the amount of each resource,
    /// `bundle_group_<i>_<pgid>` = 1000 and `bundle_group_<pgid>` = 1000. Adding the results for
    /// several bundles of one group on one node gives the sums Ray shows.
    public static func committed(bundleIndex: Int, resources: ResourceSet, group: PlacementGroupID) -> ResourceSet {
        var out = ResourceSet()
        for (name, amount) in resources.amounts {
            out[indexed(name, bundleIndex: bundleIndex, group: group)] += amount
            out[wildcard(name, group: group)] += amount
        }
        out[indexed(bundleResource, bundleIndex: bundleIndex, group: group)] += bundleMarkerAmount
        out[wildcard(bundleResource, group: group)] += bundleMarkerAmount
        return out
    }

    /// What a node gains for all of `bundles` (this group's bundles on that node):
    /// wildcard names carry the sums and `bundle_group_<pgid>` is 1000 × the number of bundles.
    public static func committed(bundles: [BundleRequest], group: PlacementGroupID) -> ResourceSet {
        bundles.reduce(into: ResourceSet()) { $0.add(committed(bundleIndex: $1.index, resources: $1.resources, group: group)) }
    }

    /// The resources a task or actor needing `resources` requests when it targets `group`:
    /// for `bundleIndex` −1 (any bundle) the wildcard name of every resource plus
    /// `bundle_group_<pgid>: 0.001`; for an index `i` ≥ 0 both the wildcard and the indexed name
    /// of every resource plus `bundle_group_<pgid>: 0.001` and `bundle_group_<i>_<pgid>: 0.001`.
    /// A request without resources needs only the `bundle_group` entries.
    public static func request(_ resources: ResourceSet, group: PlacementGroupID, bundleIndex: Int) -> ResourceSet {
        var out = ResourceSet()
        for (name, amount) in resources.amounts {
            out[wildcard(name, group: group)] += amount
            if bundleIndex >= 0 { out[indexed(name, bundleIndex: bundleIndex, group: group)] += amount }
        }
        out[wildcard(bundleResource, group: group)] += bundleRequestAmount
        if bundleIndex >= 0 {
            out[indexed(bundleResource, bundleIndex: bundleIndex, group: group)] += bundleRequestAmount
        }
        return out
    }
}

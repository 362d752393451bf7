/// Where a task or actor may be scheduled: Ray's `scheduling_strategy`, validated.
///
/// A parsed value always holds a well-formed node or placement-group id and consistent flags:
/// `spillOnUnavailable` only with `soft`, `failOnUnavailable` only without it. The bundle index
/// is checked against the group itself (it must be -1 for any bundle, or an existing bundle) by
/// `PlacementGroupFit`, which knows the bundle count. Pure value.
public enum TaskStrategy: Hashable, Sendable {
    /// `"DEFAULT"` (or no strategy): Ray's hybrid policy.
    case `default`
    /// `"SPREAD"`: best-effort spreading over nodes.
    case spread
    /// `NodeAffinitySchedulingStrategy(node_id, soft, _spill_on_unavailable, _fail_on_unavailable)`.
    case nodeAffinity(NodeID, soft: Bool, spillOnUnavailable: Bool, failOnUnavailable: Bool)
    /// `PlacementGroupSchedulingStrategy(placement_group, placement_group_bundle_index,
    /// placement_group_capture_child_tasks)`; bundle index -1 means any bundle.
    case placementGroup(PlacementGroupID, bundleIndex: Int, captureChildTasks: Bool)

    /// Ray's list of accepted strategies, as its message prints it.
    static let validValues = "[\"DEFAULT\" | \"SPREAD\" | PlacementGroupSchedulingStrategy | NodeAffinitySchedulingStrategy]"

    /// The Python types `scheduling_strategy` may have, as Ray's TypeError prints them.
    static let acceptedTypes = "(<class 'NoneType'>, <class 'str'>, <class 'ray.util.scheduling_strategies.PlacementGroupSchedulingStrategy'>, <class 'ray.util.scheduling_strategies.NodeAffinitySchedulingStrategy'>)"

    /// Parses a `scheduling_strategy` value as the driver sends it: `None` (→ `.default`), the
    /// strings `"DEFAULT"` and `"SPREAD"`, or a strategy object sent as a dict whose `type` names
    /// the class and whose other keys are the object's attributes (missing ones take Ray's
    /// defaults: `soft` False, bundle index -1, capture False, the two node-affinity flags False).
    ///
    /// A placement-group strategy whose `placement_group` is None means "no group": it parses to
    /// `.default`, and then its bundle index must be -1.
    public static func parse(_ value: PyValue) throws(ClusterStateError) -> TaskStrategy {
        switch value {
        case .none:
            return .default
        case .str("DEFAULT"):
            return .default
        case .str("SPREAD"):
            return .spread
        case .str(let text):
            throw .invalidRecord(invalidValue(text))
        case .dict:
            switch value["type"] {
            case .str("NodeAffinitySchedulingStrategy")?:
                return try nodeAffinity(value)
            case .str("PlacementGroupSchedulingStrategy")?:
                return try placementGroup(group: value["placement_group"] ?? .none,
                                          bundleIndex: value["placement_group_bundle_index"] ?? .int(-1),
                                          captureChildTasks: value["placement_group_capture_child_tasks"] ?? .none)
            case .str(let other)?:
                throw .invalidRecord(invalidValue(other))
            default:
                throw .invalidRecord(invalidValue(value.repr))
            }
        default:
            throw .invalidType("The type of keyword 'scheduling_strategy' must be \(acceptedTypes), but received type \(value.typeRepr)")
        }
    }

    /// Builds the strategy of a placement group given as `{'placement_group_id': '<hex>'}` (or
    /// None for no group) with a bundle index and the capture flag (None reads as False). Used
    /// both for `PlacementGroupSchedulingStrategy` and for the legacy `placement_group=` options.
    public static func placementGroup(group: PyValue, bundleIndex: PyValue,
                                      captureChildTasks: PyValue) throws(ClusterStateError) -> TaskStrategy {
        let index: Int
        switch bundleIndex {
        case .int(let i): index = i
        case .bool(let b): index = b ? 1 : 0
        default:
            throw .invalidType("The placement group bundle index must be an int, got \(bundleIndex.typeRepr).")
        }
        switch group {
        case .none:
            guard index == -1 else {
                throw .invalidRecord("If placement group is not set, the value of bundle index must be -1.")
            }
            return .default
        case .dict:
            guard case .str(let hex)? = group["placement_group_id"] else {
                throw .invalidType("The placement group must be a PlacementGroup, got \(group.repr).")
            }
            let id = try PlacementGroupID(hex: hex)
            return .placementGroup(id, bundleIndex: index, captureChildTasks: truthy(captureChildTasks))
        default:
            throw .invalidType("The placement group must be a PlacementGroup, got \(group.repr).")
        }
    }

    private static func nodeAffinity(_ value: PyValue) throws(ClusterStateError) -> TaskStrategy {
        let nodeValue = value["node_id"] ?? .none
        guard case .str(let hex) = nodeValue, let id = try? NodeID(hex: hex) else {
            throw .invalidRecord("Invalid node_id '\(nodeValue.str)'. Node ID must be a valid hex string.")
        }
        let soft = truthy(value["soft"] ?? .none)
        let spill = truthy(value["_spill_on_unavailable"] ?? .none)
        let fail = truthy(value["_fail_on_unavailable"] ?? .none)
        if spill && !soft {
            throw .invalidRecord("NodeAffinitySchedulingStrategy's _spill_on_unavailable requires soft=True: a hard node affinity never spills to another node.")
        }
        if fail && soft {
            throw .invalidRecord("NodeAffinitySchedulingStrategy's _fail_on_unavailable requires soft=False: a soft node affinity falls back to another node instead of failing.")
        }
        return .nodeAffinity(id, soft: soft, spillOnUnavailable: spill, failOnUnavailable: fail)
    }

    private static func invalidValue(_ shown: String) -> String {
        "Invalid scheduling_strategy value \(shown). Valid values are \(validValues)"
    }

    /// Python's truth value of a flag (`None`, `False`, `0`, `''` and empty containers are false).
    static func truthy(_ value: PyValue) -> Bool {
        switch value {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let items), .tuple(let items): return !items.isEmpty
        case .dict(let pairs): return !pairs.isEmpty
        }
    }
}

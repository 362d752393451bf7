import ClusterState
import Testing

/// Shared values for the task/actor option tests.
enum OptsFixture {
    static let nodeHex = String(repeating: "a1", count: 28)
    static let node = try! NodeID(hex: nodeHex)
    static let pgHex = "94f9a0639aaf035354dc7bb983c301000000"
    static let pg = try! PlacementGroupID(hex: pgHex)

    /// A `PlacementGroup` object as the driver sends it.
    static let group: PyValue = .object([("placement_group_id", .str(pgHex))])

    /// `NodeAffinitySchedulingStrategy(...)` as the driver sends it (attributes in sorted order).
    static func nodeAffinity(_ node: PyValue = .str(nodeHex), soft: PyValue = false,
                             spill: PyValue = false, fail: PyValue = false) -> PyValue {
        .object([("type", "NodeAffinitySchedulingStrategy"), ("_fail_on_unavailable", fail),
                 ("_spill_on_unavailable", spill), ("node_id", node), ("soft", soft)])
    }

    /// `PlacementGroupSchedulingStrategy(...)` as the driver sends it.
    static func pgStrategy(_ group: PyValue = OptsFixture.group, index: PyValue = -1,
                           capture: PyValue = .none) -> PyValue {
        .object([("type", "PlacementGroupSchedulingStrategy"), ("placement_group", group),
                 ("placement_group_bundle_index", index), ("placement_group_capture_child_tasks", capture)])
    }

    /// A resource set from doubles (truncated to fixed point, zeros dropped).
    static func set(_ amounts: [String: Double]) -> ResourceSet { ResourceSet(doubles: amounts) }

    static let cpu1 = set(["CPU": 1])
}

/// The error `body` throws, or nil when it does not throw.
func thrownError(_ body: () throws -> Void) -> ClusterStateError? {
    do {
        try body()
        return nil
    } catch let error as ClusterStateError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

/// One option set that must be rejected with exactly `error` (kind and message).
struct RejectedOptions: Sendable, CustomTestStringConvertible {
    let label: String
    let options: TaskOptionsParser.Options
    var overrides: TaskOptionsParser.Options = []
    let error: ClusterStateError
    var testDescription: String { label }
}

/// One accepted option set and the resource request(s) it must produce.
struct AcceptedResources: Sendable, CustomTestStringConvertible {
    let label: String
    let options: TaskOptionsParser.Options
    var overrides: TaskOptionsParser.Options = []
    /// Tasks: the request. Actors: the placement request.
    let placement: ResourceSet
    /// Actors only: the lifetime request.
    var lifetime: ResourceSet = ResourceSet()
    var testDescription: String { label }
}

/// The operations a `load-test` driver times, in the order one round of its loop makes them.
/// The raw value is the key the driver script prints in its summary line.
enum LoadTestOperation: String, CaseIterable, Codable, Sendable {
    /// `placement_group(bundles, strategy=…)`: the call returns once the GCS has the PENDING group.
    case create
    /// `ray.get(pg.ready(), timeout=…)`: until the group is CREATED.
    case ready
    /// `remove_placement_group(pg)`.
    case remove
    /// `f.remote(i)`: a small task submitted.
    case submit
    /// `ray.get(ref, timeout=…)`: the task's result back (and checked).
    case get

    /// How the report names the operation.
    var title: String {
        switch self {
        case .create: "placement group create"
        case .ready: "placement group ready"
        case .remove: "placement group remove"
        case .submit: "task submit"
        case .get: "task get"
        }
    }
}

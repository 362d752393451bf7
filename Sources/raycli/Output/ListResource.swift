/// The resources `ray list` knows, in Ray's CLI spelling (`placement-groups`, …).
///
/// Guarantees: `cliName` is Ray's spelling; `init(cliName:)` accepts exactly those names and
/// otherwise throws Ray's click message listing every choice; `schema` is nil for resources this
/// build cannot list yet (add a `ListSchema` to support one).
public enum ListResource: String, Sendable, CaseIterable {
    case actors
    case jobs
    case placementGroups = "placement-groups"
    case nodes
    case workers
    case tasks
    case objects
    case runtimeEnvs = "runtime-envs"
    case clusterEvents = "cluster-events"

    public var cliName: String { rawValue }

    /// Ray's resource value with `_` (`placement_groups`), used in filter-key errors.
    public var apiName: String { String(rawValue.map { $0 == "-" ? "_" : $0 }) }

    public init(cliName: String) throws(OutputError) {
        guard let r = ListResource(rawValue: cliName) else {
            throw .unknownResource(name: cliName, choices: ListResource.allCases.map(\.rawValue))
        }
        self = r
    }

    /// The schema used to list this resource, or nil when not supported yet. Nodes, jobs, actors,
    /// tasks, workers and objects have row builders in `ListRows`; placement-group rows are built
    /// by the caller.
    public var schema: ListSchema? {
        switch self {
        case .nodes: return .nodes
        case .jobs: return .jobs
        case .placementGroups: return .placementGroups
        case .actors: return .actors
        case .tasks: return .tasks
        case .workers: return .workers
        case .objects: return .objects
        default: return nil
        }
    }
}

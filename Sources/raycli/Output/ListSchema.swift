/// What `ray list <resource>` knows about one resource's rows: columns, their order and types,
/// which are detail-only, which can be filtered on, and the primary id used for sorting.
///
/// Guarantees: `allColumns` is the record order (the order of JSON/YAML keys and of the
/// `--detail` table); `baseColumns` (the default table) is a subset of it; every filterable
/// column is a column. Adding a resource means adding a schema here plus a row builder.
public struct ListSchema: Sendable, Hashable {
    /// How filter values are converted before comparison (Ray's `_convert_filters_type`).
    public enum ColumnKind: Sendable, Hashable {
        case string, bool, int, other
    }

    public var resource: ListResource
    /// The column rows are sorted by (ascending string order).
    public var primaryKey: String
    public var baseColumns: [String]
    public var allColumns: [String]
    public var filterableColumns: [String]
    public var kinds: [String: ColumnKind]

    public init(resource: ListResource, primaryKey: String, baseColumns: [String], allColumns: [String],
                filterableColumns: [String], kinds: [String: ColumnKind] = [:]) {
        self.resource = resource
        self.primaryKey = primaryKey
        self.baseColumns = baseColumns
        self.allColumns = allColumns
        self.filterableColumns = filterableColumns
        self.kinds = kinds
    }

    /// Columns that only `--detail` shows.
    public var detailOnlyColumns: [String] { allColumns.filter { !baseColumns.contains($0) } }

    /// The kind of a column (string when not declared).
    public func kind(of column: String) -> ColumnKind { kinds[column] ?? .string }

    /// Table columns: base columns, or every column in record order with `--detail`.
    public func tableColumns(detail: Bool) -> [String] { detail ? allColumns : baseColumns }

    /// `ray list nodes` (Ray's `NodeState`).
    public static let nodes = ListSchema(
        resource: .nodes, primaryKey: "node_id",
        baseColumns: ["node_id", "node_ip", "is_head_node", "state", "state_message", "node_name",
                      "resources_total", "labels"],
        allColumns: ["node_id", "node_ip", "is_head_node", "state", "state_message", "node_name",
                     "resources_total", "labels", "start_time_ms", "end_time_ms"],
        filterableColumns: ["node_id", "node_ip", "is_head_node", "state", "node_name"],
        kinds: ["is_head_node": .bool, "resources_total": .other, "labels": .other])

    /// `ray list jobs` (Ray's `JobDetails`; `--detail` uses its pydantic field order).
    public static let jobs = ListSchema(
        resource: .jobs, primaryKey: "job_id",
        baseColumns: ["job_id", "submission_id", "entrypoint", "type", "status", "message",
                      "error_type", "driver_info"],
        allColumns: ["type", "job_id", "submission_id", "driver_info", "status", "entrypoint",
                     "message", "error_type", "start_time", "end_time", "metadata", "runtime_env",
                     "driver_agent_http_address", "driver_node_id", "driver_exit_code"],
        filterableColumns: ["type", "job_id", "submission_id", "status"],
        kinds: ["driver_info": .other, "start_time": .int, "end_time": .int, "metadata": .other,
                "runtime_env": .other, "driver_exit_code": .int])

    /// `ray list placement-groups` (Ray's `PlacementGroupState`). Rows come from the caller.
    public static let placementGroups = ListSchema(
        resource: .placementGroups, primaryKey: "placement_group_id",
        baseColumns: ["placement_group_id", "name", "creator_job_id", "state"],
        allColumns: ["placement_group_id", "name", "creator_job_id", "state", "bundles", "is_detached",
                     "stats", "topology_strategy", "topology_assignments"],
        filterableColumns: ["placement_group_id", "name", "creator_job_id", "state", "is_detached"],
        kinds: ["is_detached": .bool, "bundles": .other, "stats": .other, "topology_strategy": .other,
                "topology_assignments": .other])

    /// `ray list actors`: the fourteen fields of the seed's `--detail` block, in its (sorted)
    /// order (DESIGN §7). Rows come from the caller.
    public static let actors = ListSchema(
        resource: .actors, primaryKey: "actor_id",
        baseColumns: ["actor_id", "class_name", "state", "job_id", "name", "node_id", "pid", "ray_namespace"],
        allColumns: ["actor_id", "class_name", "death_cause", "is_detached", "job_id", "name", "node_id", "pid",
                     "placement_group_id", "ray_namespace", "repr_name", "required_resources",
                     "serialized_runtime_env", "state"],
        filterableColumns: ["actor_id", "class_name", "state", "job_id", "name", "node_id", "pid",
                            "ray_namespace", "placement_group_id", "repr_name"],
        kinds: ["pid": .int, "is_detached": .bool, "death_cause": .other, "required_resources": .other])
}

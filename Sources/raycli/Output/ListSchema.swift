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
    /// order (DESIGN §7). Rows come from `ListRows.actor`.
    public static let actors = ListSchema(
        resource: .actors, primaryKey: "actor_id",
        baseColumns: ["actor_id", "class_name", "state", "job_id", "name", "node_id", "pid", "ray_namespace"],
        allColumns: ["actor_id", "class_name", "death_cause", "is_detached", "job_id", "name", "node_id", "pid",
                     "placement_group_id", "ray_namespace", "repr_name", "required_resources",
                     "serialized_runtime_env", "state"],
        filterableColumns: ["actor_id", "class_name", "state", "job_id", "name", "node_id", "pid",
                            "ray_namespace", "placement_group_id", "repr_name"],
        kinds: ["pid": .int, "is_detached": .bool, "death_cause": .other, "required_resources": .other])

    /// `ray list tasks` (Ray's `TaskState`): one row per attempt. Rows come from
    /// `ListRows.task`; driver tasks are left out by `ListRows.visibleTasks`.
    public static let tasks = ListSchema(
        resource: .tasks, primaryKey: "task_id",
        baseColumns: ["task_id", "attempt_number", "name", "state", "job_id", "actor_id", "type",
                      "func_or_class_name", "parent_task_id", "node_id", "worker_id", "worker_pid",
                      "error_type"],
        allColumns: ["task_id", "attempt_number", "name", "state", "job_id", "actor_id", "type",
                     "func_or_class_name", "parent_task_id", "node_id", "worker_id", "worker_pid",
                     "error_type", "language", "required_resources", "runtime_env_info",
                     "placement_group_id", "events", "profiling_data", "creation_time_ms",
                     "start_time_ms", "end_time_ms", "task_log_info", "error_message",
                     "is_debugger_paused", "call_site", "label_selector", "fallback_strategy"],
        filterableColumns: ["task_id", "attempt_number", "name", "state", "job_id", "actor_id", "type",
                            "func_or_class_name", "parent_task_id", "node_id", "worker_id", "worker_pid",
                            "error_type", "language", "placement_group_id", "is_debugger_paused"],
        kinds: ["attempt_number": .int, "worker_pid": .int, "is_debugger_paused": .bool,
                "required_resources": .other, "runtime_env_info": .other, "events": .other,
                "profiling_data": .other, "task_log_info": .other, "label_selector": .other,
                "fallback_strategy": .other])

    /// `ray list workers` (Ray's `WorkerState`). Rows come from `ListRows.worker`.
    public static let workers = ListSchema(
        resource: .workers, primaryKey: "worker_id",
        baseColumns: ["worker_id", "is_alive", "worker_type", "exit_type", "node_id", "ip", "pid"],
        allColumns: ["worker_id", "is_alive", "worker_type", "exit_type", "node_id", "ip", "pid",
                     "exit_detail", "worker_launch_time_ms", "worker_launched_time_ms", "start_time_ms",
                     "end_time_ms", "debugger_port", "num_paused_threads"],
        filterableColumns: ["worker_id", "is_alive", "worker_type", "exit_type", "node_id", "ip", "pid",
                            "debugger_port", "num_paused_threads"],
        kinds: ["is_alive": .bool, "pid": .int, "debugger_port": .int, "num_paused_threads": .int])

    /// `ray list objects` (Ray's `ObjectState`): no detail-only column, every column filterable.
    /// Rows come from `ListRows.object`; filter them with `ListRows.objectFilterRow`, which keeps
    /// `object_size` in bytes as Ray's server does (see `ListRenderer.render(_:objects:…)`).
    public static let objects = ListSchema(
        resource: .objects, primaryKey: "object_id",
        baseColumns: ["object_id", "object_size", "task_status", "attempt_number", "reference_type",
                      "call_site", "type", "pid", "ip"],
        allColumns: ["object_id", "object_size", "task_status", "attempt_number", "reference_type",
                     "call_site", "type", "pid", "ip"],
        filterableColumns: ["object_id", "object_size", "task_status", "attempt_number", "reference_type",
                            "call_site", "type", "pid", "ip"],
        kinds: ["object_size": .int, "attempt_number": .int, "pid": .int])
}

import ClusterState
import Foundation
import OrderedCollections

/// Task rows of `ray list tasks` (Ray's `TaskState`, one row per attempt).
///
/// Guarantees (each value as Ray's state API produces it before any format):
/// - Ids are hex; `actor_id`, `node_id`, `worker_id`, `worker_pid`, `placement_group_id` are
///   null when unset; `error_type`/`error_message` are null unless the attempt `FAILED`.
/// - `required_resources` is a dict of floats in code-point key order; `language` the record's.
/// - `events` is a list of `{state, created_ms}`, one per state in Ray's enum order (Ray keeps
///   a state → time map; a state reported twice keeps its last time), `created_ms` humanised.
/// - `creation_time_ms`, `start_time_ms`, `end_time_ms` are Python datetimes in `timeZone`
///   (null when unset).
/// - What swiftray does not track is printed as Ray prints it for a task without it:
///   `runtime_env_info` is the default runtime env (`serialized_runtime_env: '{}'`,
///   `runtime_env_config: {setup_timeout_seconds: 600, eager_install: true, log_files: []}`),
///   `profiling_data` `{}`, `label_selector` `{}`, and `task_log_info`, `is_debugger_paused`,
///   `call_site`, `fallback_strategy` null.
extension ListRows {
    public static func task(_ t: TaskInfo, timeZone: TimeZone) -> StateRow {
        func time(_ ms: Int64?) -> StateValue {
            ms.map { .string(PythonDateTime.string(millis: $0, timeZone: timeZone)) } ?? .null
        }
        var resources = OrderedDictionary<String, StateValue>()
        for name in t.requiredResources.names {
            resources[name] = .double(t.requiredResources[name].doubleValue)
        }
        let failed = t.state == .failed
        return [
            "task_id": .string(t.taskID.hex),
            "attempt_number": .int(Int64(t.attemptNumber)),
            "name": .string(t.name),
            "state": .string(t.state.rawValue),
            "job_id": .string(t.jobID.hex),
            "actor_id": .optionalString(t.actorID?.hex),
            "type": .string(t.type.rawValue),
            "func_or_class_name": .string(t.funcOrClassName),
            "parent_task_id": .string(t.parentTaskID.hex),
            "node_id": .optionalString(t.nodeID?.hex),
            "worker_id": .optionalString(t.workerID?.hex),
            "worker_pid": t.workerPid.map { .int(Int64($0)) } ?? .null,
            "error_type": failed ? .optionalString(t.errorType) : .null,
            "language": .string(t.language),
            "required_resources": .dict(resources),
            "runtime_env_info": defaultRuntimeEnvInfo,
            "placement_group_id": .optionalString(t.placementGroupID?.hex),
            "events": .list(rayEvents(t.events).map { event -> StateValue in
                ["state": .string(event.state.rawValue), "created_ms": time(event.createdMs)]
            }),
            "profiling_data": .dict([:]),
            "creation_time_ms": time(t.creationTimeMs),
            "start_time_ms": time(t.startTimeMs),
            "end_time_ms": time(t.endTimeMs),
            "task_log_info": .null,
            "error_message": failed ? .optionalString(t.errorMessage) : .null,
            "is_debugger_paused": .null,
            "call_site": .null,
            "label_selector": .dict([:]),
            "fallback_strategy": .null,
        ]
    }

    /// The attempts `ray list tasks` shows: without `DRIVER_TASK` rows unless `excludeDriver`
    /// is false (Ray's `exclude_driver=True` default), ordered by task id string, then attempt
    /// (the list pipeline's stable sort by `task_id` keeps the attempts in that order).
    public static func visibleTasks(_ tasks: [TaskInfo], excludeDriver: Bool = true) -> [TaskInfo] {
        tasks.enumerated()
            .filter { !excludeDriver || $0.element.type != .driverTask }
            .map { (id: $0.element.taskID.hex, offset: $0.offset, task: $0.element) }
            .sorted { a, b in
                if a.id != b.id { return PythonOrder.less(a.id, b.id) }
                if a.task.attemptNumber != b.task.attemptNumber { return a.task.attemptNumber < b.task.attemptNumber }
                return a.offset < b.offset
            }
            .map(\.task)
    }

    /// Ray's view of the events: one per state (the last time reported wins), in enum order.
    static func rayEvents(_ events: [TaskStateEvent]) -> [TaskStateEvent] {
        var latest: [TaskState: Int64] = [:]
        for e in events { latest[e.state] = e.createdMs }
        return TaskState.allCases.compactMap { s in latest[s].map { TaskStateEvent(state: s, createdMs: $0) } }
    }

    /// `runtime_env_info` of a task without a runtime env, as Ray's protobuf-to-dict prints it.
    static let defaultRuntimeEnvInfo: StateValue = [
        "serialized_runtime_env": "{}",
        "runtime_env_config": [
            "setup_timeout_seconds": 600,
            "eager_install": true,
            "log_files": [],
        ],
    ]
}

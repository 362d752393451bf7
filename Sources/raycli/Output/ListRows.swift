import ClusterState
import Foundation
import OrderedCollections

/// Builds full `ray list` records (`StateRow`s, every schema column, humanised as Ray's state API
/// does before any format) from cluster-state records.
///
/// Guarantees:
/// - Nodes: `node_id`, `node_ip`, `is_head_node`, `state`, `state_message` (null while alive),
///   `node_name`, `resources_total` (keys sorted by code point; keys containing `memory` as
///   `MemoryFormat.humanify` text, others as floats), `labels` (the node's labels plus
///   `ray.io/node-id: <id>`, sorted), `start_time_ms`/`end_time_ms` as Python datetimes in
///   `timeZone`.
/// - Jobs (driver jobs): `type` is the text `DRIVER` — Ray prints the enum's repr
///   (`JobType.DRIVER`) in tables and a Python tag in YAML; swiftray prints the plain name in
///   every format. `driver_info` is `{id, node_ip_address, pid}` with the pid as a string;
///   `submission_id` and `driver_agent_http_address` are null; empty `message`/`error_type`
///   are null; `start_time`/`end_time` stay integer milliseconds (Ray does not humanise them);
///   `metadata` and `runtime_env` are `{}`.
/// - `visibleJobs` drops jobs in `_ray_internal_` namespaces, as `ray list jobs` does.
public enum ListRows {
    public static func node(_ n: NodeInfo, timeZone: TimeZone) -> StateRow {
        var resources = OrderedDictionary<String, StateValue>()
        for name in n.resourcesTotal.names {
            let q = n.resourcesTotal[name]
            resources[name] = name.contains("memory")
                ? .string(MemoryFormat.humanify(bytes: q.doubleValue)) : .double(q.doubleValue)
        }
        var labelMap = n.labels
        labelMap["ray.io/node-id"] = n.nodeID.hex
        var labels = OrderedDictionary<String, StateValue>()
        for key in labelMap.keys.sorted(by: PythonOrder.less) { labels[key] = .string(labelMap[key]!) }
        return [
            "node_id": .string(n.nodeID.hex),
            "node_ip": .string(n.ip),
            "is_head_node": .bool(n.isHead),
            "state": .string(n.state.rawValue),
            "state_message": .optionalString(n.stateMessage),
            "node_name": .string(n.nodeName),
            "resources_total": .dict(resources),
            "labels": .dict(labels),
            "start_time_ms": .string(PythonDateTime.string(millis: n.startTimeMs, timeZone: timeZone)),
            "end_time_ms": .string(PythonDateTime.string(millis: n.endTimeMs, timeZone: timeZone)),
        ]
    }

    public static func job(_ j: JobInfo) -> StateRow {
        [
            // Ray prints `JobType.DRIVER` (table) or a `!!python/object/apply` tag (YAML) here;
            // swiftray prints the plain enum name everywhere.
            "type": "DRIVER",
            "job_id": .string(j.jobID.hex),
            "submission_id": .null,
            "driver_info": [
                "id": .string(j.jobID.hex),
                "node_ip_address": .string(j.driverIp),
                "pid": .string(String(j.driverPid)),
            ],
            "status": .string(j.status.rawValue),
            "entrypoint": .string(j.entrypoint),
            "message": j.message.isEmpty ? .null : .string(j.message),
            "error_type": j.errorType.isEmpty ? .null : .string(j.errorType),
            "start_time": .int(j.startTimeMs),
            "end_time": .int(j.endTimeMs),
            "metadata": .dict([:]),
            "runtime_env": .dict([:]),
            "driver_agent_http_address": .null,
            "driver_node_id": .optionalString(j.driverNodeID?.hex),
            "driver_exit_code": j.driverExitCode.map { .int(Int64($0)) } ?? .null,
        ]
    }

    /// Jobs `ray list jobs` shows: those outside `_ray_internal_` namespaces.
    public static func visibleJobs(_ jobs: [JobInfo]) -> [JobInfo] {
        jobs.filter { !$0.namespace.hasPrefix("_ray_internal_") }
    }
}

import ClusterState
import Foundation

/// Worker rows of `ray list workers` (Ray's `WorkerState`).
///
/// Guarantees: `exit_type`/`exit_detail` null while alive; `worker_launch_time_ms` and
/// `worker_launched_time_ms` humanised, `""` when unknown (Ray's −1); `start_time_ms` humanised,
/// `end_time_ms` humanised with an unset end as 0 (`1970-01-01 00:00:00` in UTC), as Ray prints
/// a live worker; `debugger_port`/`num_paused_threads` null (swiftray has no debugger).
/// Deviation: a Ray driver's launch times are 2^64−1, which Ray fails to humanise (it prints the
/// raw number and logs an error); swiftray prints `""` for them.
extension ListRows {
    public static func worker(_ w: WorkerInfo, timeZone: TimeZone) -> StateRow {
        func time(_ ms: Int64) -> StateValue { .string(PythonDateTime.string(millis: ms, timeZone: timeZone)) }
        func launch(_ ms: Int64?) -> StateValue { ms.map(time) ?? "" }
        return [
            "worker_id": .string(w.workerID.hex),
            "is_alive": .bool(w.isAlive),
            "worker_type": .string(w.workerType.rawValue),
            "exit_type": .optionalString(w.exitType?.rawValue),
            "node_id": .string(w.nodeID.hex),
            "ip": .string(w.ip),
            "pid": .int(Int64(w.pid)),
            "exit_detail": .optionalString(w.exitDetail),
            "worker_launch_time_ms": launch(w.workerLaunchTimeMs),
            "worker_launched_time_ms": launch(w.workerLaunchedTimeMs),
            "start_time_ms": time(w.startTimeMs),
            "end_time_ms": time(w.endTimeMs ?? 0),
            "debugger_port": .null,
            "num_paused_threads": .null,
        ]
    }
}

import ClusterState
import Foundation

/// `ray list actors|tasks|workers|objects` from cluster records.
///
/// Guarantees: the same pipeline and output as `render(_:rows:nowMicros:timeZone:)`; tasks
/// leave out driver tasks unless `excludeDriver` is false; objects are filtered on
/// `ListRows.objectFilterRow` (sizes in bytes) and, for table formats, warn that creation sites
/// are not recorded unless `callsiteRecorded`, after any `--limit` warning, as Ray does.
extension ListRenderer {
    /// `ray list actors`.
    public static func render(_ request: ListRequest, actors: [ActorInfo], nowMicros: Int64,
                              timeZone: TimeZone) -> ListOutput {
        render(request, rows: actors.map(ListRows.actor), nowMicros: nowMicros, timeZone: timeZone)
    }

    /// `ray list tasks` (Ray's `exclude_driver=True` unless `excludeDriver` is false).
    public static func render(_ request: ListRequest, tasks: [TaskInfo], excludeDriver: Bool = true,
                              nowMicros: Int64, timeZone: TimeZone) -> ListOutput {
        render(request, rows: ListRows.visibleTasks(tasks, excludeDriver: excludeDriver)
                   .map { ListRows.task($0, timeZone: timeZone) },
               nowMicros: nowMicros, timeZone: timeZone)
    }

    /// `ray list workers`.
    public static func render(_ request: ListRequest, workers: [WorkerInfo], nowMicros: Int64,
                              timeZone: TimeZone) -> ListOutput {
        render(request, rows: workers.map { ListRows.worker($0, timeZone: timeZone) },
               nowMicros: nowMicros, timeZone: timeZone)
    }

    /// `ray list objects`.
    public static func render(_ request: ListRequest, objects: [ObjectInfo], callsiteRecorded: Bool = false,
                              nowMicros: Int64, timeZone: TimeZone) -> ListOutput {
        var out = render(request, rows: objects.map(ListRows.object), filterRows: objects.map(ListRows.objectFilterRow),
                         nowMicros: nowMicros, timeZone: timeZone)
        let format = request.effectiveFormat
        if !callsiteRecorded && (format == .default || format == .table) {
            out.warnings.append(ListRows.callsiteWarning)
        }
        return out
    }

    /// The pipeline with filters applied to `filterRows` (the values before humanising, one per
    /// row of `rows`, same order) and everything else to `rows`.
    public static func render(_ request: ListRequest, rows: [StateRow], filterRows: [StateRow],
                              nowMicros: Int64, timeZone: TimeZone) -> ListOutput {
        precondition(rows.count == filterRows.count, "one filter row per row")
        let kept = zip(rows, filterRows).filter { _, raw in request.filters.allSatisfy { $0.matches(raw) } }.map(\.0)
        var unfiltered = request
        unfiltered.filters = []
        return render(unfiltered, rows: kept, nowMicros: nowMicros, timeZone: timeZone)
    }
}

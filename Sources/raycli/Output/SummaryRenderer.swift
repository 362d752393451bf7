import ClusterState
import Foundation
import OrderedCollections

/// The full standard output of `ray summary tasks|actors|objects`.
///
/// Guarantees (Ray's `TaskSummaries`/`ActorSummaries`/`ObjectSummaries` and the CLI's
/// `format_summary_output` / `format_object_summary_output`):
/// - Layout: an empty line, `======== <title>: <now> ======== `, `Stats:`, 36 dashes, the stats
///   as `yaml.dump(indent=2)` (sorted keys), two blank lines, `Table (group by <key>):` (objects:
///   no colon), 36 dashes, the table(s), and an empty line. The stats block is printed even
///   when nothing exists (all totals 0, no table): Ray's summary reply always holds its
///   `cluster` entry, so the CLI's `No resource in the cluster` branch is never reached.
/// - Input is taken as Ray's summary endpoints take it from the list pipeline: sorted by id
///   string (stable), at most `ListRequest.maxLimit` rows; groups appear in order of first
///   appearance, so by their lowest id.
/// - Tasks: driver tasks are left out; every attempt counts. Grouped by `name` (the function
///   or class name when the name is empty); per group the first row's `TYPE` and a
///   `STATE_COUNTS` block; `total_tasks`, `total_actor_tasks`, `total_actor_scheduled` count
///   normal, actor and actor-creation attempts.
/// - Actors: grouped by class name with `STATE_COUNTS`; `total_actors`.
/// - Objects: one `simple` table per call site (`|` in a call site starts a new line), tables
///   separated by three blank lines; columns `REF_TYPE_COUNTS`, `TASK_ATTEMPT_NUMBER_COUNTS`
///   (attempts as printed by `list objects`, i.e. plus one), `TASK_STATE_COUNTS`,
///   `TOTAL_NUM_NODES` (distinct ips), `TOTAL_NUM_WORKERS` (distinct pids), `TOTAL_OBJECTS`,
///   `TOTAL_SIZE_MB` (sizes of −1 skipped; the integer `0` until a size is added, as in Ray);
///   stats `callsite_enabled` (false when any call site is `disabled`), `total_objects`,
///   `total_size_mb`. Unless `callsiteRecorded`, `warnings` holds Ray's callsite warning.
/// - Pure: `now` and the time zone are parameters.
public enum SummaryRenderer {
    public static func tasks(_ tasks: [TaskInfo], nowMicros: Int64, timeZone: TimeZone) -> SummaryOutput {
        let rows = ListRows.visibleTasks(tasks).prefix(ListRequest.maxLimit)
        var groups = OrderedDictionary<String, (type: TaskType, counts: OrderedDictionary<String, StateValue>)>()
        var normal: Int64 = 0, actorTasks: Int64 = 0, actorScheduled: Int64 = 0
        for t in rows {
            let key = t.name.isEmpty ? t.funcOrClassName : t.name
            var g = groups[key] ?? (type: t.type, counts: [:])
            g.counts[t.state.rawValue] = .int(count(g.counts[t.state.rawValue]) + 1)
            groups[key] = g
            switch t.type {
            case .normalTask: normal += 1
            case .actorCreationTask: actorScheduled += 1
            case .actorTask: actorTasks += 1
            case .driverTask: break
            }
        }
        let stats = StateValue.dict([("total_tasks", .int(normal)), ("total_actor_tasks", .int(actorTasks)),
                                     ("total_actor_scheduled", .int(actorScheduled))])
        let table = SummaryTableRenderer.render(
            headers: groups.isEmpty ? [] : ["FUNC_OR_CLASS_NAME", "STATE_COUNTS", "TYPE"],
            rows: groups.map { key, g in [.string(key), .dict(g.counts), .string(g.type.rawValue)] })
        return SummaryOutput(stdout: layout(.tasks, stats: stats, body: table, nowMicros: nowMicros, timeZone: timeZone))
    }

    public static func actors(_ actors: [ActorSummaryEntry], nowMicros: Int64, timeZone: TimeZone) -> SummaryOutput {
        let rows = sortedByID(actors, id: \.actorID).prefix(ListRequest.maxLimit)
        var groups = OrderedDictionary<String, OrderedDictionary<String, StateValue>>()
        for a in rows {
            var counts = groups[a.className] ?? [:]
            counts[a.state] = .int(count(counts[a.state]) + 1)
            groups[a.className] = counts
        }
        let stats = StateValue.dict([("total_actors", .int(Int64(rows.count)))])
        let table = SummaryTableRenderer.render(
            headers: groups.isEmpty ? [] : ["CLASS_NAME", "STATE_COUNTS"],
            rows: groups.map { name, counts in [.string(name), .dict(counts)] })
        return SummaryOutput(stdout: layout(.actors, stats: stats, body: table, nowMicros: nowMicros, timeZone: timeZone))
    }

    public static func objects(_ objects: [ObjectInfo], callsiteRecorded: Bool = false, nowMicros: Int64,
                               timeZone: TimeZone) -> SummaryOutput {
        struct Group {
            var objects: Int64 = 0
            var sizeMB: Double? = nil
            var pids: Set<Int> = []
            var ips: Set<String> = []
            var taskStates = OrderedDictionary<String, StateValue>()
            var attempts = OrderedDictionary<String, StateValue>()
            var refTypes = OrderedDictionary<String, StateValue>()
        }
        let rows = sortedByID(objects, id: \.objectID.hex).prefix(ListRequest.maxLimit)
        var groups = OrderedDictionary<String, Group>()
        var totalSizeMB: Double? = nil
        var callsiteEnabled = true
        for o in rows {
            if o.callSite == "disabled" { callsiteEnabled = false }
            var g = groups[o.callSite] ?? Group()
            g.objects += 1
            g.taskStates[o.taskStatus.rawValue] = .int(count(g.taskStates[o.taskStatus.rawValue]) + 1)
            let attempt = String(o.attemptNumber + 1)
            g.attempts[attempt] = .int(count(g.attempts[attempt]) + 1)
            g.refTypes[o.referenceType.rawValue] = .int(count(g.refTypes[o.referenceType.rawValue]) + 1)
            if o.objectSize != -1 {
                let mb = Double(o.objectSize) / 1_048_576
                g.sizeMB = (g.sizeMB ?? 0) + mb
                totalSizeMB = (totalSizeMB ?? 0) + mb
            }
            g.pids.insert(o.pid)
            g.ips.insert(o.ip)
            groups[o.callSite] = g
        }
        func size(_ mb: Double?) -> StateValue { mb.map(StateValue.double) ?? .int(0) }
        let stats = StateValue.dict([("total_objects", .int(Int64(rows.count))), ("total_size_mb", size(totalSizeMB)),
                                     ("callsite_enabled", .bool(callsiteEnabled))])
        let headers = ["REF_TYPE_COUNTS", "TASK_ATTEMPT_NUMBER_COUNTS", "TASK_STATE_COUNTS", "TOTAL_NUM_NODES",
                       "TOTAL_NUM_WORKERS", "TOTAL_OBJECTS", "TOTAL_SIZE_MB"]
        let tables = groups.map { callSite, g in
            let row: [StateValue] = [.dict(g.refTypes), .dict(g.attempts), .dict(g.taskStates), .int(Int64(g.ips.count)),
                                     .int(Int64(g.pids.count)), .int(g.objects), size(g.sizeMB)]
            return callSite.replacingOccurrences(of: "|", with: "\n|") + "\n"
                + SummaryTableRenderer.render(headers: headers, rows: [row], style: .simple)
        }
        let stdout = layout(.objects, stats: stats, body: tables.joined(separator: "\n\n\n\n"),
                            nowMicros: nowMicros, timeZone: timeZone)
        return SummaryOutput(stdout: stdout, warnings: callsiteRecorded ? [] : [ListRows.callsiteWarning])
    }

    // MARK: - internals

    static let dashes = String(repeating: "-", count: 36)

    static func layout(_ kind: SummaryKind, stats: StateValue, body: String, nowMicros: Int64,
                       timeZone: TimeZone) -> String {
        let now = PythonDateTime.string(micros: nowMicros, timeZone: timeZone)
        let colon = kind == .objects ? "" : ":"
        return "\n======== \(kind.title): \(now) ========\nStats:\n\(dashes)\n"
            + YAMLRenderer.dump(stats, indent: 2)
            + "\n\nTable (group by \(kind.groupBy))\(colon)\n\(dashes)\n\(body)\n\n"
    }

    private static func count(_ v: StateValue?) -> Int64 {
        if case .int(let n)? = v { return n }
        return 0
    }

    private static func sortedByID<T>(_ items: [T], id: (T) -> String) -> [T] {
        items.enumerated().map { (id: id($0.element), offset: $0.offset, item: $0.element) }
            .sorted { a, b in a.id != b.id ? PythonOrder.less(a.id, b.id) : a.offset < b.offset }
            .map(\.item)
    }
}

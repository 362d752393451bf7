import ClusterState
import Foundation

/// The `ray list` pipeline and its printed output.
///
/// Guarantees (reference §4.1–§4.5):
/// - Pipeline: filter the full records (all filters ANDed) → sort ascending by the primary id
///   string (code-point order, stable) → keep the first `limit` → project: the table shows the
///   base columns (all columns with `--detail`); JSON and YAML records carry every column, the
///   detail-only ones `null` without `--detail`; missing fields are `null`.
/// - No row left → `No resource in the cluster` (every format).
/// - `default`/`table`: an empty line, `======== List: <now> ========`, `Stats:`, 30 dashes,
///   `Total: N` (rows printed), a blank line, `Table:`, 30 dashes, the `TableRenderer` table
///   (upper-cased headers), and an empty line.
/// - `yaml` (and `default` + `--detail`): `YAMLRenderer.listDocument` then an empty line;
///   `json`: `JSONRenderer.dumps` on one line.
/// - When `--limit` cut rows and the format is a table, `warnings` holds Ray's
///   `Limit last N entries (Total M). …` text (with its trailing space).
/// - Pure: `now` and the time zone are parameters.
public enum ListRenderer {
    public static func render(_ request: ListRequest, rows: [StateRow], nowMicros: Int64,
                              timeZone: TimeZone) -> ListOutput {
        let schema = request.schema
        let filtered = rows.filter { row in request.filters.allSatisfy { $0.matches(row) } }
        let sorted = filtered.enumerated().sorted { a, b in
            let ka = a.element[schema.primaryKey]?.pythonStr ?? ""
            let kb = b.element[schema.primaryKey]?.pythonStr ?? ""
            if ka != kb { return PythonOrder.less(ka, kb) }
            return a.offset < b.offset
        }.map(\.element)
        let shown = Array(sorted.prefix(request.limit))
        let format = request.effectiveFormat
        var warnings: [String] = []
        if shown.count < filtered.count && (format == .default || format == .table) {
            warnings.append(limitWarning(shown: shown.count, total: filtered.count))
        }
        let stdout: String
        if shown.isEmpty {
            stdout = "No resource in the cluster\n"
        } else {
            switch format {
            case .default, .table:
                let columns = schema.tableColumns(detail: request.detail)
                let table = TableRenderer.render(
                    headers: columns.map { $0.uppercased() },
                    rows: shown.map { row in columns.map { row[$0] ?? .null } })
                let dashes = String(repeating: "-", count: 30)
                stdout = "\n======== List: \(PythonDateTime.string(micros: nowMicros, timeZone: timeZone)) ========\n"
                    + "Stats:\n\(dashes)\nTotal: \(shown.count)\n\nTable:\n\(dashes)\n\(table)\n\n"
            case .yaml:
                stdout = YAMLRenderer.listDocument(records(shown, schema: schema, detail: request.detail)) + "\n"
            case .json:
                stdout = JSONRenderer.dumps(.list(records(shown, schema: schema, detail: request.detail))) + "\n"
            }
        }
        return ListOutput(stdout: stdout, warnings: warnings, total: filtered.count, shown: shown.count)
    }

    /// `ray list nodes`.
    public static func render(_ request: ListRequest, nodes: [NodeInfo], nowMicros: Int64,
                              timeZone: TimeZone) -> ListOutput {
        render(request, rows: nodes.map { ListRows.node($0, timeZone: timeZone) },
               nowMicros: nowMicros, timeZone: timeZone)
    }

    /// `ray list jobs` (jobs in `_ray_internal_` namespaces are hidden).
    public static func render(_ request: ListRequest, jobs: [JobInfo], nowMicros: Int64,
                              timeZone: TimeZone) -> ListOutput {
        render(request, rows: ListRows.visibleJobs(jobs).map(ListRows.job),
               nowMicros: nowMicros, timeZone: timeZone)
    }

    /// Ray's `UserWarning` text when `--limit` cut rows (note the trailing space).
    public static func limitWarning(shown: Int, total: Int) -> String {
        "Limit last \(shown) entries (Total \(total)). Use `--filter` to reduce the amount of data to "
            + "return or setting a higher limit with `--limit` to see all data. "
    }

    /// Records for JSON/YAML: every column in record order; detail-only ones null unless detail.
    static func records(_ rows: [StateRow], schema: ListSchema, detail: Bool) -> [StateValue] {
        let detailOnly = Set(schema.detailOnlyColumns)
        return rows.map { row in
            var record = StateRow()
            for column in schema.allColumns {
                record[column] = (!detail && detailOnly.contains(column)) ? .null : (row[column] ?? .null)
            }
            return .dict(record)
        }
    }
}

import ClusterState
import Foundation

/// Python `tabulate(rows, headers=headers, showindex=True, tablefmt=<"plain"|"simple">,
/// numalign="left")` with tabulate's default `floatfmt="g"`: the tables `ray summary` prints.
///
/// Guarantees: exactly `TableRenderer.render(headers:rows:format: .summary(style))` — every
/// column left-aligned (numbers too) with its cells stripped, float columns printed with
/// Python's `format(x, "g")`, numeric texts typed as tabulate types them; see `TableRenderer`
/// for the layout and `TableFormat` for the options.
public enum SummaryTableRenderer {
    public typealias Style = TableFormat.Style

    public static func render(headers: [String], rows: [[StateValue]], style: Style = .plain) -> String {
        TableRenderer.render(headers: headers, rows: rows, format: .summary(style))
    }

    /// Python `format(x, "g")`: six significant digits, trailing zeros dropped.
    static func formatG(_ d: Double) -> String { TableFormat.FloatFormat.general.format(d) }
}

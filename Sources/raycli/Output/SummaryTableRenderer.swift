import ClusterState
import Foundation

/// Python `tabulate(rows, headers=headers, showindex=True, tablefmt=<"plain"|"simple">,
/// numalign="left")` with tabulate's default `floatfmt="g"`: the tables `ray summary` prints.
///
/// Guarantees:
/// - A first column holds the 0-based row index under an empty header (no column when there
///   are no rows); no rows and no headers give the empty text.
/// - Every column is left-aligned — numbers too (`numalign="left"`) — with its cells stripped
///   of surrounding whitespace, and as wide as its widest cell line or its header plus two,
///   whichever is larger; columns are joined by two spaces; every line is right-stripped;
///   lines are joined by `\n` with no trailing newline.
/// - `.simple` puts a line of dashes (one run per column, column-wide, joined by two spaces)
///   under the header (above and below the rows when there are no headers); `.plain` does not.
/// - Column types follow tabulate (none < bool < int < float < text, `True`/`False` and numeric
///   texts included); float columns print every cell with Python's `format(x, "g")`, int
///   columns print ints as digits and texts as they are.
/// - Dict cells become `yaml.dump(value, indent=2)` blocks (sorted keys) and list cells their
///   Python `repr`; multi-line cells make multi-line rows, other cells blank below.
///
/// `TableRenderer` (the `ray list` tables) fixes `numalign="decimal"` and `floatfmt=".3f"`, so
/// the summary tables are rendered here.
public enum SummaryTableRenderer {
    public enum Style: Sendable, Hashable {
        case plain
        case simple
    }

    public static func render(headers: [String], rows: [[StateValue]], style: Style = .plain) -> String {
        if rows.isEmpty && headers.isEmpty { return "" }
        var headers = headers
        var table = rows.enumerated().map { [StateValue.int(Int64($0.offset))] + $0.element }
        let ncols = max(table.map(\.count).max() ?? 0, headers.count)
        if !table.isEmpty && headers.count < ncols {
            headers = Array(repeating: "", count: ncols - headers.count) + headers
        }
        table = table.map { $0 + Array(repeating: StateValue.null, count: ncols - $0.count) }

        var widths: [Int] = []
        var columns: [[[String]]] = []  // column -> row -> lines
        for c in 0..<ncols {
            let values = table.map { cellValue($0[c]) }
            let type = values.map(cellType).reduce(CellType.bool, max)
            let cellLines = values.map { lines(strip(format($0, columnType: type))) }
            let widest = cellLines.flatMap { $0.map(width) }.max() ?? 0
            // Without headers tabulate adds no minimum padding.
            widths.append(headers.isEmpty ? widest : max(width(headers[c]) + 2, widest))
            columns.append(cellLines)
        }

        var out: [String] = []
        let dashes = joinRow(widths.map { String(repeating: "-", count: $0) })
        if !headers.isEmpty {
            out.append(joinRow(headers.enumerated().map { pad($0.element, widths[$0.offset]) }))
            if style == .simple { out.append(dashes) }
        } else if style == .simple {
            out.append(dashes)  // "simple" draws lines above and below a table without headers
        }
        for r in 0..<table.count {
            let cells = columns.map { $0[r] }
            let height = cells.map(\.count).max() ?? 1
            for i in 0..<height {
                out.append(joinRow(cells.enumerated().map { c, cellLines in
                    pad(i < cellLines.count ? cellLines[i] : "", widths[c])
                }))
            }
        }
        if headers.isEmpty && style == .simple { out.append(dashes) }
        return out.joined(separator: "\n")
    }

    // MARK: - internals

    private enum CellType: Int, Comparable {
        case none = 0, bool, int, float, text
        static func < (a: CellType, b: CellType) -> Bool { a.rawValue < b.rawValue }
    }

    private static func cellValue(_ v: StateValue) -> StateValue {
        switch v {
        case .dict: return .string(YAMLRenderer.tableCell(v))
        case .list: return .string(v.pythonRepr)
        default: return v
        }
    }

    /// tabulate's `_type`.
    private static func cellType(_ v: StateValue) -> CellType {
        switch v {
        case .null: return .none
        case .bool: return .bool
        case .int: return .int
        case .double: return .float
        case .string(let s):
            if s == "True" || s == "False" { return .bool }
            if PythonNumberSyntax.isInt(s) { return .int }
            if PythonNumberSyntax.isFloat(s) {
                // tabulate's `_isnumber` takes only `inf`, `-inf` and `nan` among the special
                // spellings `float()` accepts.
                let text = String(String.UnicodeScalarView(PythonNumberSyntax.stripped(s)))
                if let d = parseDouble(text), d.isInfinite || d.isNaN {
                    return ["inf", "-inf", "nan"].contains(text.lowercased()) ? .float : .text
                }
                return .float
            }
            return .text
        case .list, .dict: return .text
        }
    }

    /// tabulate's `_format` with `floatfmt="g"`, `intfmt=""`, `missingval=""`.
    private static func format(_ v: StateValue, columnType: CellType) -> String {
        if case .null = v { return "" }
        if columnType == .float {
            switch v {
            case .int(let i): return formatG(Double(i))
            case .double(let d): return formatG(d)
            case .bool(let b): return formatG(b ? 1 : 0)
            case .string(let s):
                let text = String(String.UnicodeScalarView(PythonNumberSyntax.stripped(s)))
                return parseDouble(text).map(formatG) ?? s
            default: break
            }
        }
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return PythonFloat.repr(d)
        case .string(let s): return s
        case .list, .dict: return v.pythonStr
        }
    }

    /// Python `format(x, "g")`: six significant digits, trailing zeros dropped.
    static func formatG(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        return String(format: "%g", d)
    }

    private static func parseDouble(_ text: String) -> Double? {
        Double(text.filter { $0 != "_" })
    }

    private static func strip(_ s: String) -> String {
        String(String.UnicodeScalarView(PythonNumberSyntax.stripped(s)))
    }

    /// Splits on `\r\n`, `\r` and `\n`; the empty text is one empty line.
    private static func lines(_ s: String) -> [String] {
        let normalized = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let parts = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return parts.isEmpty ? [""] : parts
    }

    private static func width(_ s: String) -> Int { s.unicodeScalars.count }

    private static func pad(_ s: String, _ w: Int) -> String {
        s + String(repeating: " ", count: max(0, w - width(s)))
    }

    private static func joinRow(_ cells: [String]) -> String {
        var v = Substring.UnicodeScalarView(cells.joined(separator: "  ").unicodeScalars)
        while let l = v.last, PythonNumberSyntax.isPythonSpace(l) { v.removeLast() }
        return String(String.UnicodeScalarView(v))
    }
}

import ClusterState
import Foundation

/// Python `tabulate(rows, headers=headers, showindex=True, tablefmt="plain", floatfmt=".3f")`
/// (the vendored tabulate Ray's state CLI uses), exactly as `ray list` prints its tables.
///
/// Guarantees:
/// - With `showIndex`, a first column holds the 0-based row index under an empty header.
/// - Every column is as wide as its widest cell line or its header plus two, whichever is
///   larger; columns are joined by two spaces; every physical line is right-stripped; lines
///   are joined by `\n` with no trailing newline.
/// - Column type follows tabulate's lattice (none < bool < int < float < text): `null` cells are
///   empty, `True`/`False` (values or texts) are bool, numeric texts (`int()`/`float()` accept
///   them) count as numbers. Numeric columns and their headers are right-aligned (tabulate's
///   "decimal" alignment: `.3f` floats line up on the point); other columns left-aligned with
///   their cells stripped of surrounding whitespace.
/// - swiftray deviation (DESIGN §8): strings are never reformatted. A numeric-looking string
///   (an id such as `01000000` or `0e000000`) makes its column right-aligned but prints as is;
///   only real `.double` values (and ints/bools that share a column with them) get `.3f`.
/// - Dict cells become `yaml.dump(value, indent=2)` blocks (sorted keys), list cells their
///   Python `repr`; multi-line cells make multi-line rows, other cells blank-padded below.
/// - Widths count Unicode code points, as Python's `len` does (tabulate without `wcwidth`);
///   only `\n`, `\r\n` and `\r` split cells into lines.
public enum TableRenderer {
    public static func render(headers: [String], rows: [[StateValue]], showIndex: Bool = true) -> String {
        var headers = headers
        var rows = rows
        if showIndex {
            rows = rows.enumerated().map { [StateValue.int(Int64($0.offset))] + $0.element }
        }
        if !rows.isEmpty {
            let ncols = rows.map(\.count).max() ?? 0
            if headers.count < ncols {
                headers = Array(repeating: "", count: ncols - headers.count) + headers
            }
            rows = rows.map { $0 + Array(repeating: StateValue.null, count: ncols - $0.count) }
        }
        let ncols = rows.first?.count ?? headers.count
        var columns: [[String]] = []
        var aligns: [Bool] = []  // true = right ("decimal")
        for c in 0..<ncols {
            let raw = rows.map { cellValue($0[c]) }
            let type = raw.map(cellType).max() ?? .bool
            let numeric = type == .int || type == .float
            var strings = raw.map { format($0, columnType: type) }
            if numeric {
                let decimals = zip(raw, strings).map { value, text -> Int in
                    if case .string = value { return -1 }  // ids stay verbatim, not decimal-aligned
                    return afterPoint(text)
                }
                let maxDecimals = decimals.max() ?? -1
                strings = zip(strings, decimals).map { $0 + String(repeating: " ", count: maxDecimals - $1) }
            } else {
                strings = strings.map(pythonStrip)
            }
            columns.append(strings)
            aligns.append(numeric)
        }
        if columns.isEmpty && !headers.isEmpty {
            columns = Array(repeating: [], count: headers.count)
            aligns = Array(repeating: false, count: headers.count)
        }
        // Widths and padding.
        var widths: [Int] = []
        var paddedColumns: [[[String]]] = []  // column -> row -> lines
        for (c, strings) in columns.enumerated() {
            let header = c < headers.count ? headers[c] : ""
            let minWidth = lines(header).map(width).max()! + 2
            let cellLines = strings.map(lines)
            let maxWidth = max(cellLines.flatMap { $0.map(width) }.max() ?? 0, minWidth)
            widths.append(maxWidth)
            paddedColumns.append(cellLines.map { $0.map { pad($0, maxWidth, right: aligns[c]) } })
        }
        var out: [String] = []
        if !headers.isEmpty {
            let headerCells = headers.enumerated().map { c, h in
                lines(h).map { pad($0, widths[c], right: aligns[c]) }
            }
            appendRow(headerCells, widths: widths, to: &out)
        }
        for r in 0..<rows.count {
            appendRow(paddedColumns.map { $0[r] }, widths: widths, to: &out)
        }
        return out.joined(separator: "\n")
    }

    // MARK: - internals

    private enum CellType: Int, Comparable {
        case none = 0, bool, int, float, text
        static func < (a: CellType, b: CellType) -> Bool { a.rawValue < b.rawValue }
    }

    /// Dicts become their YAML block, lists their Python repr (as Ray's CLI hands them over).
    private static func cellValue(_ v: StateValue) -> StateValue {
        switch v {
        case .dict: return .string(YAMLRenderer.tableCell(v))
        case .list: return .string(v.pythonRepr)
        default: return v
        }
    }

    private static func cellType(_ v: StateValue) -> CellType {
        switch v {
        case .null: return .none
        case .bool: return .bool
        case .int: return .int
        case .double: return .float
        case .string(let s):
            if s == "True" || s == "False" { return .bool }
            // Numeric texts (ints and floats alike) are ids for swiftray: they right-align the
            // column like ints but are never reformatted.
            if PythonNumberSyntax.isInt(s) || PythonNumberSyntax.isFloat(s) { return .int }
            return .text
        case .list, .dict: return .text
        }
    }

    private static func format(_ v: StateValue, columnType: CellType) -> String {
        switch v {
        case .null: return ""
        case .string(let s): return s
        case .int(let i): return columnType == .float ? fixed3(Double(i)) : String(i)
        case .double(let d): return columnType == .float ? fixed3(d) : PythonFloat.repr(d)
        case .bool(let b):
            if columnType == .float { return b ? "1.000" : "0.000" }
            return b ? "True" : "False"
        case .list, .dict: return v.pythonStr
        }
    }

    /// Python `format(x, ".3f")`.
    static func fixed3(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        return String(format: "%.3f", d)
    }

    /// tabulate's `_afterpoint`: digits after the decimal point (or exponent), -1 for ints and
    /// non-numbers.
    private static func afterPoint(_ s: String) -> Int {
        guard PythonNumberSyntax.isFloat(s), !PythonNumberSyntax.isInt(s) else { return -1 }
        let scalars = Array(s.unicodeScalars)
        var pos = scalars.lastIndex(of: ".")
        if pos == nil { pos = scalars.lastIndex { $0 == "e" || $0 == "E" } }
        guard let p = pos else { return -1 }
        return scalars.count - p - 1
    }

    private static func pythonStrip(_ s: String) -> String {
        String(String.UnicodeScalarView(PythonNumberSyntax.stripped(s)))
    }

    private static func pythonRStrip(_ s: String) -> String {
        // Fast path for ASCII text: trim trailing ASCII whitespace bytes.
        let bytes = s.utf8
        if let last = bytes.last, last < 0x80 {
            if !(last == 0x20 || (0x09...0x0d).contains(last) || (0x1c...0x1f).contains(last)) { return s }
            if bytes.allSatisfy({ $0 < 0x80 }) {
                var end = bytes.count
                let array = Array(bytes)
                while end > 0, array[end - 1] == 0x20 || (0x09...0x0d).contains(array[end - 1])
                    || (0x1c...0x1f).contains(array[end - 1]) { end -= 1 }
                return String(decoding: array[0..<end], as: UTF8.self)
            }
        }
        var v = Substring.UnicodeScalarView(s.unicodeScalars)
        while let l = v.last, PythonNumberSyntax.isPythonSpace(l) { v.removeLast() }
        return String(String.UnicodeScalarView(v))
    }

    /// Splits on `\r\n`, `\r` and `\n`; the empty text is one empty line.
    private static func lines(_ s: String) -> [String] {
        guard s.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) else { return [s] }
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var previousCR = false
        for c in s.unicodeScalars {
            if c == "\n" && previousCR { previousCR = false; continue }
            previousCR = c == "\r"
            if c == "\n" || c == "\r" {
                result.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(c)
            }
        }
        // Like Python's splitlines(): a final line break does not open an empty line.
        if !current.isEmpty { result.append(String(current)) }
        return result.isEmpty ? [""] : result
    }

    private static func width(_ s: String) -> Int { s.unicodeScalars.count }

    private static func pad(_ s: String, _ w: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, w - width(s)))
        return right ? fill + s : s + fill
    }

    private static func appendRow(_ cells: [[String]], widths: [Int], to out: inout [String]) {
        let n = cells.map(\.count).max() ?? 0
        for i in 0..<n {
            let parts = cells.enumerated().map { c, cellLines in
                i < cellLines.count ? cellLines[i] : String(repeating: " ", count: widths[c])
            }
            out.append(pythonRStrip(parts.joined(separator: "  ")))
        }
    }
}

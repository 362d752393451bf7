import ClusterState
import Foundation

/// Python `tabulate(rows, headers=headers, ...)` (the vendored tabulate Ray's state CLI uses),
/// exactly as `ray list` (`TableFormat.list`) and `ray summary` (`TableFormat.summary`) print
/// their tables.
///
/// Guarantees:
/// - No rows and no headers give the empty text.
/// - With `showIndex`, a first column holds the 0-based row index under an empty header (no
///   column when there are no rows).
/// - Every column is as wide as its widest cell line or its header plus two, whichever is
///   larger; columns are joined by two spaces; every physical line is right-stripped; lines
///   are joined by `\n` with no trailing newline. `.simple` adds its rule of dashes.
/// - Column type follows tabulate's lattice (none < bool < int < float < text): `null` cells are
///   empty, `True`/`False` (values or texts) are bool, numeric texts count as numbers as
///   `numericTexts` says. With `.decimal`, numeric columns and their headers are right-aligned
///   (`.3f` floats line up on the point); every other column is left-aligned with its cells
///   stripped of surrounding whitespace.
/// - Float columns print ints, floats and bools (and, with `.numbers`, numeric texts) with the
///   `floatFormat`; elsewhere floats print as Python's `repr`, ints as digits, texts as they are.
/// - Dict cells become `yaml.dump(value, indent=2)` blocks (sorted keys), list cells their
///   Python `repr`; multi-line cells make multi-line rows, other cells blank-padded below.
/// - Widths count Unicode code points, as Python's `len` does (tabulate without `wcwidth`);
///   only `\n`, `\r\n` and `\r` split cells into lines.
public enum TableRenderer {
    /// `ray list`'s table: `TableFormat.list(showIndex:)`.
    public static func render(headers: [String], rows: [[StateValue]], showIndex: Bool = true) -> String {
        render(headers: headers, rows: rows, format: .list(showIndex: showIndex))
    }

    public static func render(headers: [String], rows: [[StateValue]], format: TableFormat) -> String {
        if rows.isEmpty && headers.isEmpty { return "" }
        var headers = headers
        var rows = rows
        if format.showIndex {
            rows = rows.enumerated().map { [StateValue.int(Int64($0.offset))] + $0.element }
        }
        let ncols = max(rows.map(\.count).max() ?? 0, headers.count)
        if !rows.isEmpty && headers.count < ncols {
            headers = Array(repeating: "", count: ncols - headers.count) + headers
        }
        rows = rows.map { $0 + Array(repeating: StateValue.null, count: ncols - $0.count) }

        var widths: [Int] = []
        var aligns: [Bool] = []  // true = right ("decimal")
        var columns: [[[String]]] = []  // column -> row -> lines
        for c in 0..<ncols {
            let raw = rows.map { cellValue($0[c]) }
            let type = raw.map { cellType($0, format.numericTexts) }.reduce(CellType.bool, max)
            let numeric = type == .int || type == .float
            let right = numeric && format.numberAlignment == .decimal
            var strings = raw.map { self.format($0, columnType: type, format) }
            if right {
                let decimals = zip(raw, strings).map { value, text -> Int in
                    // ids stay verbatim, not decimal-aligned
                    if case .string = value, format.numericTexts == .identifiers { return -1 }
                    return afterPoint(text)
                }
                let maxDecimals = decimals.max() ?? -1
                strings = zip(strings, decimals).map { $0 + String(repeating: " ", count: maxDecimals - $1) }
            } else {
                strings = strings.map(pythonStrip)
            }
            let minWidth = lines(headers[c]).map(width).max()! + 2
            let cellLines = strings.map(lines)
            let maxWidth = max(cellLines.flatMap { $0.map(width) }.max() ?? 0, minWidth)
            widths.append(maxWidth)
            aligns.append(right)
            columns.append(cellLines.map { $0.map { pad($0, maxWidth, right: right) } })
        }

        var out: [String] = []
        let dashes = widths.map { [String(repeating: "-", count: $0)] }
        if !headers.isEmpty {
            let headerCells = headers.enumerated().map { c, h in
                lines(h).map { pad($0, widths[c], right: aligns[c]) }
            }
            appendRow(headerCells, widths: widths, to: &out)
        }
        if format.style == .simple {
            // "simple" draws its rule under the header, or above and below a table without one.
            appendRow(dashes, widths: widths, to: &out)
        }
        for r in 0..<rows.count {
            appendRow(columns.map { $0[r] }, widths: widths, to: &out)
        }
        if headers.isEmpty && format.style == .simple { appendRow(dashes, widths: widths, to: &out) }
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

    /// tabulate's `_type`, with numeric texts typed as `numericTexts` says.
    private static func cellType(_ v: StateValue, _ numericTexts: TableFormat.NumericTexts) -> CellType {
        switch v {
        case .null: return .none
        case .bool: return .bool
        case .int: return .int
        case .double: return .float
        case .string(let s):
            if s == "True" || s == "False" { return .bool }
            if PythonNumberSyntax.isInt(s) { return .int }
            guard PythonNumberSyntax.isFloat(s) else { return .text }
            // Ids right-align the column like ints but are never reformatted.
            if numericTexts == .identifiers { return .int }
            // tabulate's `_isnumber` takes only `inf`, `-inf` and `nan` among the special
            // spellings `float()` accepts.
            let text = pythonStrip(s)
            if let d = parseDouble(text), d.isInfinite || d.isNaN {
                return ["inf", "-inf", "nan"].contains(text.lowercased()) ? .float : .text
            }
            return .float
        case .list, .dict: return .text
        }
    }

    /// tabulate's `_format` with `missingval=""`, `intfmt=""` and the format's `floatfmt`.
    private static func format(_ v: StateValue, columnType: CellType, _ format: TableFormat) -> String {
        if columnType == .float {
            switch v {
            case .int(let i): return format.floatFormat.format(Double(i))
            case .double(let d): return format.floatFormat.format(d)
            case .bool(let b): return format.floatFormat.format(b ? 1 : 0)
            case .string(let s) where format.numericTexts == .numbers:
                return parseDouble(pythonStrip(s)).map(format.floatFormat.format) ?? s
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

    private static func parseDouble(_ text: String) -> Double? {
        Double(text.filter { $0 != "_" })
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
        String(Substring(PythonNumberSyntax.stripped(s)))
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
        let scalars = s.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex, PythonNumberSyntax.isPythonSpace(scalars[scalars.index(before: end)]) {
            end = scalars.index(before: end)
        }
        return String(s[..<end])
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

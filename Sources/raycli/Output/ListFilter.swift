/// One `--filter key=value` / `key!=value` predicate of `ray list`.
///
/// Guarantees:
/// - `parse` splits at the first `=` or `!=` (Ray's `_parse_filter`): no predicate, an empty key
///   or an empty value is an `OutputError` (a clean message, never a crash).
/// - `validated(for:)` lower-cases the key, rejects keys that are no column
///   (`invalidFilterKey`, listing every column) and columns that cannot be filtered
///   (`unsupportedFilterColumn`), and converts the value for bool columns
///   (`True/true/1/False/false/0`, any case) and int columns (Python `int()` syntax).
/// - `matches` compares like Ray's `do_filter`: strings case-insensitively, bools and ints by
///   value; a missing or `null` field never equals and always differs.
public struct ListFilter: Sendable, Hashable {
    public enum Predicate: String, Sendable, Hashable {
        case equal = "="
        case notEqual = "!="
    }

    /// The value as compared: converted for bool/int columns.
    public enum Operand: Sendable, Hashable {
        case string(String)
        case bool(Bool)
        case int(Int64)
    }

    public var key: String
    public var predicate: Predicate
    public var value: String
    public var operand: Operand

    public init(key: String, predicate: Predicate, value: String) {
        self.key = key
        self.predicate = predicate
        self.value = value
        self.operand = .string(value)
    }

    /// Parses `key=value` or `key!=value` (syntax only; see `validated(for:)`).
    public static func parse(_ text: String) throws(OutputError) -> ListFilter {
        let chars = Array(text)
        var found: (Predicate, Int, Int)? = nil
        var i = 0
        while i < chars.count {
            if chars[i] == "=" { found = (.equal, i, i + 1); break }
            if chars[i] == "!" && i + 1 < chars.count && chars[i + 1] == "=" {
                found = (.notEqual, i, i + 2)
                break
            }
            i += 1
        }
        guard let (predicate, start, end) = found else { throw .filterWithoutPredicate(filter: text) }
        let key = String(chars[..<start])
        let value = String(chars[end...])
        guard !key.isEmpty, !value.isEmpty else {
            throw .filterEmptyKeyOrValue(filter: text, key: key, value: value)
        }
        return ListFilter(key: key, predicate: predicate, value: value)
    }

    /// The filter checked against `schema`: key lower-cased, column filterable, value converted.
    public func validated(for schema: ListSchema) throws(OutputError) -> ListFilter {
        var f = self
        f.key = key.lowercased()
        guard schema.allColumns.contains(f.key) else {
            throw .invalidFilterKey(key: key, resource: schema.resource.apiName,
                                    available: schema.allColumns)
        }
        guard schema.filterableColumns.contains(f.key) else {
            throw .unsupportedFilterColumn(column: f.key, supported: schema.filterableColumns)
        }
        switch schema.kind(of: f.key) {
        case .bool:
            switch value.lowercased() {
            case "true", "1": f.operand = .bool(true)
            case "false", "0": f.operand = .bool(false)
            default: throw .filterValueConversion(value: value, type: "bool")
            }
        case .int:
            guard PythonNumberSyntax.isInt(value),
                  let n = Int64(String(String.UnicodeScalarView(
                      PythonNumberSyntax.stripped(value).filter { $0 != "_" })))
            else { throw .filterValueConversion(value: value, type: "int") }
            f.operand = .int(n)
        case .string, .other:
            f.operand = .string(value)
        }
        return f
    }

    /// Whether `row` passes this filter.
    public func matches(_ row: StateRow) -> Bool {
        let datum = row[key] ?? .null
        let equal: Bool
        switch (datum, operand) {
        case (.null, _):
            return predicate == .notEqual
        case let (.string(d), .string(v)):
            equal = d.lowercased() == v.lowercased()
        case let (.bool(d), .bool(v)):
            equal = d == v
        case let (.int(d), .int(v)):
            equal = d == v
        case let (.bool(d), .string(v)):
            equal = (v.lowercased() == "true" || v == "1") ? d : ((v.lowercased() == "false" || v == "0") ? !d : false)
        case let (.int(d), .string(v)):
            equal = Int64(v) == d
        default:
            equal = false
        }
        return predicate == .equal ? equal : !equal
    }
}

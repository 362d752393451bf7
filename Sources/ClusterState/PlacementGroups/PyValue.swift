/// A small mirror of the Python values that cross the placement-group API: what the driver
/// passes to `placement_group(...)` and what `placement_group_table()` / `list --detail` return.
///
/// Dict entries keep their order (Python dicts are ordered) and keys may be any value (bundle
/// tables are keyed by ints). Pure data; `repr` and `str` follow Python.
public indirect enum PyValue: Sendable, CustomStringConvertible {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case list([PyValue])
    case tuple([PyValue])
    case dict([(key: PyValue, value: PyValue)])

    /// A dict with string keys, in the given order.
    public static func object(_ pairs: [(String, PyValue)]) -> PyValue {
        .dict(pairs.map { (key: .str($0.0), value: $0.1) })
    }

    /// Python's type name: `dict`, `list`, `int`, `NoneType`, ….
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .str: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        }
    }

    /// Python's `repr(type(v))`: `<class 'dict'>`.
    public var typeRepr: String { "<class '\(typeName)'>" }

    /// Python's `repr`: `{'CPU': 0}`, `[1, 2.5]`, `('a',)`, `None`, `True`.
    public var repr: String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return PythonFloat.repr(d)
        case .str(let s): return PythonString.repr(s)
        case .list(let items): return "[" + items.map(\.repr).joined(separator: ", ") + "]"
        case .tuple(let items):
            return items.count == 1 ? "(\(items[0].repr),)" : "(" + items.map(\.repr).joined(separator: ", ") + ")"
        case .dict(let pairs):
            return "{" + pairs.map { "\($0.key.repr): \($0.value.repr)" }.joined(separator: ", ") + "}"
        }
    }

    /// Python's `str`: the text itself for a string, `repr` otherwise.
    public var str: String {
        if case .str(let s) = self { return s }
        return repr
    }

    public var description: String { repr }

    /// The value of string key `key` in a dict (first match), else nil.
    public subscript(key: String) -> PyValue? {
        guard case .dict(let pairs) = self else { return nil }
        return pairs.first { $0.key == .str(key) }?.value
    }

    /// The keys of a dict as strings (`str` of each key), in order; `[]` for other values.
    public var keyStrings: [String] {
        guard case .dict(let pairs) = self else { return [] }
        return pairs.map(\.key.str)
    }
}

extension PyValue: Equatable {
    /// Structural equality; the kind matters (`1`, `1.0` and `True` differ), dict order matters.
    public static func == (a: PyValue, b: PyValue) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.float(x), .float(y)): return x == y || (x.isNaN && y.isNaN)
        case let (.str(x), .str(y)): return x == y
        case let (.list(x), .list(y)): return x == y
        case let (.tuple(x), .tuple(y)): return x == y
        case let (.dict(x), .dict(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}

extension PyValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral {
    public init(nilLiteral: ()) { self = .none }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .str(value) }
    public init(arrayLiteral elements: PyValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (PyValue, PyValue)...) {
        self = .dict(elements.map { (key: $0.0, value: $0.1) })
    }
}

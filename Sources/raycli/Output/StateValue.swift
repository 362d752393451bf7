import ClusterState
import OrderedCollections

/// A JSON/Python-like value: the row model shared by every `list` output format.
///
/// Guarantees:
/// - A `.dict` keeps its keys in insertion order (Python 3 dict semantics); renderers that must
///   sort (tabulate's `yaml.dump` cells) sort on their own, others keep the order.
/// - `.int` is a Python `int` (printed as digits), `.double` a Python `float` (printed by
///   `PythonFloat.repr` where Python would use `repr`), `.null` is `None`.
/// - Values are plain data: `Sendable`, `Hashable`, no reference semantics (so, unlike PyYAML
///   dumping shared Python objects, YAML output never contains anchors/aliases).
public enum StateValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case list([StateValue])
    case dict(OrderedDictionary<String, StateValue>)

    /// Convenience for building a dict from ordered pairs (later duplicates overwrite earlier).
    public static func dict(_ pairs: [(String, StateValue)]) -> StateValue {
        var d = OrderedDictionary<String, StateValue>()
        for (k, v) in pairs { d[k] = v }
        return .dict(d)
    }

    /// Convenience: `.string(s)` or `.null` when `s` is nil.
    public static func optionalString(_ s: String?) -> StateValue {
        s.map(StateValue.string) ?? .null
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// Python's `str(value)` (what `print` or `"{0}".format` shows): `None`, `True`, `1`, `1.0`,
    /// text as is, lists and dicts as their `repr`.
    public var pythonStr: String {
        if case .string(let s) = self { return s }
        return pythonRepr
    }

    /// Python's `repr(value)`: `None`, `True`, `1`, `0.1`, `'text'`, `[1, 'a']`, `{'k': 1.0}`.
    public var pythonRepr: String {
        switch self {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return PythonFloat.repr(d)
        case .string(let s): return PythonString.repr(s)
        case .list(let items): return "[" + items.map(\.pythonRepr).joined(separator: ", ") + "]"
        case .dict(let d):
            return "{" + d.map { PythonString.repr($0.key) + ": " + $0.value.pythonRepr }
                .joined(separator: ", ") + "}"
        }
    }
}

extension StateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: StateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, StateValue)...) { self = .dict(elements) }
}

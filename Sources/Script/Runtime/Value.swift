/// A Python value. Immutable scalars are stored inline; mutable and identity-bearing objects
/// are reference types, so copying a `Value` aliases exactly as Python names do.
enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case tuple([Value])
    case list(PyList)
    case dict(PyDict)
    case set(PySet)
    case range(PyRange)
    case slice(PySlice)
    case function(PyFunction)
    case builtin(PyBuiltin)
    case type(PyType)
    case instance(PyInstance)
    case module(PyModule)
    case boundMethod(PyBoundMethod)
    case iterator(PyIterator)
    case coroutine(PyCoroutine)
    case wrapper(PyWrapper)
    case ellipsis

    var isNone: Bool { if case .none = self { return true }; return false }

    /// Identity for `is` / `id()`: same object or same immutable scalar.
    func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none), (.ellipsis, .ellipsis): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b && a >= -5 && a <= 256
        case (.str(let a), .str(let b)): return a == b && a.count <= 1
        case (.tuple(let a), .tuple(let b)): return a.isEmpty && b.isEmpty
        case (.list(let a), .list(let b)): return a === b
        case (.dict(let a), .dict(let b)): return a === b
        case (.set(let a), .set(let b)): return a === b
        case (.function(let a), .function(let b)): return a === b
        case (.builtin(let a), .builtin(let b)): return a === b
        case (.type(let a), .type(let b)): return a === b
        case (.instance(let a), .instance(let b)): return a === b
        case (.module(let a), .module(let b)): return a === b
        case (.iterator(let a), .iterator(let b)): return a === b
        case (.coroutine(let a), .coroutine(let b)): return a === b
        default: return false
        }
    }

    /// A stable identity number for `id()`.
    var identity: Int {
        func oid(_ o: AnyObject) -> Int { Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o).hashValue)) }
        switch self {
        case .list(let o): return oid(o)
        case .dict(let o): return oid(o)
        case .set(let o): return oid(o)
        case .function(let o): return oid(o)
        case .builtin(let o): return oid(o)
        case .type(let o): return oid(o)
        case .instance(let o): return oid(o)
        case .module(let o): return oid(o)
        case .boundMethod(let o): return oid(o)
        case .iterator(let o): return oid(o)
        case .coroutine(let o): return oid(o)
        case .none: return 1
        case .bool(let b): return b ? 3 : 2
        case .int(let i): return i &* 32 &+ 7
        default: return 11
        }
    }
}

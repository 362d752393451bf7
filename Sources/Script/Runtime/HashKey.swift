/// A hashable wrapper for dict keys and set elements with Python's equality rules
/// (`1 == 1.0 == True` collide; tuples compare element-wise; objects by identity).
///
/// Guarantees: only built from hashable values (`Interpreter.hashKey` rejects lists, dicts
/// and sets with `TypeError: unhashable type`).
struct HashKey: Hashable {
    let value: Value

    static func == (a: HashKey, b: HashKey) -> Bool { HashKey.equal(a.value, b.value) }

    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none), (.ellipsis, .ellipsis): return true
        case (.str(let x), .str(let y)): return x == y
        case (.tuple(let x), .tuple(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        default:
            if let x = numeric(a), let y = numeric(b) { return x == y }
            return a.isIdentical(to: b) || sameObject(a, b)
        }
    }

    static func sameObject(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.function(let x), .function(let y)): return x === y
        case (.builtin(let x), .builtin(let y)): return x === y
        case (.type(let x), .type(let y)): return x === y
        case (.instance(let x), .instance(let y)): return x === y
        case (.module(let x), .module(let y)): return x === y
        case (.set(let x), .set(let y)): return x === y
        case (.range(let x), .range(let y)): return x.start == y.start && x.stop == y.stop && x.step == y.step
        default: return false
        }
    }

    static func numeric(_ v: Value) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .float(let f): return f
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    func hash(into h: inout Hasher) {
        switch value {
        case .str(let s): h.combine(s)
        case .int(let i): h.combine(Double(i))
        case .float(let f): h.combine(f)
        case .bool(let b): h.combine(b ? 1.0 : 0.0)
        case .none: h.combine(0)
        case .tuple(let items): for i in items { HashKey(value: i).hash(into: &h) }
        default: h.combine(value.identity)
        }
    }
}

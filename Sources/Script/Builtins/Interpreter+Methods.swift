/// Dispatch of attribute access on built-in values to their methods.
extension Interpreter {
    func method(_ name: String, of recv: Value, _ fn: @escaping (Interpreter, Arguments) throws -> Value) -> Value {
        .builtin(PyBuiltin(name, selfDescription: typeName(recv), fn))
    }

    func builtinMethod(_ obj: Value, _ name: String) throws -> Value? {
        switch obj {
        case .str(let s): return strMethod(s, name)
        case .list(let l): return listMethod(l, name)
        case .dict(let d): return dictMethod(d, name)
        case .set(let s): return setMethod(s, name)
        case .tuple(let t):
            switch name {
            case "count": return method(name, of: obj) { i, a in try i.arity("count", a, 1, 1); return .int(try t.filter { try i.equals($0, a.positional[0]) }.count) }
            case "index":
                return method(name, of: obj) { i, a in
                    try i.arity("index", a, 1, 3)
                    if let k = try t.firstIndex(where: { try i.equals($0, a.positional[0]) }) { return .int(k) }
                    throw i.raise("ValueError", .str("tuple.index(x): x not in tuple"))
                }
            default: return nil
            }
        case .int(let n):
            switch name {
            case "bit_length": return method(name, of: obj) { _, _ in .int(Int.bitWidth - n.magnitude.leadingZeroBitCount) }
            case "real", "numerator": return obj
            case "imag": return .int(0)
            case "denominator": return .int(1)
            case "conjugate": return method(name, of: obj) { _, _ in obj }
            default: return nil
            }
        case .float(let f):
            switch name {
            case "is_integer": return method(name, of: obj) { _, _ in .bool(f.isFinite && f == f.rounded()) }
            case "real": return obj
            case "imag": return .float(0)
            case "hex": return nil
            default: return nil
            }
        case .range(let r):
            switch name {
            case "start": return .int(r.start)
            case "stop": return .int(r.stop)
            case "step": return .int(r.step)
            case "index":
                return method(name, of: obj) { i, a in
                    guard try i.contains(obj, a.positional.first ?? .none), case .int(let v) = a.positional[0] else {
                        throw i.raise("ValueError", .str("\(try i.repr(a.positional.first ?? .none)) is not in range"))
                    }
                    return .int(Int(UInt(bitPattern: r.step > 0 ? v &- r.start : r.start &- v) / r.step.magnitude))
                }
            case "count":
                return method(name, of: obj) { i, a in .int(try i.contains(obj, a.positional.first ?? .none) ? 1 : 0) }
            default: return nil
            }
        case .slice(let s):
            switch name {
            case "start": return s.start
            case "stop": return s.stop
            case "step": return s.step
            default: return nil
            }
        case .iterator(let it):
            if name == "__next__" {
                return method(name, of: obj) { i, _ in
                    if let v = try it.next() { return v }
                    throw i.raise("StopIteration", nil)
                }
            }
            if name == "__iter__" { return method(name, of: obj) { _, _ in obj } }
            return nil
        default:
            return nil
        }
    }

    /// Attributes of built-in classes: unbound methods such as `str.join` or `dict.fromkeys`.
    func builtinTypeAttribute(_ t: PyType, _ name: String) throws -> Value? {
        if t === types.dict && name == "fromkeys" {
            return .builtin(PyBuiltin("fromkeys") { i, a in
                try i.arity("fromkeys", a, 1, 2)
                let d = PyDict()
                for k in try i.iterate(a.positional[0]) { try i.dictSet(d, k, a.positional.count > 1 ? a.positional[1] : .none) }
                return .dict(d)
            })
        }
        guard t.isBuiltinValueType else { return nil }
        let names: [String]
        switch t.name {
        case "str": names = BuiltinMethodNames.str
        case "list": names = BuiltinMethodNames.list
        case "dict": names = BuiltinMethodNames.dict
        case "set": names = BuiltinMethodNames.set
        default: names = []
        }
        guard names.contains(name) else { return nil }
        return .builtin(PyBuiltin(name) { i, a in
            guard let recv = a.positional.first, i.typeOf(recv).isSubclass(of: t) else {
                throw i.raise("TypeError", .str("descriptor '\(name)' of '\(t.name)' object needs an argument"))
            }
            return try i.call(try i.getAttribute(recv, name), Arguments(Array(a.positional.dropFirst()), a.keywords))
        })
    }
}

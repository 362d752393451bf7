import ClusterState

/// `repr()` and `str()` exactly as CPython prints built-in values.
extension Interpreter {
    func repr(_ v: Value) throws -> String {
        var seen: [ObjectIdentifier] = []
        return try repr(v, &seen)
    }

    private func repr(_ v: Value, _ seen: inout [ObjectIdentifier]) throws -> String {
        nativeDepth += 1
        defer { nativeDepth -= 1 }
        if nativeDepth > maxDepth {
            throw raise("RecursionError", .str("maximum recursion depth exceeded while getting the repr of an object"))
        }
        switch v {
        case .none: return "None"
        case .ellipsis: return "Ellipsis"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let f): return PythonFloat.repr(f)
        case .str(let s): return PythonString.repr(s)
        case .tuple(let t):
            if t.count == 1 { return "(" + (try repr(t[0], &seen)) + ",)" }
            return "(" + (try t.map { try repr($0, &seen) }.joined(separator: ", ")) + ")"
        case .list(let l):
            let id = ObjectIdentifier(l)
            if seen.contains(id) { return "[...]" }
            seen.append(id); defer { seen.removeLast() }
            return "[" + (try l.items.map { try repr($0, &seen) }.joined(separator: ", ")) + "]"
        case .dict(let d):
            let id = ObjectIdentifier(d)
            if seen.contains(id) { return "{...}" }
            seen.append(id); defer { seen.removeLast() }
            return "{" + (try d.entries.map { try repr($0.key, &seen) + ": " + repr($0.value, &seen) }.joined(separator: ", ")) + "}"
        case .set(let s):
            if s.count == 0 { return s.frozen ? "frozenset()" : "set()" }
            let body = "{" + (try s.elements.map { try repr($0, &seen) }.joined(separator: ", ")) + "}"
            return s.frozen ? "frozenset(\(body))" : body
        case .range(let r):
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case .slice(let s):
            return "slice(\(try repr(s.start, &seen)), \(try repr(s.stop, &seen)), \(try repr(s.step, &seen)))"
        case .function(let f): return "<function \(f.qualname) at \(address(v))>"
        case .builtin(let b):
            if let d = b.selfDescription { return "<built-in method \(b.name) of \(d) object at \(address(v))>" }
            return "<built-in function \(b.name)>"
        case .type(let t):
            return t.module == "builtins" ? "<class '\(t.name)'>" : "<class '\(t.module).\(t.qualname)'>"
        case .module(let m): return "<module '\(m.name)' (built-in)>"
        case .boundMethod(let m):
            if case .function(let f) = m.function {
                return "<bound method \(f.qualname) of \(try repr(m.receiver, &seen))>"
            }
            if case .builtin(let b) = m.function { return "<built-in method \(b.name) of \(typeName(m.receiver)) object at \(address(m.receiver))>" }
            return "<bound method>"
        case .iterator(let it): return "<\(it.typeName) object at \(address(v))>"
        case .coroutine(let c): return "<coroutine object \(c.name) at \(address(v))>"
        case .wrapper(let w):
            switch w.kind {
            case .staticMethod: return "<staticmethod(\(try repr(w.function, &seen)))>"
            case .classMethod: return "<classmethod(\(try repr(w.function, &seen)))>"
            case .property: return "<property object at \(address(v))>"
            }
        case .instance(let inst):
            if let m = inst.type.lookup("__repr__") {
                let r = try call(m, Arguments([v]))
                guard case .str(let s) = r else { throw raise("TypeError", .str("__repr__ returned non-string (type \(typeName(r)))")) }
                return s
            }
            if inst.type.isSubclass(of: types.baseException) {
                let args = exceptionArgs(inst)
                let inner = args.count == 1 ? try repr(args[0], &seen) : String((try repr(.tuple(args), &seen)).dropFirst().dropLast())
                return "\(inst.type.name)(\(inner))"
            }
            let qual = inst.type.module == "builtins" ? inst.type.qualname : "\(inst.type.module).\(inst.type.qualname)"
            return "<\(qual) object at \(address(v))>"
        }
    }

    func address(_ v: Value) -> String {
        "0x" + String(UInt(bitPattern: v.identity) & 0xffff_ffff_ffff, radix: 16).leftPadded(to: 12, with: "0")
    }

    func str(_ v: Value) throws -> String {
        switch v {
        case .str(let s): return s
        case .instance(let inst):
            if let m = inst.type.lookup("__str__") {
                let r = try call(m, Arguments([v]))
                guard case .str(let s) = r else { throw raise("TypeError", .str("__str__ returned non-string (type \(typeName(r)))")) }
                return s
            }
            if inst.type.isSubclass(of: types.baseException) { return try exceptionMessage(inst) }
            return try repr(v)
        default: return try repr(v)
        }
    }

    /// `ascii()`: repr with non-ASCII escaped.
    func asciiEscape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.value < 128 { out.unicodeScalars.append(u) } else if u.value < 256 {
                out += "\\x" + String(u.value, radix: 16).leftPadded(to: 2, with: "0")
            } else if u.value < 65536 {
                out += "\\u" + String(u.value, radix: 16).leftPadded(to: 4, with: "0")
            } else {
                out += "\\U" + String(u.value, radix: 16).leftPadded(to: 8, with: "0")
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

/// Built-in functions: printing, introspection, numbers.
extension Interpreter {
    func installCoreFunctions() {
        builtin("print") { i, a in
            var sep = " ", end = "\n"
            var stream = ScriptStream.stdout
            for (k, v) in a.keywords {
                switch k {
                case "sep": if !v.isNone { guard case .str(let s) = v else { throw i.raise("TypeError", .str("sep must be None or a string, not \(i.typeName(v))")) }; sep = s }
                case "end": if !v.isNone { guard case .str(let s) = v else { throw i.raise("TypeError", .str("end must be None or a string, not \(i.typeName(v))")) }; end = s }
                case "file":
                    if case .instance(let inst) = v, inst.type.name == "TextIOWrapper", case .str("<stderr>")? = inst.attrs["name"] { stream = .stderr }
                case "flush": break
                default: throw i.raise("TypeError", .str("'\(k)' is an invalid keyword argument for print()"))
                }
            }
            let text = try a.positional.map { try i.str($0) }.joined(separator: sep) + end
            i.host.write(text, to: stream)
            return .none
        }
        builtin("len") { i, a in
            try i.arity("len", a, 1, 1)
            return .int(try i.length(a.positional[0]))
        }
        builtin("repr") { i, a in try i.arity("repr", a, 1, 1); return .str(try i.repr(a.positional[0])) }
        builtin("ascii") { i, a in try i.arity("ascii", a, 1, 1); return .str(i.asciiEscape(try i.repr(a.positional[0]))) }
        builtin("format") { i, a in
            try i.arity("format", a, 1, 2)
            var spec = ""
            if a.positional.count > 1, case .str(let s) = a.positional[1] { spec = s }
            return .str(try i.format(a.positional[0], spec))
        }
        builtin("abs") { i, a in
            try i.arity("abs", a, 1, 1)
            switch a.positional[0] {
            case .int(let v): if v == Int.min { throw i.overflow() }; return .int(abs(v))
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let f): return .float(abs(f))
            case .instance(let inst) where inst.type.lookup("__abs__") != nil:
                return try i.call(inst.type.lookup("__abs__")!, Arguments([a.positional[0]]))
            default: throw i.raise("TypeError", .str("bad operand type for abs(): '\(i.typeName(a.positional[0]))'"))
            }
        }
        builtin("round") { i, a in
            try i.arity("round", a, 1, 2, keywords: true)
            let x = a.positional[0]
            let nd = a.positional.count > 1 ? a.positional[1] : (a.keyword("ndigits") ?? .none)
            switch x {
            case .int(let v):
                guard case .int(let n) = nd, n < 0 else { return .int(v) }
                var p = 1
                for _ in 0..<min(-n, 18) { p *= 10 }
                if -n > 18 { return .int(0) }
                let q = try i.intOp(.floorDiv, v, p), r = try i.intOp(.mod, v, p)
                guard case .int(var qq) = q, case .int(let rr) = r else { return .int(v) }
                if rr * 2 > p || (rr * 2 == p && qq % 2 != 0) { qq += 1 }
                let (scaled, overflowed) = qq.multipliedReportingOverflow(by: p)
                if overflowed { throw i.overflow() }
                return .int(scaled)
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let f):
                if nd.isNone {
                    if f.isNaN { throw i.raise("ValueError", .str("cannot convert float NaN to integer")) }
                    if f.isInfinite { throw i.raise("OverflowError", .str("cannot convert float infinity to integer")) }
                    guard let r = Int(exactly: f.rounded(.toNearestOrEven)) else { throw i.overflow() }
                    return .int(r)
                }
                let n = try i.toInt(nd)
                if !f.isFinite { return .float(f) }
                if n >= 0 {
                    let text = (f < 0 ? "-" : "") + ExactDecimal.fixed(abs(f), precision: min(n, 330))
                    return .float(Double(text) ?? f)
                }
                var p = 1.0
                for _ in 0..<(-n) { p *= 10 }
                return .float((f / p).rounded(.toNearestOrEven) * p)
            default:
                if case .instance(let inst) = x, let m = inst.type.lookup("__round__") { return try i.call(m, Arguments([x] + a.positional.dropFirst())) }
                throw i.raise("TypeError", .str("type \(i.typeName(x)) doesn't define __round__ method"))
            }
        }
        builtin("divmod") { i, a in
            try i.arity("divmod", a, 2, 2)
            return .tuple([try i.binaryOp(.floorDiv, a.positional[0], a.positional[1]), try i.binaryOp(.mod, a.positional[0], a.positional[1])])
        }
        builtin("pow") { i, a in
            try i.arity("pow", a, 2, 3)
            if a.positional.count == 3, case .int(let base) = a.positional[0], case .int(var e) = a.positional[1], case .int(let m) = a.positional[2] {
                if m == 0 { throw i.raise("ValueError", .str("pow() 3rd argument cannot be 0")) }
                if e < 0 { throw i.raise("ValueError", .str("base is not invertible for the given modulus")) }
                let mm = m.magnitude
                func mulmod(_ x: UInt, _ y: UInt) -> UInt { mm.dividingFullWidth(x.multipliedFullWidth(by: y)).remainder }
                var r: UInt = 1 % mm
                var b = base >= 0 ? base.magnitude % mm : (mm - base.magnitude % mm) % mm
                while e > 0 {
                    if e & 1 == 1 { r = mulmod(r, b) }
                    b = mulmod(b, b)
                    e >>= 1
                }
                if m < 0 && r != 0 { return .int(-Int(mm - r)) }
                return .int(Int(r))
            }
            return try i.binaryOp(.pow, a.positional[0], a.positional[1])
        }
        builtin("chr") { i, a in
            try i.arity("chr", a, 1, 1)
            let n = try i.toInt(a.positional[0])
            guard n >= 0, let u = Unicode.Scalar(UInt32(clamping: n)) else { throw i.raise("ValueError", .str("chr() arg not in range(0x110000)")) }
            return .str(String(Character(u)))
        }
        builtin("ord") { i, a in
            try i.arity("ord", a, 1, 1)
            guard case .str(let s) = a.positional[0] else { throw i.raise("TypeError", .str("ord() expected string of length 1, but \(i.typeName(a.positional[0])) found")) }
            guard s.unicodeScalars.count == 1 else { throw i.raise("TypeError", .str("ord() expected a character, but string of length \(s.count) found")) }
            return .int(Int(s.unicodeScalars.first!.value))
        }
        for (name, prefix, radix) in [("hex", "0x", 16), ("oct", "0o", 8), ("bin", "0b", 2)] {
            builtin(name) { i, a in
                try i.arity(name, a, 1, 1)
                let n = try i.toInt(a.positional[0])
                return .str((n < 0 ? "-" : "") + prefix + String(n.magnitude, radix: radix))
            }
        }
        builtin("isinstance") { i, a in
            try i.arity("isinstance", a, 2, 2)
            return .bool(try i.isInstance(a.positional[0], a.positional[1]))
        }
        builtin("issubclass") { i, a in
            try i.arity("issubclass", a, 2, 2)
            guard case .type(let t) = a.positional[0] else { throw i.raise("TypeError", .str("issubclass() arg 1 must be a class")) }
            return .bool(try i.classMatches(t, a.positional[1], fn: "issubclass"))
        }
        builtin("callable") { i, a in
            try i.arity("callable", a, 1, 1)
            switch a.positional[0] {
            case .function, .builtin, .boundMethod, .type: return .bool(true)
            case .instance(let inst): return .bool(inst.type.lookup("__call__") != nil)
            default: return .bool(false)
            }
        }
        builtin("hasattr") { i, a in
            try i.arity("hasattr", a, 2, 2)
            guard case .str(let name) = a.positional[1] else { throw i.raise("TypeError", .str("attribute name must be string, not '\(i.typeName(a.positional[1]))'")) }
            do { _ = try i.getAttribute(a.positional[0], name); return .bool(true) } catch ScriptError.exception(let e) where e.instance.type.isSubclass(of: i.types.exceptionTypes["AttributeError"]!) {
                return .bool(false)
            }
        }
        builtin("getattr") { i, a in
            try i.arity("getattr", a, 2, 3)
            guard case .str(let name) = a.positional[1] else { throw i.raise("TypeError", .str("attribute name must be string, not '\(i.typeName(a.positional[1]))'")) }
            do { return try i.getAttribute(a.positional[0], name) } catch ScriptError.exception(let e) where a.positional.count == 3 && e.instance.type.isSubclass(of: i.types.exceptionTypes["AttributeError"]!) {
                return a.positional[2]
            }
        }
        builtin("setattr") { i, a in
            try i.arity("setattr", a, 3, 3)
            guard case .str(let name) = a.positional[1] else { throw i.raise("TypeError", .str("attribute name must be string, not '\(i.typeName(a.positional[1]))'")) }
            try i.setAttribute(a.positional[0], name, a.positional[2])
            return .none
        }
        builtin("delattr") { i, a in
            try i.arity("delattr", a, 2, 2)
            guard case .str(let name) = a.positional[1] else { throw i.raise("TypeError", .str("attribute name must be string")) }
            try i.deleteAttribute(a.positional[0], name)
            return .none
        }
        builtin("id") { i, a in try i.arity("id", a, 1, 1); return .int(a.positional[0].identity) }
        builtin("hash") { i, a in
            try i.arity("hash", a, 1, 1)
            let v = try i.hashable(a.positional[0])
            switch v {
            case .int(let n): return .int(n == -1 ? -2 : n)
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let f) where f == f.rounded() && abs(f) < 9e18: return .int(Int(f))
            default: return .int(HashKey(value: v).hashValue)
            }
        }
        builtin("dir") { i, a in
            try i.arity("dir", a, 0, 1)
            if let v = a.positional.first { return .list(PyList(Set(i.attributeNames(v)).sorted().map { .str($0) })) }
            return .list(PyList(i.mainScope.vars.keys.sorted().map { .str($0) }))
        }
        builtin("vars") { i, a in
            try i.arity("vars", a, 0, 1)
            guard let v = a.positional.first else { return try i.globalsDict() }
            return try i.getAttribute(v, "__dict__")
        }
        builtin("globals") { i, _ in try i.globalsDict() }
        builtin("locals") { i, _ in try i.globalsDict() }
        builtin("input") { i, _ in throw i.raise("EOFError", .str("EOF when reading a line")) }
        builtin("exit") { i, a in throw i.systemExit(a.positional.first ?? .none) }
        builtin("quit") { i, a in throw i.systemExit(a.positional.first ?? .none) }
    }

    func systemExit(_ code: Value) -> ScriptError {
        let inst = PyInstance(type: types.exceptionTypes["SystemExit"]!)
        inst.attrs["args"] = code.isNone ? .tuple([]) : .tuple([code])
        inst.attrs["code"] = code
        return .exception(newException(inst))
    }

    func globalsDict() throws -> Value {
        let d = PyDict()
        for (k, v) in mainScope.vars { d.set(.str(k), v) }
        return .dict(d)
    }

    func length(_ v: Value) throws -> Int {
        switch v {
        case .str(let s): return s.count
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.count
        case .set(let s): return s.count
        case .range(let r): return r.count
        case .instance(let inst):
            if let m = inst.type.lookup("__len__") {
                let r = try call(m, Arguments([v]))
                guard case .int(let n) = r else { throw raise("TypeError", .str("'\(typeName(r))' object cannot be interpreted as an integer")) }
                if n < 0 { throw raise("ValueError", .str("__len__() should return >= 0")) }
                return n
            }
        default: break
        }
        throw raise("TypeError", .str("object of type '\(typeName(v))' has no len()"))
    }

    func isInstance(_ v: Value, _ spec: Value) throws -> Bool {
        try classMatches(typeOf(v), spec, fn: "isinstance")
    }

    func classMatches(_ t: PyType, _ spec: Value, fn: String) throws -> Bool {
        switch spec {
        case .type(let c): return t.isSubclass(of: c) || (c === types.object)
        case .tuple(let items): return try items.contains { try classMatches(t, $0, fn: fn) }
        default:
            throw raise("TypeError", .str("\(fn)() arg 2 must be a type, a tuple of types, or a union"))
        }
    }
}

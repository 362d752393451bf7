/// Installs the built-in namespace: functions, classes and exception types.
extension Interpreter {
    func typeOf(_ v: Value) -> PyType { types.typeOf(v) }

    func builtin(_ name: String, _ fn: @escaping (Interpreter, Arguments) throws -> Value) {
        builtins[name] = .builtin(PyBuiltin(name, fn))
    }

    /// Checks positional arity for a built-in, with CPython's wording.
    func arity(_ name: String, _ args: Arguments, _ min: Int, _ max: Int, keywords: Bool = false) throws {
        if !keywords, !args.keywords.isEmpty {
            throw raise("TypeError", .str("\(name)() takes no keyword arguments"))
        }
        let n = args.positional.count
        if n < min || n > max {
            if min == max {
                if min == 0 { throw raise("TypeError", .str("\(name)() takes no arguments (\(n) given)")) }
                if min == 1 { throw raise("TypeError", .str("\(name)() takes exactly one argument (\(n) given)")) }
                throw raise("TypeError", .str("\(name) expected \(min) arguments, got \(n)"))
            }
            if n < min { throw raise("TypeError", .str("\(name) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(n)")) }
            throw raise("TypeError", .str("\(name) expected at most \(max) argument\(max == 1 ? "" : "s"), got \(n)"))
        }
    }

    func installBuiltins() {
        for (name, t) in types.exceptionTypes { builtins[name] = .type(t) }
        let t = types!
        for ty in [t.object, t.type, t.int, t.float, t.bool, t.str, t.list, t.tuple, t.dict, t.set, t.frozenset,
                   t.range, t.slice, t.superType, t.staticMethod, t.classMethod, t.property] {
            builtins[ty.name] = .type(ty)
        }
        builtins["NotImplemented"] = .instance(PyInstance(type: t.notImplementedType))
        builtins["Ellipsis"] = .ellipsis
        addWorkerBuiltins(&builtins)
        t.baseException.dict["__init__"] = .builtin(PyBuiltin("__init__") { _, a in
            if case .instance(let inst)? = a.positional.first { inst.attrs["args"] = .tuple(Array(a.positional.dropFirst())) }
            return .none
        })
        installConstructors()
        installCoreFunctions()
        installIterationFunctions()
    }

    func toInt(_ v: Value, base: Int? = nil) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .float(let f):
            if f.isNaN { throw raise("ValueError", .str("cannot convert float NaN to integer")) }
            if f.isInfinite { throw raise("OverflowError", .str("cannot convert float infinity to integer")) }
            guard let i = Int(exactly: f.rounded(.towardZero)) else { throw overflow() }
            return i
        case .str(let s):
            var text = s.trimmingSpaces().replacingUnderscores()
            var radix = base ?? 10
            var negative = false
            if text.hasPrefix("-") { negative = true; text.removeFirst() } else if text.hasPrefix("+") { text.removeFirst() }
            let lower = text.lowercased()
            if (radix == 16 || radix == 0) && lower.hasPrefix("0x") { text.removeFirst(2); radix = 16 }
            else if (radix == 8 || radix == 0) && lower.hasPrefix("0o") { text.removeFirst(2); radix = 8 }
            else if (radix == 2 || radix == 0) && lower.hasPrefix("0b") { text.removeFirst(2); radix = 2 }
            if radix == 0 { radix = 10 }
            guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }), let v = Int(text, radix: radix) else {
                if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) { throw overflow() }
                throw raise("ValueError", .str("invalid literal for int() with base \(base ?? 10): \(PythonStringRepr(s))"))
            }
            return negative ? -v : v
        case .instance(let inst):
            if let m = inst.type.lookup("__int__") { return try toInt(try call(m, Arguments([v]))) }
            if let m = inst.type.lookup("__index__") { return try toInt(try call(m, Arguments([v]))) }
        default: break
        }
        throw raise("TypeError", .str("int() argument must be a string, a bytes-like object or a real number, not '\(typeName(v))'"))
    }

    func toFloat(_ v: Value) throws -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let f): return f
        case .str(let s):
            let text = s.trimmingSpaces().replacingUnderscores().lowercased()
            switch text {
            case "inf", "+inf", "infinity", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "+nan", "-nan": return .nan
            default: break
            }
            if let d = Double(text), !text.contains("x"), !text.isEmpty { return d }
            throw raise("ValueError", .str("could not convert string to float: \(PythonStringRepr(s))"))
        case .instance(let inst):
            if let m = inst.type.lookup("__float__") { return try toFloat(try call(m, Arguments([v]))) }
        default: break
        }
        throw raise("TypeError", .str("float() argument must be a string or a real number, not '\(typeName(v))'"))
    }

    func PythonStringRepr(_ s: String) -> String { (try? repr(.str(s))) ?? s }

    func installConstructors() {
        let t = types!
        t.int.constructor = { i, a in
            try i.arity("int", a, 0, 2, keywords: true)
            guard let v = a.positional.first else { return .int(0) }
            let base = try a.positional.count > 1 ? i.toInt(a.positional[1]) : a.keyword("base").map { try i.toInt($0) }
            if base != nil, case .str = v {} else if base != nil {
                throw i.raise("TypeError", .str("int() can't convert non-string with explicit base"))
            }
            return .int(try i.toInt(v, base: base))
        }
        t.float.constructor = { i, a in
            try i.arity("float", a, 0, 1)
            return .float(try a.positional.first.map { try i.toFloat($0) } ?? 0)
        }
        t.bool.constructor = { i, a in
            try i.arity("bool", a, 0, 1)
            return .bool(try a.positional.first.map { try i.truthy($0) } ?? false)
        }
        t.str.constructor = { i, a in
            try i.arity("str", a, 0, 3, keywords: true)
            return .str(try a.positional.first.map { try i.str($0) } ?? "")
        }
        t.list.constructor = { i, a in
            try i.arity("list", a, 0, 1)
            return .list(PyList(try a.positional.first.map { try i.iterate($0) } ?? []))
        }
        t.tuple.constructor = { i, a in
            try i.arity("tuple", a, 0, 1)
            return .tuple(try a.positional.first.map { try i.iterate($0) } ?? [])
        }
        t.set.constructor = { i, a in
            try i.arity("set", a, 0, 1)
            let s = PySet()
            for v in try a.positional.first.map({ try i.iterate($0) }) ?? [] { try i.setAdd(s, v) }
            return .set(s)
        }
        t.frozenset.constructor = { i, a in
            try i.arity("frozenset", a, 0, 1)
            let s = PySet(frozen: true)
            for v in try a.positional.first.map({ try i.iterate($0) }) ?? [] { try i.setAdd(s, v) }
            return .set(s)
        }
        t.dict.constructor = { i, a in
            try i.arity("dict", a, 0, 1, keywords: true)
            let d = PyDict()
            if let src = a.positional.first { try i.dictUpdate(d, src) }
            for (k, v) in a.keywords { d.set(.str(k), v) }
            return .dict(d)
        }
        t.range.constructor = { i, a in
            try i.arity("range", a, 1, 3)
            let n = try a.positional.map { v -> Int in
                guard case .int(let x) = v else {
                    if case .bool(let b) = v { return b ? 1 : 0 }
                    throw i.raise("TypeError", .str("'\(i.typeName(v))' object cannot be interpreted as an integer"))
                }
                return x
            }
            if n.count == 1 { return .range(PyRange(start: 0, stop: n[0], step: 1)) }
            let step = n.count == 3 ? n[2] : 1
            if step == 0 { throw i.raise("ValueError", .str("range() arg 3 must not be zero")) }
            return .range(PyRange(start: n[0], stop: n[1], step: step))
        }
        t.object.constructor = { _, _ in .instance(PyInstance(type: t.object)) }
        t.type.constructor = { i, a in
            try i.arity("type", a, 1, 1)
            return .type(i.typeOf(a.positional[0]))
        }
        t.slice.constructor = { i, a in
            try i.arity("slice", a, 1, 3)
            let p = a.positional
            if p.count == 1 { return .slice(PySlice(start: .none, stop: p[0], step: .none)) }
            return .slice(PySlice(start: p[0], stop: p[1], step: p.count > 2 ? p[2] : .none))
        }
        t.staticMethod.constructor = { i, a in try i.arity("staticmethod", a, 1, 1); return .wrapper(PyWrapper(kind: .staticMethod, function: a.positional[0])) }
        t.classMethod.constructor = { i, a in try i.arity("classmethod", a, 1, 1); return .wrapper(PyWrapper(kind: .classMethod, function: a.positional[0])) }
        t.property.constructor = { i, a in
            guard let getter = a.positional.first ?? a.keyword("fget") else { throw i.raise("TypeError", .str("property() requires a getter")) }
            let w = PyWrapper(kind: .property, function: getter)
            w.setter = a.positional.count > 1 ? a.positional[1] : a.keyword("fset")
            return .wrapper(w)
        }
        t.superType.constructor = { i, a in
            if a.positional.count == 2, case .type(let cls) = a.positional[0] {
                let inst = PyInstance(type: t.superType)
                inst.payload = SuperBinding(cls: cls, object: a.positional[1])
                return .instance(inst)
            }
            guard let frame = i.frames.last, let fn = frame.function, let cls = fn.definingClass, let obj = frame.firstArgument else {
                throw i.raise("RuntimeError", .str("super(): no arguments"))
            }
            let inst = PyInstance(type: t.superType)
            inst.payload = SuperBinding(cls: cls, object: obj)
            return .instance(inst)
        }
    }

    func dictUpdate(_ d: PyDict, _ src: Value) throws {
        if case .dict(let other) = src {
            for e in other.entries { d.set(e.key, e.value) }
            return
        }
        if case .instance = src, try findAttribute(src, "keys") != nil {
            for (k, v) in try mappingItems(src) { try dictSet(d, k, v) }
            return
        }
        for (n, item) in try iterate(src).enumerated() {
            guard isIterable(item) else {
                throw raise("TypeError", .str("cannot convert dictionary update sequence element #\(n) to a sequence"))
            }
            let pair = try iterate(item)
            guard pair.count == 2 else {
                throw raise("ValueError", .str("dictionary update sequence element #\(n) has length \(pair.count); 2 is required"))
            }
            try dictSet(d, pair[0], pair[1])
        }
    }
}

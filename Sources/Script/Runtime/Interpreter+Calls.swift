/// Calling: functions, built-ins, bound methods, classes and callable instances.
extension Interpreter {
    func call(_ fn: Value, _ args: Arguments) throws -> Value {
        switch fn {
        case .function(let f): return try callFunction(f, args)
        case .builtin(let b): return try b.fn(self, args)
        case .boundMethod(let m):
            var a = args
            a.positional.insert(m.receiver, at: 0)
            return try call(m.function, a)
        case .type(let t): return try instantiate(t, args)
        case .wrapper(let w) where w.kind == .staticMethod: return try call(w.function, args)
        case .instance(let inst):
            if let m = inst.type.lookup("__call__") {
                var a = args
                a.positional.insert(fn, at: 0)
                return try call(m, a)
            }
            throw raise("TypeError", .str("'\(inst.type.name)' object is not callable"))
        default:
            throw raise("TypeError", .str("'\(typeName(fn))' object is not callable"))
        }
    }

    /// Calls `obj.name(*args)`.
    func callMethod(_ obj: Value, _ name: String, _ args: Arguments) throws -> Value {
        try call(try getAttribute(obj, name), args)
    }

    func makeFunction(_ code: FunctionCode, _ scope: Scope) throws -> Value {
        var defaults: [Value?] = []
        for p in code.parameters { defaults.append(try p.defaultValue.map { try eval($0, scope) }) }
        var qualname = code.name
        if case .classBody = scope.kind, case .str(let q)? = scope.vars["__qualname__"] { qualname = q + "." + code.name }
        let f = PyFunction(code: code, defaults: defaults, closure: scope, qualname: qualname)
        f.filename = frames.last?.filename ?? mainFilename
        return .function(f)
    }

    func callFunction(_ f: PyFunction, _ args: Arguments) throws -> Value {
        let code = f.code
        let scope = Scope(kind: .function(code.scope), parent: f.closure)
        try bindArguments(f, args, scope)
        if code.isGenerator {
            // Generators run eagerly on first use and then replay their values (a
            // simplification: side effects happen before the consumer sees the first value).
            var produced: PyIterator? = nil
            return .iterator(PyIterator(typeName: "generator") { [unowned self] in
                if produced == nil {
                    let sink = PyList()
                    self.generatorSinks.append(sink)
                    defer { self.generatorSinks.removeLast() }
                    _ = try self.runBody(f, scope, args)
                    produced = PyIterator.over(sink.items)
                }
                return try produced!.next()
            })
        }
        if code.isAsync {
            return .coroutine(PyCoroutine(name: f.name) { [unowned self] in try self.runBody(f, scope, args) })
        }
        return try runBody(f, scope, args)
    }

    func runBody(_ f: PyFunction, _ scope: Scope, _ args: Arguments) throws -> Value {
        if frames.count >= maxDepth {
            throw raise("RecursionError", .str("maximum recursion depth exceeded"))
        }
        let frame = Frame(name: f.name, filename: f.filename, line: f.code.line)
        frame.function = f
        frame.firstArgument = args.positional.first ?? f.code.parameters.first.flatMap { scope.vars[$0.name] }
        frames.append(frame)
        defer { frames.removeLast() }
        if case .returned(let v) = try execBlock(f.code.body, scope) { return v }
        return .none
    }

    func bindArguments(_ f: PyFunction, _ args: Arguments, _ scope: Scope) throws {
        let params = f.code.parameters
        let name = f.qualname
        var positionalParams: [Int] = []
        var varArgs: Int? = nil, varKw: Int? = nil
        for (i, p) in params.enumerated() {
            switch p.kind {
            case .normal, .positionalOnly: positionalParams.append(i)
            case .varArgs: varArgs = i
            case .varKeywords: varKw = i
            case .keywordOnly: break
            }
        }
        var bound = [Value?](repeating: nil, count: params.count)
        let given = args.positional.count
        if given > positionalParams.count {
            if let v = varArgs {
                bound[v] = .tuple(Array(args.positional[positionalParams.count...]))
            } else {
                let required = positionalParams.filter { f.defaults[$0] == nil }.count
                let takes: String
                if required == positionalParams.count {
                    takes = "\(required) positional argument\(required == 1 ? "" : "s")"
                } else {
                    takes = "from \(required) to \(positionalParams.count) positional arguments"
                }
                let kwOnlyGiven = args.keywords.filter { k in params.contains { $0.name == k.0 && $0.kind == .keywordOnly } }.count
                let extra = kwOnlyGiven > 0 ? " positional argument\(given == 1 ? "" : "s") (and \(kwOnlyGiven) keyword-only argument\(kwOnlyGiven == 1 ? "" : "s"))" : ""
                throw raise("TypeError", .str("\(name)() takes \(takes) but \(given)\(extra.isEmpty ? " \(given == 1 ? "was" : "were")" : extra + " were") given"))
            }
        } else if let v = varArgs {
            bound[v] = .tuple([])
        }
        for (k, i) in positionalParams.enumerated() where k < given { bound[i] = args.positional[k] }
        let kwDict = varKw.map { _ in PyDict() }
        for (key, value) in args.keywords {
            if let i = params.firstIndex(where: { $0.name == key && ($0.kind == .normal || $0.kind == .keywordOnly) }) {
                if bound[i] != nil {
                    throw raise("TypeError", .str("\(name)() got multiple values for argument '\(key)'"))
                }
                bound[i] = value
            } else if let d = kwDict {
                d.set(.str(key), value)
            } else {
                throw raise("TypeError", .str("\(name)() got an unexpected keyword argument '\(key)'"))
            }
        }
        if let v = varKw, let d = kwDict { bound[v] = .dict(d) }
        var missing: [String] = [], missingKw: [String] = []
        for (i, p) in params.enumerated() where bound[i] == nil {
            if let d = f.defaults[i] { bound[i] = d; continue }
            if p.kind == .keywordOnly { missingKw.append(p.name) } else { missing.append(p.name) }
        }
        if !missing.isEmpty {
            throw raise("TypeError", .str("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(listNames(missing))"))
        }
        if !missingKw.isEmpty {
            throw raise("TypeError", .str("\(name)() missing \(missingKw.count) required keyword-only argument\(missingKw.count == 1 ? "" : "s"): \(listNames(missingKw))"))
        }
        for (i, p) in params.enumerated() { scope.vars[p.name] = bound[i]! }
    }

    func listNames(_ names: [String]) -> String {
        let q = names.map { "'\($0)'" }
        if q.count == 1 { return q[0] }
        if q.count == 2 { return q[0] + " and " + q[1] }
        return q.dropLast().joined(separator: ", ") + ", and " + q.last!
    }

    func makeClass(_ code: ClassCode, _ scope: Scope) throws -> Value {
        var bases: [PyType] = []
        for b in code.bases {
            switch b {
            case .positional(let e):
                let v = try eval(e, scope)
                guard case .type(let t) = v else {
                    throw raise("TypeError", .str("bases must be types"))
                }
                bases.append(t)
            case .keyword: continue
            default: throw raise("TypeError", .str("unsupported class base"))
            }
        }
        if bases.isEmpty { bases = [types.object] }
        let classScope = Scope(kind: .classBody, parent: scope)
        var qualname = code.name
        if case .classBody = scope.kind, case .str(let q)? = scope.vars["__qualname__"] { qualname = q + "." + code.name }
        classScope.vars["__module__"] = .str("__main__")
        classScope.vars["__qualname__"] = .str(qualname)
        classScope.vars["__doc__"] = code.docstring.map { .str($0) } ?? Value.none
        _ = try execBlock(code.body, classScope)
        let t = PyType(name: code.name, bases: bases, module: "__main__")
        t.qualname = qualname
        for (k, v) in classScope.vars where k != "__qualname__" { t.dict[k] = v }
        for v in t.dict.values {
            if case .function(let f) = v { f.definingClass = t }
            if case .wrapper(let w) = v, case .function(let f) = w.function { f.definingClass = t }
        }
        return .type(t)
    }

    func instantiate(_ t: PyType, _ args: Arguments) throws -> Value {
        if let ctor = t.constructor { return try ctor(self, args) }
        if let base = t.mro.first(where: { $0.constructor != nil && !$0.isBuiltinValueType }), base !== t,
           !t.isSubclass(of: types.baseException) {
            // A script class deriving from a built-in class with native construction.
            let v = try base.constructor!(self, args)
            if case .instance(let inst) = v {
                let sub = PyInstance(type: t)
                sub.attrs = inst.attrs
                sub.payload = inst.payload
                return .instance(sub)
            }
            return v
        }
        let inst = PyInstance(type: t)
        let value = Value.instance(inst)
        if t.isSubclass(of: types.baseException) { inst.attrs["args"] = .tuple(args.positional) }
        if let initFn = t.lookup("__init__") {
            var a = args
            a.positional.insert(value, at: 0)
            let r = try call(initFn, a)
            if !r.isNone { throw raise("TypeError", .str("__init__() should return None, not '\(typeName(r))'")) }
        } else if !(args.positional.isEmpty && args.keywords.isEmpty) && !t.isSubclass(of: types.baseException) {
            throw raise("TypeError", .str("\(t.name)() takes no arguments"))
        }
        return value
    }
}

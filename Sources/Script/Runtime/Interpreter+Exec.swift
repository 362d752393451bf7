/// Statement execution.
extension Interpreter {
    func execBlock(_ body: [Stmt], _ scope: Scope) throws -> Flow {
        for stmt in body {
            let flow = try exec(stmt, scope)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func exec(_ stmt: Stmt, _ scope: Scope) throws -> Flow {
        frames[frames.count - 1].line = stmt.line
        interruptCounter &+= 1
        if interruptCounter & 63 == 0, host.pollInterrupt() {
            throw raise("KeyboardInterrupt", nil)
        }
        switch stmt.kind {
        case .expr(let e):
            let v = try eval(e, scope)
            if interactiveEcho && frames.count == 1 && !v.isNone, case .module = scope.kind {
                mainScope.vars["_"] = v
                host.write(try repr(v) + "\n", to: .stdout)
            }
        case .assign(let targets, let valueExpr):
            let v = try eval(valueExpr, scope)
            for t in targets { try assign(t, v, scope) }
        case .augAssign(let target, let op, let valueExpr):
            try augAssign(target, op, valueExpr, scope)
        case .annAssign(let target, _, let valueExpr):
            if let valueExpr { try assign(target, try eval(valueExpr, scope), scope) }
        case .if(let branches, let orelse):
            for (test, body) in branches where try truthy(try eval(test, scope)) {
                return try execBlock(body, scope)
            }
            if let orelse { return try execBlock(orelse, scope) }
        case .while(let test, let body, let orelse):
            while try truthy(try eval(test, scope)) {
                let flow = try execBlock(body, scope)
                switch flow {
                case .broke: return .normal
                case .returned: return flow
                default: continue
                }
            }
            if let orelse { return try execBlock(orelse, scope) }
        case .for(let target, let iterExpr, let body, let orelse, _):
            let iterator = try makeIterator(try eval(iterExpr, scope))
            while let item = try iterator.next() {
                try assign(target, item, scope)
                let flow = try execBlock(body, scope)
                switch flow {
                case .broke: return .normal
                case .returned: return flow
                default: continue
                }
            }
            if let orelse { return try execBlock(orelse, scope) }
        case .functionDef(let code, let decorators):
            let decos = try decorators.map { try eval($0, scope) }
            var fn = try makeFunction(code, scope)
            for d in decos.reversed() { fn = try call(d, Arguments([fn])) }
            try store(code.name, fn, scope)
            if scope === mainScope { recordDefinition(code.name, from: code.line, to: code.endLine, value: fn) }
        case .classDef(let code, let decorators):
            let decos = try decorators.map { try eval($0, scope) }
            var cls = try makeClass(code, scope)
            for d in decos.reversed() { cls = try call(d, Arguments([cls])) }
            try store(code.name, cls, scope)
            if scope === mainScope { recordDefinition(code.name, from: code.line, to: code.endLine, value: cls) }
        case .return(let e):
            return .returned(try e.map { try eval($0, scope) } ?? .none)
        case .pass:
            break
        case .break:
            return .broke
        case .continue:
            return .continued
        case .try(let body, let handlers, let orelse, let finalBody):
            return try execTry(body, handlers, orelse, finalBody, scope)
        case .raise(let e, let cause):
            try execRaise(e, cause, scope)
        case .assert(let test, let msg):
            if !(try truthy(try eval(test, scope))) {
                throw raise("AssertionError", try msg.map { try eval($0, scope) })
            }
        case .del(let targets):
            for t in targets { try delete(t, scope) }
        case .global, .nonlocal:
            break
        case .import(let items):
            for item in items {
                let module = try importModule(item.path)
                if let alias = item.alias {
                    try store(alias, .module(module), scope)
                } else {
                    try store(item.path[0], .module(try importModule([item.path[0]])), scope)
                }
            }
        case .importFrom(let path, let names, _):
            let module = try importModule(path)
            for n in names {
                if n.name == "*" {
                    for (k, v) in module.attrs where !k.hasPrefix("_") { try store(k, v, scope) }
                    continue
                }
                var v = module.attrs[n.name]
                if v == nil, let sub = try? importModule(path + [n.name]) { v = .module(sub) }
                guard let value = v else {
                    throw raise("ImportError", .str("cannot import name '\(n.name)' from '\(path.joined(separator: "."))' (unknown location)"))
                }
                try store(n.alias ?? n.name, value, scope)
            }
        case .with(let items, let body, _):
            return try execWith(items[...], body, scope)
        }
        return .normal
    }

    func execWith(_ items: ArraySlice<(Expr, Expr?)>, _ body: [Stmt], _ scope: Scope) throws -> Flow {
        guard let (ctxExpr, target) = items.first else { return try execBlock(body, scope) }
        let ctx = try eval(ctxExpr, scope)
        let entered = try callMethod(ctx, "__enter__", Arguments())
        if let target { try assign(target, entered, scope) }
        let flow: Flow
        do {
            flow = try execWith(items.dropFirst(), body, scope)
        } catch ScriptError.exception(let exc) {
            let v = Value.instance(exc.instance)
            let suppress = try callMethod(ctx, "__exit__", Arguments([.type(exc.instance.type), v, .none]))
            if try truthy(suppress) { return .normal }
            throw ScriptError.exception(exc)
        }
        _ = try callMethod(ctx, "__exit__", Arguments([.none, .none, .none]))
        return flow
    }

    func execTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt]?, _ finalBody: [Stmt]?,
                 _ scope: Scope) throws -> Flow {
        var flow: Flow = .normal
        var pending: Error? = nil
        do {
            flow = try execBlock(body, scope)
            if case .normal = flow, let orelse { flow = try execBlock(orelse, scope) }
        } catch ScriptError.exception(let exc) {
            var handled = false
            for h in handlers {
                if let typeExpr = h.type {
                    let t = try eval(typeExpr, scope)
                    guard try exceptionMatches(exc.instance, t) else { continue }
                }
                handled = true
                if let name = h.name { try store(name, .instance(exc.instance), scope) }
                handling.append(exc)
                do {
                    flow = try execBlock(h.body, scope)
                    handling.removeLast()
                } catch {
                    handling.removeLast()
                    if let n = h.name { unbind(n, scope) }
                    if let finalBody {
                        let f = try execBlock(finalBody, scope)
                        if case .normal = f {} else { return f }
                    }
                    throw error
                }
                if let n = h.name { unbind(n, scope) }
                break
            }
            if !handled { pending = ScriptError.exception(exc) }
        } catch {
            pending = error
        }
        if let finalBody {
            let f = try execBlock(finalBody, scope)
            if case .normal = f { } else { return f }
        }
        if let pending { throw pending }
        return flow
    }

    func unbind(_ name: String, _ scope: Scope) {
        scope.vars.removeValue(forKey: name)
    }

    func exceptionMatches(_ instance: PyInstance, _ spec: Value) throws -> Bool {
        switch spec {
        case .type(let t): return instance.type.isSubclass(of: t)
        case .tuple(let items): return try items.contains { try exceptionMatches(instance, $0) }
        default:
            throw raise("TypeError", .str("catching classes that do not inherit from BaseException is not allowed"))
        }
    }

    func execRaise(_ e: Expr?, _ causeExpr: Expr?, _ scope: Scope) throws {
        guard let e else {
            guard let current = handling.last else { throw raise("RuntimeError", .str("No active exception to reraise")) }
            throw ScriptError.exception(current)
        }
        let v = try eval(e, scope)
        let instance = try exceptionInstance(from: v)
        if let causeExpr {
            let c = try eval(causeExpr, scope)
            instance.attrs["__cause__"] = c.isNone ? Value.none : .instance(try exceptionInstance(from: c))
            instance.attrs["__suppress_context__"] = .bool(true)
        }
        throw ScriptError.exception(newException(instance))
    }

    /// Turns a raised value (class or instance) into an exception instance.
    func exceptionInstance(from v: Value) throws -> PyInstance {
        switch v {
        case .type(let t) where t.isSubclass(of: types.baseException):
            guard case .instance(let inst) = try call(v, Arguments()) else { throw raise("TypeError", .str("exceptions must derive from BaseException")) }
            return inst
        case .instance(let inst) where inst.type.isSubclass(of: types.baseException):
            return inst
        default:
            throw raise("TypeError", .str("exceptions must derive from BaseException"))
        }
    }

    /// Wraps an instance with the current traceback and implicit context.
    func newException(_ instance: PyInstance) -> PythonException {
        if let existing = instance.payload as? PythonException {
            existing.traceback = captureTraceback()
            return existing
        }
        if instance.attrs["__context__"] == nil, let ctx = handling.last, ctx.instance !== instance {
            instance.attrs["__context__"] = .instance(ctx.instance)
        }
        let exc = PythonException(instance: instance, traceback: captureTraceback())
        instance.payload = exc
        return exc
    }

    func captureTraceback() -> [TracebackEntry] {
        frames.map { TracebackEntry(filename: $0.filename, line: $0.line, name: $0.name) }
    }
}

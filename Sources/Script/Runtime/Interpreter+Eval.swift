/// Expression evaluation.
extension Interpreter {
    func eval(_ e: Expr, _ scope: Scope) throws -> Value {
        switch e {
        case .name(let n): return try lookup(n, scope)
        case .int(let v): return .int(v)
        case .bigInt(let s):
            throw raise("OverflowError", .str("integer literal \(s) does not fit in 64 bits (big integers are not supported)"))
        case .float(let v): return .float(v)
        case .string(let s): return .str(s)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .ellipsis: return .ellipsis
        case .fstring(let segments): return .str(try formatSegments(segments, scope))
        case .tuple(let items): return .tuple(try evalItems(items, scope))
        case .list(let items): return .list(PyList(try evalItems(items, scope)))
        case .set(let items):
            let s = PySet()
            for v in try evalItems(items, scope) { try setAdd(s, v) }
            return .set(s)
        case .dict(let entries):
            let d = PyDict()
            for (k, v) in entries {
                if let k {
                    let key = try eval(k, scope)
                    try dictSet(d, key, try eval(v, scope))
                } else {
                    let m = try eval(v, scope)
                    for (key, value) in try mappingItems(m) { d.set(key, value) }
                }
            }
            return .dict(d)
        case .starred:
            throw raise("SyntaxError", .str("can't use starred expression here"))
        case .doubleStarred:
            throw raise("SyntaxError", .str("invalid syntax"))
        case .unary(let op, let operand):
            return try unaryOp(op, try eval(operand, scope))
        case .binary(let op, let l, let r):
            let lv = try eval(l, scope)
            let rv = try eval(r, scope)
            return try binaryOp(op, lv, rv)
        case .and(let items):
            var v: Value = .none
            for item in items {
                v = try eval(item, scope)
                if !(try truthy(v)) { return v }
            }
            return v
        case .or(let items):
            var v: Value = .none
            for item in items {
                v = try eval(item, scope)
                if try truthy(v) { return v }
            }
            return v
        case .not(let operand):
            return .bool(!(try truthy(try eval(operand, scope))))
        case .compare(let first, let rest):
            var left = try eval(first, scope)
            for (op, rightExpr) in rest {
                let right = try eval(rightExpr, scope)
                if !(try compare(op, left, right)) { return .bool(false) }
                left = right
            }
            return .bool(true)
        case .ifExp(let test, let body, let orelse):
            return try truthy(try eval(test, scope)) ? try eval(body, scope) : try eval(orelse, scope)
        case .lambda(let code):
            return try makeFunction(code, scope)
        case .call(let fnExpr, let argExprs, let line):
            let fn = try eval(fnExpr, scope)
            let args = try evalArguments(argExprs, scope)
            frames[frames.count - 1].line = line
            return try call(fn, args)
        case .attribute(let obj, let name):
            return try getAttribute(try eval(obj, scope), name)
        case .index(let obj, let idx):
            let o = try eval(obj, scope)
            return try getItem(o, try eval(idx, scope))
        case .slice(let a, let b, let c):
            return .slice(PySlice(start: try a.map { try eval($0, scope) } ?? .none,
                                  stop: try b.map { try eval($0, scope) } ?? .none,
                                  step: try c.map { try eval($0, scope) } ?? .none))
        case .listComp(let elt, let clauses, let info):
            var out: [Value] = []
            try comprehension(clauses, info, scope) { s in out.append(try self.eval(elt, s)) }
            return .list(PyList(out))
        case .generator(let elt, let clauses, let info):
            var out: [Value] = []
            try comprehension(clauses, info, scope) { s in out.append(try self.eval(elt, s)) }
            return .iterator(PyIterator.over(out, typeName: "generator"))
        case .setComp(let elt, let clauses, let info):
            let set = PySet()
            try comprehension(clauses, info, scope) { s in try self.setAdd(set, try self.eval(elt, s)) }
            return .set(set)
        case .dictComp(let k, let v, let clauses, let info):
            let d = PyDict()
            try comprehension(clauses, info, scope) { s in
                let key = try self.eval(k, s)
                try self.dictSet(d, key, try self.eval(v, s))
            }
            return .dict(d)
        case .await(let inner):
            return try awaitValue(try eval(inner, scope))
        case .namedExpr(let name, let valueExpr):
            let v = try eval(valueExpr, scope)
            var s = scope
            while case .function(let info) = s.kind, !info.locals.contains(name), let p = s.parent { s = p }
            try store(name, v, s)
            return v
        case .yield(let valueExpr):
            guard let sink = generatorSinks.last else {
                throw raise("SyntaxError", .str("'yield' outside function"))
            }
            if sink.items.count >= 1_000_000 {
                throw raise("NotImplementedError", .str("generators yielding more than 1000000 values are not supported by swiftray"))
            }
            if case .starred(let inner)? = valueExpr {
                sink.items.append(contentsOf: try iterate(try eval(inner, scope)))
                return .none
            }
            sink.items.append(try valueExpr.map { try eval($0, scope) } ?? .none)
            return .none
        }
    }

    func evalItems(_ items: [Expr], _ scope: Scope) throws -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(items.count)
        for item in items {
            if case .starred(let inner) = item {
                out.append(contentsOf: try iterate(try eval(inner, scope)))
            } else {
                out.append(try eval(item, scope))
            }
        }
        return out
    }

    func evalArguments(_ argExprs: [Argument], _ scope: Scope) throws -> Arguments {
        var args = Arguments()
        for a in argExprs {
            switch a {
            case .positional(let e): args.positional.append(try eval(e, scope))
            case .star(let e): args.positional.append(contentsOf: try iterate(try eval(e, scope)))
            case .keyword(let k, let e): args.keywords.append((k, try eval(e, scope)))
            case .doubleStar(let e):
                let m = try eval(e, scope)
                for (k, v) in try mappingItems(m) {
                    guard case .str(let key) = k else { throw raise("TypeError", .str("keywords must be strings")) }
                    if args.keywords.contains(where: { $0.0 == key }) {
                        throw raise("TypeError", .str("got multiple values for keyword argument '\(key)'"))
                    }
                    args.keywords.append((key, v))
                }
            }
        }
        return args
    }

    /// Runs the nested `for`/`if` clauses in a fresh scope, calling `body` for each match.
    func comprehension(_ clauses: [ComprehensionClause], _ info: ScopeInfo, _ scope: Scope,
                       _ body: (Scope) throws -> Void) throws {
        // The first iterable is evaluated in the enclosing scope.
        let firstIter = try eval(clauses[0].iter, scope)
        let inner = Scope(kind: .function(info), parent: scope)
        try comprehensionLevel(clauses, 0, firstIter, inner, body)
    }

    private func comprehensionLevel(_ clauses: [ComprehensionClause], _ level: Int, _ iterable: Value,
                                    _ scope: Scope, _ body: (Scope) throws -> Void) throws {
        let clause = clauses[level]
        let it = try makeIterator(iterable)
        outer: while let item = try it.next() {
            try assign(clause.target, item, scope)
            for cond in clause.conditions where !(try truthy(try eval(cond, scope))) { continue outer }
            if level + 1 < clauses.count {
                try comprehensionLevel(clauses, level + 1, try eval(clauses[level + 1].iter, scope), scope, body)
            } else {
                try body(scope)
            }
        }
    }

    func formatSegments(_ segments: [FStringSegment], _ scope: Scope) throws -> String {
        var out = ""
        for seg in segments {
            switch seg {
            case .literal(let s): out += s
            case .field(let e, let conversion, let spec, let debugText):
                var v = try eval(e, scope)
                if let debugText { out += debugText }
                switch conversion {
                case "r": v = .str(try repr(v))
                case "s": v = .str(try str(v))
                case "a": v = .str(asciiEscape(try repr(v)))
                default: break
                }
                let specText = try spec.map { try formatSegments($0, scope) } ?? ""
                out += try format(v, specText)
            }
        }
        return out
    }

    func awaitValue(_ v: Value) throws -> Value {
        switch v {
        case .coroutine(let c): return try c.run()
        case .instance(let inst):
            if let awaitable = inst.type.lookup("__await_value__") { return try call(awaitable, Arguments([v])) }
            throw raise("TypeError", .str("object \(inst.type.name) can't be used in 'await' expression"))
        default:
            throw raise("TypeError", .str("object \(typeName(v)) can't be used in 'await' expression"))
        }
    }
}

/// Name resolution (LEGB), binding, unpacking assignment and deletion.
extension Interpreter {
    func lookup(_ name: String, _ scope: Scope) throws -> Value {
        var s = scope
        switch s.kind {
        case .function(let info):
            if info.globals.contains(name) { return try lookupGlobal(name, scope.module) }
            if info.locals.contains(name) {
                if let v = s.vars[name] { return v }
                throw raise("UnboundLocalError", .str("cannot access local variable '\(name)' where it is not associated with a value"))
            }
        case .classBody:
            if let v = s.vars[name] { return v }
        case .module:
            return try lookupGlobal(name, s)
        }
        while let p = s.parent {
            s = p
            switch s.kind {
            case .function(let info):
                if info.globals.contains(name) { return try lookupGlobal(name, scope.module) }
                if info.locals.contains(name) {
                    if let v = s.vars[name] { return v }
                    throw raise("NameError", .str("cannot access free variable '\(name)' where it is not associated with a value in enclosing scope"))
                }
            case .classBody: continue
            case .module: return try lookupGlobal(name, s)
            }
        }
        return try lookupGlobal(name, scope.module)
    }

    func lookupGlobal(_ name: String, _ module: Scope) throws -> Value {
        if let v = module.vars[name] { return v }
        if let v = builtins[name] { return v }
        throw raise("NameError", .str("name '\(name)' is not defined"))
    }

    func store(_ name: String, _ value: Value, _ scope: Scope) throws {
        if case .function(let info) = scope.kind {
            if info.globals.contains(name) { scope.module.vars[name] = value; return }
            if info.nonlocals.contains(name) {
                var s = scope.parent
                while let cur = s {
                    if case .function(let i) = cur.kind, i.locals.contains(name) { cur.vars[name] = value; return }
                    s = cur.parent
                }
                throw raise("SyntaxError", .str("no binding for nonlocal '\(name)' found"))
            }
        }
        scope.vars[name] = value
    }

    func assign(_ target: Expr, _ value: Value, _ scope: Scope) throws {
        switch target {
        case .name(let n): try store(n, value, scope)
        case .attribute(let objExpr, let attr):
            try setAttribute(try eval(objExpr, scope), attr, value)
        case .index(let objExpr, let idxExpr):
            let obj = try eval(objExpr, scope)
            try setItem(obj, try eval(idxExpr, scope), value)
        case .tuple(let targets), .list(let targets):
            try unpack(targets, value, scope)
        case .starred(let inner):
            try assign(inner, value, scope)
        default:
            throw raise("SyntaxError", .str("cannot assign to expression"))
        }
    }

    func unpack(_ targets: [Expr], _ value: Value, _ scope: Scope) throws {
        let items: [Value]
        switch value {
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default:
            guard isIterable(value) else {
                throw raise("TypeError", .str("cannot unpack non-iterable \(typeName(value)) object"))
            }
            items = try iterate(value)
        }
        if let starIndex = targets.firstIndex(where: { if case .starred = $0 { return true }; return false }) {
            let before = starIndex, after = targets.count - starIndex - 1
            if items.count < before + after {
                throw raise("ValueError", .str("not enough values to unpack (expected at least \(before + after), got \(items.count))"))
            }
            for i in 0..<before { try assign(targets[i], items[i], scope) }
            try assign(targets[starIndex], .list(PyList(Array(items[before..<(items.count - after)]))), scope)
            for i in 0..<after { try assign(targets[starIndex + 1 + i], items[items.count - after + i], scope) }
            return
        }
        if items.count > targets.count {
            throw raise("ValueError", .str("too many values to unpack (expected \(targets.count))"))
        }
        if items.count < targets.count {
            throw raise("ValueError", .str("not enough values to unpack (expected \(targets.count), got \(items.count))"))
        }
        for (t, v) in zip(targets, items) { try assign(t, v, scope) }
    }

    func augAssign(_ target: Expr, _ op: BinaryOp, _ valueExpr: Expr, _ scope: Scope) throws {
        switch target {
        case .name(let n):
            let current = try lookup(n, scope)
            let rhs = try eval(valueExpr, scope)
            try store(n, try inplaceOp(op, current, rhs), scope)
        case .attribute(let objExpr, let attr):
            let obj = try eval(objExpr, scope)
            let current = try getAttribute(obj, attr)
            let rhs = try eval(valueExpr, scope)
            try setAttribute(obj, attr, try inplaceOp(op, current, rhs))
        case .index(let objExpr, let idxExpr):
            let obj = try eval(objExpr, scope)
            let idx = try eval(idxExpr, scope)
            let current = try getItem(obj, idx)
            let rhs = try eval(valueExpr, scope)
            try setItem(obj, idx, try inplaceOp(op, current, rhs))
        default:
            throw raise("SyntaxError", .str("illegal expression for augmented assignment"))
        }
    }

    /// `+=` on a list extends it in place; everything else rebinds.
    func inplaceOp(_ op: BinaryOp, _ lhs: Value, _ rhs: Value) throws -> Value {
        if op == .add, case .list(let l) = lhs {
            l.items.append(contentsOf: try iterate(rhs))
            return lhs
        }
        if case .instance(let inst) = lhs, let m = inst.type.lookup("__i\(dunderName(op))__") {
            return try call(m, Arguments([lhs, rhs]))
        }
        return try binaryOp(op, lhs, rhs)
    }

    func delete(_ target: Expr, _ scope: Scope) throws {
        switch target {
        case .name(let n):
            var s = scope
            if case .function(let info) = scope.kind, info.globals.contains(n) { s = scope.module }
            if s.vars.removeValue(forKey: n) == nil {
                if case .function = s.kind {
                    throw raise("UnboundLocalError", .str("cannot access local variable '\(n)' where it is not associated with a value"))
                }
                throw raise("NameError", .str("name '\(n)' is not defined"))
            }
        case .attribute(let objExpr, let attr):
            try deleteAttribute(try eval(objExpr, scope), attr)
        case .index(let objExpr, let idxExpr):
            try deleteItem(try eval(objExpr, scope), try eval(idxExpr, scope))
        case .tuple(let items), .list(let items):
            for i in items { try delete(i, scope) }
        default:
            throw raise("SyntaxError", .str("cannot delete expression"))
        }
    }
}

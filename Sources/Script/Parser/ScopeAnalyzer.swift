/// Static scope analysis: which names a function body binds locally.
///
/// Guarantees: does not descend into nested functions, classes, lambdas or comprehensions
/// (their bindings belong to their own scopes), except for the names they define.
enum ScopeAnalyzer {
    static func analyze(parameters: [Parameter], body: [Stmt]) -> ScopeInfo {
        let info = ScopeInfo()
        for p in parameters { info.locals.insert(p.name) }
        collect(body, info)
        info.locals.subtract(info.globals)
        info.locals.subtract(info.nonlocals)
        return info
    }

    static func collect(_ body: [Stmt], _ info: ScopeInfo) {
        for s in body {
            switch s.kind {
            case .assign(let targets, let value):
                for t in targets { collectTargets(t, into: &info.locals) }
                collectWalrus(value, info)
            case .augAssign(let t, _, _): collectTargets(t, into: &info.locals)
            case .annAssign(let t, _, let v): if v != nil { collectTargets(t, into: &info.locals) } else if case .name(let n) = t { info.locals.insert(n) }
            case .if(let branches, let orelse):
                for (test, b) in branches { collectWalrus(test, info); collect(b, info) }
                if let o = orelse { collect(o, info) }
            case .while(let test, let b, let o):
                collectWalrus(test, info)
                collect(b, info); if let o { collect(o, info) }
            case .for(let t, _, let b, let o, _):
                collectTargets(t, into: &info.locals); collect(b, info); if let o { collect(o, info) }
            case .functionDef(let code, _): info.locals.insert(code.name)
            case .classDef(let code, _): info.locals.insert(code.name)
            case .try(let b, let handlers, let o, let f):
                collect(b, info)
                for h in handlers { if let n = h.name { info.locals.insert(n) }; collect(h.body, info) }
                if let o { collect(o, info) }
                if let f { collect(f, info) }
            case .del(let targets): for t in targets { collectTargets(t, into: &info.locals) }
            case .global(let names): info.globals.formUnion(names)
            case .nonlocal(let names): info.nonlocals.formUnion(names)
            case .import(let items): for i in items { info.locals.insert(i.alias ?? i.path[0]) }
            case .importFrom(_, let names, _): for n in names where n.name != "*" { info.locals.insert(n.alias ?? n.name) }
            case .with(let items, let b, _):
                for (_, t) in items { if let t { collectTargets(t, into: &info.locals) } }
                collect(b, info)
            case .expr(let e): collectWalrus(e, info)
            default: break
            }
        }
    }

    static func collectWalrus(_ e: Expr, _ info: ScopeInfo) {
        if case .namedExpr(let n, _) = e { info.locals.insert(n) }
    }

    static func collectTargets(_ e: Expr, into set: inout Set<String>) {
        switch e {
        case .name(let n): set.insert(n)
        case .tuple(let items), .list(let items): for i in items { collectTargets(i, into: &set) }
        case .starred(let inner): collectTargets(inner, into: &set)
        default: break
        }
    }

    static func containsYield(_ body: [Stmt]) -> Bool {
        for s in body {
            switch s.kind {
            case .expr(.yield), .assign(_, .yield): return true
            case .if(let branches, let o):
                if branches.contains(where: { containsYield($0.1) }) || containsYield(o ?? []) { return true }
            case .while(_, let b, let o), .for(_, _, let b, let o, _):
                if containsYield(b) || containsYield(o ?? []) { return true }
            case .try(let b, let h, let o, let f):
                if containsYield(b) || h.contains(where: { containsYield($0.body) }) || containsYield(o ?? []) || containsYield(f ?? []) { return true }
            case .with(_, let b, _): if containsYield(b) { return true }
            default: break
            }
        }
        return false
    }
}

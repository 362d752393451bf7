/// A statement with the 1-based line it starts on.
struct Stmt {
    let line: Int
    let kind: Kind

    indirect enum Kind {
        case expr(Expr)
        case assign([Expr], Expr)
        case augAssign(Expr, BinaryOp, Expr)
        case annAssign(Expr, Expr, Expr?)
        case `if`([(Expr, [Stmt])], [Stmt]?)
        case `while`(Expr, [Stmt], [Stmt]?)
        case `for`(Expr, Expr, [Stmt], [Stmt]?, isAsync: Bool)
        case functionDef(FunctionCode, decorators: [Expr])
        case classDef(ClassCode, decorators: [Expr])
        case `return`(Expr?)
        case pass
        case `break`
        case `continue`
        case `try`([Stmt], [ExceptHandler], [Stmt]?, [Stmt]?)
        case raise(Expr?, cause: Expr?)
        case assert(Expr, Expr?)
        case del([Expr])
        case global([String])
        case nonlocal([String])
        case `import`([(path: [String], alias: String?)])
        case importFrom(module: [String], names: [(name: String, alias: String?)], level: Int)
        case with([(Expr, Expr?)], [Stmt], isAsync: Bool)
    }
}

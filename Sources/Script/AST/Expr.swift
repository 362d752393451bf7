/// An expression node. Positions live on the enclosing statement, except where a node records
/// its own line (calls), which tracebacks use for multi-line statements.
indirect enum Expr {
    case name(String)
    case int(Int)
    case bigInt(String)
    case float(Double)
    case string(String)
    case fstring([FStringSegment])
    case bool(Bool)
    case none
    case ellipsis
    case tuple([Expr])
    case list([Expr])
    case set([Expr])
    /// A nil key marks a `**mapping` entry.
    case dict([(Expr?, Expr)])
    case starred(Expr)
    case doubleStarred(Expr)
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr)
    case and([Expr])
    case or([Expr])
    case not(Expr)
    case compare(Expr, [(CompareOp, Expr)])
    case ifExp(Expr, Expr, Expr)
    case lambda(FunctionCode)
    case call(Expr, [Argument], line: Int)
    case attribute(Expr, String)
    case index(Expr, Expr)
    case slice(Expr?, Expr?, Expr?)
    case listComp(Expr, [ComprehensionClause], ScopeInfo)
    case setComp(Expr, [ComprehensionClause], ScopeInfo)
    case dictComp(Expr, Expr, [ComprehensionClause], ScopeInfo)
    case generator(Expr, [ComprehensionClause], ScopeInfo)
    case await(Expr)
    case namedExpr(String, Expr)
    case yield(Expr?)
}

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

enum UnaryOp { case neg, pos, invert }

enum BinaryOp: String {
    case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", mod = "%", pow = "**"
    case matMul = "@", lshift = "<<", rshift = ">>", and = "&", or = "|", xor = "^"
}

enum CompareOp: String {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

/// A piece of a parsed f-string.
enum FStringSegment {
    case literal(String)
    case field(Expr, conversion: Character?, spec: [FStringSegment]?, debugText: String?)
}

/// One `for … in … if …` clause of a comprehension.
struct ComprehensionClause {
    var target: Expr
    var iter: Expr
    var conditions: [Expr]
    var isAsync: Bool
}

/// A call argument: positional, `*iterable`, `name=value` or `**mapping`.
enum Argument {
    case positional(Expr)
    case star(Expr)
    case keyword(String, Expr)
    case doubleStar(Expr)
}

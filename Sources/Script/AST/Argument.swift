/// A call argument: positional, `*iterable`, `name=value` or `**mapping`.
enum Argument {
    case positional(Expr)
    case star(Expr)
    case keyword(String, Expr)
    case doubleStar(Expr)
}

/// One `for … in … if …` clause of a comprehension.
struct ComprehensionClause {
    var target: Expr
    var iter: Expr
    var conditions: [Expr]
    var isAsync: Bool
}

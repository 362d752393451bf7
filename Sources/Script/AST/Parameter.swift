/// A parameter of a `def` or `lambda`.
struct Parameter {
    enum Kind { case normal, varArgs, keywordOnly, varKeywords, positionalOnly }
    var name: String
    var kind: Kind
    var defaultValue: Expr?
}

/// A piece of a parsed f-string.
enum FStringSegment {
    case literal(String)
    case field(Expr, conversion: Character?, spec: [FStringSegment]?, debugText: String?)
}

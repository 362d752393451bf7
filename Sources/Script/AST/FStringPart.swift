/// A piece of an f-string as the lexer split it: literal text, or a replacement field whose
/// expression is kept as source text (parsed later by the parser with correct positions).
enum FStringPart {
    case literal(String)
    /// `{expr!conv:spec}`; `spec` may itself contain nested fields. `debugText` is set for
    /// `{expr=}` and holds the text to echo before the value.
    case field(source: String, conversion: Character?, spec: [FStringPart]?, debugText: String?,
               line: Int, column: Int)
}

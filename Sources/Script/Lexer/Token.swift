/// One lexical token with the 1-based line and column where it starts.
///
/// Guarantees: `line`/`column` always point into the source the lexer was given, so syntax
/// errors can quote the offending line with a caret.
struct Token {
    enum Kind {
        case name(String)
        case keyword(String)
        case int(Int)
        /// An integer literal that does not fit in 64 bits (kept as text; refused at run time).
        case bigInt(String)
        case float(Double)
        case string(String)
        case fstring([FStringPart])
        case op(String)
        case newline
        case indent
        case dedent
        case eof
    }

    let kind: Kind
    let line: Int
    let column: Int

    /// A short human description used in error messages.
    var text: String {
        switch kind {
        case .name(let s), .keyword(let s), .op(let s): return s
        case .int(let v): return String(v)
        case .bigInt(let s): return s
        case .float(let v): return String(v)
        case .string, .fstring: return "string"
        case .newline: return "newline"
        case .indent: return "indent"
        case .dedent: return "dedent"
        case .eof: return "end of input"
        }
    }

    func isOp(_ s: String) -> Bool {
        if case .op(let o) = kind { return o == s }
        return false
    }

    func isKeyword(_ s: String) -> Bool {
        if case .keyword(let k) = kind { return k == s }
        return false
    }
}

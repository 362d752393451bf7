/// Recursive-descent parser from tokens to statements.
///
/// Guarantees: either returns the whole module's statements or throws one
/// `ScriptError.syntax` pointing at the first offending token, worded like CPython.
struct Parser {
    var tokens: [Token]
    var index = 0
    let filename: String
    let lines: [Substring]
    var functionDepth = 0
    var loopDepth = 0
    /// Line of the last real token consumed (the end of the statement just parsed).
    var lastLine = 1
    /// How deeply the expression being parsed nests (recursion plus left-deep operator,
    /// call, subscript and attribute chains): an upper bound on the depth of its syntax tree.
    var nesting = 0
    /// Most nesting levels one expression may have; beyond it parsing stops with a
    /// SyntaxError instead of growing the parser's (and later the evaluator's) stack.
    static let maxNesting = 1000

    init(tokens: [Token], source: String, filename: String) {
        self.tokens = tokens
        self.filename = filename
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Parses a whole module.
    static func parse(_ source: String, filename: String) throws(ScriptError) -> [Stmt] {
        let tokens = try Lexer.tokenize(source, filename: filename)
        var parser = Parser(tokens: tokens, source: source, filename: filename)
        return try parser.parseModule()
    }

    /// Parses a single expression (used for f-string fields).
    static func parseExpression(_ source: String, filename: String, line: Int, column: Int) throws(ScriptError) -> Expr {
        let wrapped = "(" + source + ")"
        var tokens: [Token]
        do {
            tokens = try Lexer.tokenize(wrapped, filename: filename)
        } catch {
            if case .syntax(var info) = error {
                info.line = line; info.column = column; info.message = "f-string: " + info.message
                throw .syntax(info)
            }
            throw error
        }
        tokens = tokens.map { Token(kind: $0.kind, line: line, column: column) }
        var parser = Parser(tokens: tokens, source: wrapped, filename: filename)
        let e = try parser.parseTestList(allowStar: true)
        guard case .newline = parser.current.kind else { throw parser.syntaxError("f-string: invalid syntax") }
        return e
    }

    var current: Token { tokens[index] }
    var nextToken: Token { tokens[min(index + 1, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[index]
        switch t.kind {
        case .newline, .indent, .dedent, .eof: break
        default: lastLine = t.line
        }
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    func syntaxError(_ message: String, at token: Token? = nil, kind: String = "SyntaxError") -> ScriptError {
        let t = token ?? current
        let src = t.line - 1 < lines.count && t.line >= 1 ? String(lines[t.line - 1]) : nil
        return .syntax(SyntaxErrorInfo(kind: kind, message: message, filename: filename,
                                       line: t.line, column: t.column, sourceLine: src))
    }

    func invalid() -> ScriptError {
        if case .indent = current.kind { return syntaxError("unexpected indent", kind: "IndentationError") }
        if case .eof = current.kind { return syntaxError("unexpected EOF while parsing") }
        return syntaxError("invalid syntax")
    }

    /// Inside brackets, two expressions in a row: CPython suggests a missing comma.
    func missingComma(after start: Token) -> ScriptError? {
        switch current.kind {
        case .name, .int, .float, .string, .fstring, .bigInt:
            return syntaxError("invalid syntax. Perhaps you forgot a comma?", at: start)
        default:
            return nil
        }
    }

    /// Goes one nesting level deeper; the caller restores `nesting` when it returns.
    mutating func deeper() throws(ScriptError) {
        nesting += 1
        if nesting > Parser.maxNesting {
            throw syntaxError("too many nested expressions (more than \(Parser.maxNesting) levels)")
        }
    }

    mutating func accept(_ op: String) -> Bool {
        if current.isOp(op) { advance(); return true }
        return false
    }

    mutating func acceptKeyword(_ k: String) -> Bool {
        if current.isKeyword(k) { advance(); return true }
        return false
    }

    mutating func expect(_ op: String) throws(ScriptError) {
        guard accept(op) else {
            if op == ":" { throw syntaxError("expected ':'") }
            if op == "(" { throw syntaxError("expected '('") }
            throw invalid()
        }
    }

    mutating func expectKeyword(_ k: String) throws(ScriptError) {
        guard acceptKeyword(k) else { throw invalid() }
    }

    mutating func expectName() throws(ScriptError) -> String {
        if case .name(let n) = current.kind { advance(); return n }
        throw invalid()
    }

    mutating func parseModule() throws(ScriptError) -> [Stmt] {
        var body: [Stmt] = []
        while true {
            switch current.kind {
            case .eof: return body
            case .newline: advance()
            default: body.append(contentsOf: try parseStatement())
            }
        }
    }

    /// Parses the block after a compound statement's `:`. `what` names the statement for the
    /// "expected an indented block" message.
    mutating func parseBlock(after what: String, line: Int) throws(ScriptError) -> [Stmt] {
        if case .newline = current.kind {
            advance()
            guard case .indent = current.kind else {
                throw syntaxError("expected an indented block after \(what) on line \(line)", kind: "IndentationError")
            }
            advance()
            var body: [Stmt] = []
            while true {
                if case .dedent = current.kind { advance(); break }
                if case .eof = current.kind { break }
                if case .newline = current.kind { advance(); continue }
                body.append(contentsOf: try parseStatement())
            }
            return body
        }
        return try parseSimpleStatements()
    }

    static func docstring(of body: [Stmt]) -> String? {
        if let first = body.first, case .expr(.string(let s)) = first.kind { return s }
        return nil
    }

    /// Checks that `e` can be assigned to (or deleted, with `verb` "delete").
    func checkTarget(_ e: Expr, at token: Token, verb: String = "assign to") throws(ScriptError) {
        func fail(_ what: String) -> ScriptError {
            if verb == "assign to" {
                return syntaxError("cannot assign to \(what) here. Maybe you meant '==' instead of '='?", at: token)
            }
            return syntaxError("cannot \(verb) \(what)", at: token)
        }
        switch e {
        case .name, .attribute, .index: return
        case .tuple(let items), .list(let items):
            for item in items { try checkTarget(item, at: token, verb: verb) }
        case .starred(let inner): try checkTarget(inner, at: token, verb: verb)
        case .call: throw fail("function call")
        case .int, .float, .string, .bigInt, .fstring, .ellipsis: throw fail("literal")
        case .bool(let b): throw syntaxError("cannot \(verb) \(b ? "True" : "False")", at: token)
        case .none: throw syntaxError("cannot \(verb) None", at: token)
        case .compare: throw fail("comparison")
        case .binary, .unary: throw fail("expression")
        case .lambda: throw fail("lambda")
        default: throw fail("expression")
        }
    }
}

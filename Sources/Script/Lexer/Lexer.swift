/// Turns Python source into tokens, producing INDENT/DEDENT from leading whitespace.
///
/// Guarantees: newlines inside brackets and after a backslash are ignored (implicit and
/// explicit line joining); comments and blank lines never produce tokens; every error is a
/// `ScriptError.syntax` with the line and column of the problem.
struct Lexer {
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield",
    ]
    static let operators3: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
    static let operators2: Set<String> = [
        "->", ":=", "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "@=",
    ]
    static let operators1: Set<Character> = [
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}",
        ",", ":", ".", ";", "=",
    ]

    /// Most brackets open at once (CPython's tokenizer limit); deeper input is a SyntaxError,
    /// so the recursive-descent parser's stack stays bounded.
    static let maxBracketDepth = 200
    /// Most indentation levels (CPython's limit); deeper input is an IndentationError.
    static let maxIndentLevels = 100

    let chars: [Character]
    let filename: String
    let lines: [Substring]
    var pos = 0
    var line = 1
    var lineStart = 0
    var tokens: [Token] = []
    var indents: [Int] = [0]
    var brackets: [(Character, Int, Int)] = []
    var atLineStart = true

    init(source: String, filename: String) {
        self.chars = Array(source)
        self.filename = filename
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    var column: Int { pos - lineStart + 1 }

    func error(_ message: String, line: Int, column: Int, kind: String = "SyntaxError") -> ScriptError {
        let src = line - 1 < lines.count && line >= 1 ? String(lines[line - 1]) : nil
        return .syntax(SyntaxErrorInfo(kind: kind, message: message, filename: filename,
                                       line: line, column: column, sourceLine: src))
    }

    func peek(_ offset: Int = 0) -> Character? {
        let i = pos + offset
        return i < chars.count ? chars[i] : nil
    }

    mutating func newLine() {
        line += 1
        lineStart = pos
    }

    static func tokenize(_ source: String, filename: String) throws(ScriptError) -> [Token] {
        var lexer = Lexer(source: source, filename: filename)
        try lexer.run()
        return lexer.tokens
    }

    mutating func add(_ kind: Token.Kind, line: Int, column: Int) {
        tokens.append(Token(kind: kind, line: line, column: column))
    }

    mutating func run() throws(ScriptError) {
        while pos < chars.count {
            if atLineStart {
                atLineStart = false
                if try handleIndentation() { continue }
            }
            let c = chars[pos]
            if c == "\n" {
                pos += 1
                if brackets.isEmpty {
                    add(.newline, line: line, column: pos - lineStart)
                    atLineStart = true
                }
                newLine()
                continue
            }
            if c == " " || c == "\t" || c == "\r" || c == "\u{0C}" { pos += 1; continue }
            if c == "#" {
                while pos < chars.count && chars[pos] != "\n" { pos += 1 }
                continue
            }
            if c == "\\" {
                if peek(1) == "\n" { pos += 2; newLine(); continue }
                if peek(1) == "\r" && peek(2) == "\n" { pos += 3; newLine(); continue }
                throw error("unexpected character after line continuation character", line: line, column: column)
            }
            let startCol = column
            if c.isLetter || c == "_" {
                var end = pos
                while end < chars.count && (chars[end].isLetter || chars[end].isNumber || chars[end] == "_") { end += 1 }
                let word = String(chars[pos..<end])
                // String prefixes.
                if end < chars.count && (chars[end] == "'" || chars[end] == "\"") {
                    let lower = word.lowercased()
                    if ["r", "u", "f", "b", "rf", "fr", "br", "rb"].contains(lower) {
                        pos = end
                        try scanString(prefix: lower, startLine: line, startCol: startCol)
                        continue
                    }
                }
                pos = end
                add(Lexer.keywords.contains(word) ? .keyword(word) : .name(word), line: line, column: startCol)
                continue
            }
            if c.isNumber || (c == "." && (peek(1)?.isNumber ?? false)) {
                try scanNumber()
                continue
            }
            if c == "'" || c == "\"" {
                try scanString(prefix: "", startLine: line, startCol: startCol)
                continue
            }
            if pos + 2 < chars.count, Lexer.operators3.contains(String(chars[pos...pos + 2])) {
                add(.op(String(chars[pos...pos + 2])), line: line, column: startCol); pos += 3; continue
            }
            if pos + 1 < chars.count, Lexer.operators2.contains(String(chars[pos...pos + 1])) {
                add(.op(String(chars[pos...pos + 1])), line: line, column: startCol); pos += 2; continue
            }
            if Lexer.operators1.contains(c) {
                if c == "(" || c == "[" || c == "{" {
                    guard brackets.count < Lexer.maxBracketDepth else {
                        throw error("too many nested parentheses", line: line, column: startCol)
                    }
                    brackets.append((c, line, startCol))
                }
                if c == ")" || c == "]" || c == "}" {
                    let open: Character = c == ")" ? "(" : c == "]" ? "[" : "{"
                    guard let last = brackets.last else {
                        throw error("unmatched '\(c)'", line: line, column: startCol)
                    }
                    if last.0 != open {
                        if last.1 == line {
                            throw error("closing parenthesis '\(c)' does not match opening parenthesis '\(last.0)'", line: line, column: startCol)
                        }
                        throw error("closing parenthesis '\(c)' does not match opening parenthesis '\(last.0)' on line \(last.1)", line: line, column: startCol)
                    }
                    brackets.removeLast()
                }
                add(.op(String(c)), line: line, column: startCol); pos += 1; continue
            }
            if c == "!" {
                throw error("invalid syntax", line: line, column: startCol)
            }
            throw error("invalid character '\(c)' (U+\(String(c.unicodeScalars.first!.value, radix: 16, uppercase: true)))", line: line, column: startCol)
        }
        if let open = brackets.last {
            throw error("'\(open.0)' was never closed", line: open.1, column: open.2)
        }
        if let last = tokens.last, case .newline = last.kind {} else if !tokens.isEmpty {
            add(.newline, line: line, column: column)
        }
        while indents.count > 1 {
            indents.removeLast()
            add(.dedent, line: line, column: 1)
        }
        add(.eof, line: line, column: column)
    }

    /// Measures the indentation at a line start; returns true when the line was blank or a
    /// comment (and has been consumed).
    mutating func handleIndentation() throws(ScriptError) -> Bool {
        var width = 0
        var p = pos
        while p < chars.count {
            if chars[p] == " " { width += 1 } else if chars[p] == "\t" { width = (width / 8 + 1) * 8 } else if chars[p] == "\u{0C}" { width = 0 } else { break }
            p += 1
        }
        if p >= chars.count { pos = p; return true }
        if chars[p] == "\n" || chars[p] == "#" || (chars[p] == "\r" && p + 1 < chars.count && chars[p + 1] == "\n") {
            while p < chars.count && chars[p] != "\n" { p += 1 }
            pos = p
            if p < chars.count { pos += 1; newLine() }
            atLineStart = true
            return true
        }
        if chars[p] == "\\" && p + 1 < chars.count && chars[p + 1] == "\n" && tokens.isEmpty {
            pos = p; return false
        }
        pos = p
        if width > indents.last! {
            guard indents.count <= Lexer.maxIndentLevels else {
                throw error("too many levels of indentation", line: line, column: column, kind: "IndentationError")
            }
            indents.append(width)
            add(.indent, line: line, column: column)
        } else if width < indents.last! {
            while width < indents.last! {
                indents.removeLast()
                add(.dedent, line: line, column: column)
            }
            if width != indents.last! {
                throw error("unindent does not match any outer indentation level", line: line, column: column, kind: "IndentationError")
            }
        }
        return false
    }

    mutating func scanNumber() throws(ScriptError) {
        let startCol = column
        let start = pos
        func digits(_ ok: (Character) -> Bool) {
            while let c = peek(), ok(c) || (c == "_" && (peek(1).map(ok) ?? false)) { pos += 1 }
        }
        if peek() == "0", let x = peek(1), "xXoObB".contains(x) {
            pos += 2
            let radix = "xX".contains(x) ? 16 : "oO".contains(x) ? 8 : 2
            let bodyStart = pos
            digits { $0.isHexDigit && Int(String($0), radix: radix) != nil }
            let body = String(chars[bodyStart..<pos]).replacingUnderscores()
            guard !body.isEmpty else { throw error("invalid \(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") literal", line: line, column: startCol) }
            if let v = Int(body, radix: radix) { add(.int(v), line: line, column: startCol) } else { add(.bigInt(String(chars[start..<pos])), line: line, column: startCol) }
            return
        }
        var isFloat = false
        digits { $0.isASCII && $0.isNumber }
        if peek() == "." && !(peek(1) == "." && peek(2) == ".") {
            isFloat = true
            pos += 1
            digits { $0.isASCII && $0.isNumber }
        }
        if let e = peek(), e == "e" || e == "E" {
            var q = 1
            if let s = peek(1), s == "+" || s == "-" { q = 2 }
            if let d = peek(q), d.isASCII && d.isNumber {
                isFloat = true
                pos += q
                digits { $0.isASCII && $0.isNumber }
            }
        }
        if let c = peek(), c.isLetter || c == "_" {
            throw error("invalid decimal literal", line: line, column: startCol)
        }
        let text = String(chars[start..<pos]).replacingUnderscores()
        if isFloat {
            add(.float(Double(text) ?? .infinity), line: line, column: startCol)
        } else {
            if text.count > 1 && text.first == "0" && text.contains(where: { $0 != "0" }) {
                throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", line: line, column: startCol)
            }
            if let v = Int(text) { add(.int(v), line: line, column: startCol) } else { add(.bigInt(text), line: line, column: startCol) }
        }
    }
}

extension String {
    func replacingUnderscores() -> String { String(self.filter { $0 != "_" }) }
}

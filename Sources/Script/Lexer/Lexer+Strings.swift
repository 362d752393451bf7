/// String literal scanning: all quote forms, raw and triple-quoted strings, escapes, and the
/// splitting of f-strings into literal parts and replacement fields.
extension Lexer {
    mutating func scanString(prefix: String, startLine: Int, startCol: Int) throws(ScriptError) {
        let quote = chars[pos]
        let triple = peek(1) == quote && peek(2) == quote
        pos += triple ? 3 : 1
        let raw = prefix.contains("r")
        let isF = prefix.contains("f")
        var content: [Character] = []
        let contentLine = line
        let contentCol = column
        while true {
            guard pos < chars.count else {
                if triple {
                    throw error("unterminated triple-quoted string literal (detected at line \(chars.last == "\n" ? line - 1 : line))", line: startLine, column: startCol)
                }
                throw error("unterminated string literal (detected at line \(startLine))", line: startLine, column: startCol)
            }
            let c = chars[pos]
            if c == "\\" && pos + 1 < chars.count {
                content.append(c)
                content.append(chars[pos + 1])
                if chars[pos + 1] == "\n" { pos += 2; newLine() } else { pos += 2 }
                continue
            }
            if c == "\n" {
                if !triple {
                    throw error("unterminated string literal (detected at line \(startLine))", line: startLine, column: startCol)
                }
                content.append(c); pos += 1; newLine(); continue
            }
            if c == quote {
                if !triple { pos += 1; break }
                if peek(1) == quote && peek(2) == quote { pos += 3; break }
            }
            content.append(c)
            pos += 1
        }
        if isF {
            let parts = try splitFString(content, raw: raw, line: contentLine, column: contentCol)
            add(.fstring(parts), line: startLine, column: startCol)
        } else {
            let text = raw ? String(content) : try unescape(content, line: startLine, column: startCol)
            add(.string(text), line: startLine, column: startCol)
        }
    }

    func unescape(_ s: [Character], line: Int, column: Int) throws(ScriptError) -> String {
        var out = ""
        var i = 0
        while i < s.count {
            let c = s[i]
            guard c == "\\", i + 1 < s.count else { out.append(c); i += 1; continue }
            let n = s[i + 1]
            i += 2
            switch n {
            case "\n": break
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "v": out.append("\u{0B}")
            case "0"..."7":
                var v = Int(String(n))!
                var k = 0
                while k < 2, i < s.count, let d = Int(String(s[i])), d < 8 { v = v * 8 + d; i += 1; k += 1 }
                out.unicodeScalars.append(Unicode.Scalar(UInt32(v))!)
            case "x", "u", "U":
                let count = n == "x" ? 2 : n == "u" ? 4 : 8
                guard i + count <= s.count, let v = UInt32(String(s[i..<i + count]), radix: 16),
                      let scalar = Unicode.Scalar(v) else {
                    let kind = n == "x" ? "truncated \\xXX escape" : n == "u" ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape"
                    throw error("(unicode error) 'unicodeescape' codec can't decode bytes in position \(out.count)-\(out.count + 1): \(kind)", line: line, column: column)
                }
                out.unicodeScalars.append(scalar)
                i += count
            default:
                out.append("\\"); out.append(n)
            }
        }
        return out
    }

    func splitFString(_ s: [Character], raw: Bool, line: Int, column: Int) throws(ScriptError) -> [FStringPart] {
        var i = 0
        return try splitFStringParts(s, &i, raw: raw, inSpec: false, line: line, column: column)
    }

    /// Splits until the end of `s` (or, inside a format spec, until the closing `}`).
    private func splitFStringParts(_ s: [Character], _ i: inout Int, raw: Bool, inSpec: Bool,
                                   line: Int, column: Int) throws(ScriptError) -> [FStringPart] {
        var parts: [FStringPart] = []
        var literal: [Character] = []
        func position(_ idx: Int) -> (Int, Int) {
            var l = line, c = column
            for k in 0..<min(idx, s.count) { if s[k] == "\n" { l += 1; c = 1 } else { c += 1 } }
            return (l, c)
        }
        func flush() throws(ScriptError) {
            if !literal.isEmpty {
                parts.append(.literal(raw ? String(literal) : try unescape(literal, line: line, column: column)))
                literal = []
            }
        }
        while i < s.count {
            let c = s[i]
            if c == "\\" && i + 1 < s.count && !inSpec {
                literal.append(c); literal.append(s[i + 1]); i += 2; continue
            }
            if c == "{" {
                if !inSpec && i + 1 < s.count && s[i + 1] == "{" { literal.append("{"); i += 2; continue }
                try flush()
                i += 1
                let exprStart = i
                var depth = 0
                var inQuote: Character? = nil
                while i < s.count {
                    let d = s[i]
                    if let q = inQuote { if d == q { inQuote = nil }; i += 1; continue }
                    if d == "'" || d == "\"" { inQuote = d; i += 1; continue }
                    if d == "(" || d == "[" || d == "{" { depth += 1 }
                    else if d == ")" || d == "]" || d == "}" {
                        if depth == 0 { break }
                        depth -= 1
                    } else if depth == 0 && d == "!" && i + 1 < s.count && s[i + 1] != "=" { break }
                    else if depth == 0 && d == ":" { break }
                    else if depth == 0 && d == "=" && i > exprStart && !"=!<>".contains(s[i - 1]) {
                        var j = i + 1
                        while j < s.count && s[j] == " " { j += 1 }
                        if j < s.count && "}!:".contains(s[j]) { break }
                    }
                    i += 1
                }
                let (l, col) = position(exprStart)
                guard i < s.count else { throw error("f-string: expecting '}'", line: l, column: col) }
                let source = String(s[exprStart..<i])
                if source.trimmingSpaces().isEmpty { throw error("f-string: valid expression required before '}'", line: l, column: col) }
                var debugText: String? = nil
                if s[i] == "=" {
                    var text = source + "="
                    i += 1
                    while i < s.count, s[i] == " " { text.append(" "); i += 1 }
                    debugText = text
                }
                var conversion: Character? = nil
                if i < s.count && s[i] == "!" {
                    guard i + 1 < s.count, "rsa".contains(s[i + 1]) else {
                        throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", line: l, column: col)
                    }
                    conversion = s[i + 1]; i += 2
                }
                var spec: [FStringPart]? = nil
                if i < s.count && s[i] == ":" {
                    i += 1
                    spec = try splitFStringParts(s, &i, raw: raw, inSpec: true, line: line, column: column)
                }
                guard i < s.count, s[i] == "}" else { throw error("f-string: expecting '}'", line: l, column: col) }
                i += 1
                parts.append(.field(source: source, conversion: conversion, spec: spec, debugText: debugText, line: l, column: col))
                continue
            }
            if c == "}" {
                if inSpec { break }
                if i + 1 < s.count && s[i + 1] == "}" { literal.append("}"); i += 2; continue }
                let (l, col) = position(i)
                throw error("f-string: single '}' is not allowed", line: l, column: col)
            }
            literal.append(c)
            i += 1
        }
        try flush()
        return parts
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

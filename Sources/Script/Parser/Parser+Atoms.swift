/// Atom parsing: names, literals, adjacent string concatenation, displays and comprehensions.
extension Parser {
    mutating func parseAtom() throws(ScriptError) -> Expr {
        let t = current
        switch t.kind {
        case .name(let n): advance(); return .name(n)
        case .int(let v): advance(); return .int(v)
        case .bigInt(let s): advance(); return .bigInt(s)
        case .float(let v): advance(); return .float(v)
        case .keyword("True"): advance(); return .bool(true)
        case .keyword("False"): advance(); return .bool(false)
        case .keyword("None"): advance(); return .none
        case .op("..."): advance(); return .ellipsis
        case .string, .fstring: return try parseStrings()
        case .op("("):
            advance()
            if accept(")") { return .tuple([]) }
            if current.isKeyword("yield") { let y = try parseYield(); try expect(")"); return y }
            let first: Expr
            if accept("*") { first = .starred(try parseBitOr()) } else { first = try parseNamedTest() }
            if current.isKeyword("for") || current.isKeyword("async") {
                let (clauses, scope) = try parseComprehensionClauses()
                try expect(")")
                return .generator(first, clauses, scope)
            }
            if accept(")") {
                if case .starred = first { throw syntaxError("cannot use starred expression here", at: t) }
                return first
            }
            guard accept(",") else { throw invalid() }
            var items = [first]
            while !current.isOp(")") {
                if accept("*") { items.append(.starred(try parseBitOr())) } else { items.append(try parseTest()) }
                if !accept(",") { break }
            }
            try expect(")")
            return .tuple(items)
        case .op("["):
            advance()
            if accept("]") { return .list([]) }
            let first: Expr
            if accept("*") { first = .starred(try parseBitOr()) } else { first = try parseNamedTest() }
            if current.isKeyword("for") || current.isKeyword("async") {
                let (clauses, scope) = try parseComprehensionClauses()
                try expect("]")
                return .listComp(first, clauses, scope)
            }
            if let hint = missingComma(after: t) { throw hint }
            var items = [first]
            while accept(",") {
                if current.isOp("]") { break }
                if accept("*") { items.append(.starred(try parseBitOr())) } else { items.append(try parseTest()) }
            }
            try expect("]")
            return .list(items)
        case .op("{"):
            advance()
            if accept("}") { return .dict([]) }
            if accept("**") {
                var entries: [(Expr?, Expr)] = [(nil, try parseBitOr())]
                try parseDictRest(&entries)
                return .dict(entries)
            }
            let first: Expr
            if accept("*") { first = .starred(try parseBitOr()) } else { first = try parseTest() }
            if accept(":") {
                let value = try parseTest()
                if current.isKeyword("for") || current.isKeyword("async") {
                    let (clauses, scope) = try parseComprehensionClauses()
                    try expect("}")
                    return .dictComp(first, value, clauses, scope)
                }
                var entries: [(Expr?, Expr)] = [(first, value)]
                try parseDictRest(&entries)
                return .dict(entries)
            }
            if current.isKeyword("for") || current.isKeyword("async") {
                let (clauses, scope) = try parseComprehensionClauses()
                try expect("}")
                return .setComp(first, clauses, scope)
            }
            var items = [first]
            while accept(",") {
                if current.isOp("}") { break }
                if accept("*") { items.append(.starred(try parseBitOr())) } else { items.append(try parseTest()) }
            }
            try expect("}")
            return .set(items)
        case .keyword("yield"):
            return try parseYield()
        case .op(let o) where o == ")" || o == "]" || o == "}":
            throw syntaxError("unmatched '\(o)'")
        default:
            throw invalid()
        }
    }

    mutating func parseDictRest(_ entries: inout [(Expr?, Expr)]) throws(ScriptError) {
        while accept(",") {
            if current.isOp("}") { break }
            if accept("**") { entries.append((nil, try parseBitOr())); continue }
            let k = try parseTest()
            try expect(":")
            entries.append((k, try parseTest()))
        }
        try expect("}")
    }

    /// Adjacent string literals concatenate; any f-string makes the whole an f-string.
    mutating func parseStrings() throws(ScriptError) -> Expr {
        var segments: [FStringSegment] = []
        var plain = ""
        var isF = false
        while true {
            switch current.kind {
            case .string(let s):
                advance()
                plain += s
                segments.append(.literal(s))
                continue
            case .fstring(let parts):
                advance()
                isF = true
                segments.append(contentsOf: try convert(parts))
                continue
            default: break
            }
            break
        }
        return isF ? .fstring(segments) : .string(plain)
    }

    func convert(_ parts: [FStringPart]) throws(ScriptError) -> [FStringSegment] {
        var out: [FStringSegment] = []
        for p in parts {
            switch p {
            case .literal(let s): out.append(.literal(s))
            case .field(let source, let conversion, let spec, let debugText, let line, let column):
                let e: Expr
                do {
                    e = try Parser.parseExpression(source, filename: filename, line: line, column: column)
                } catch {
                    if case .syntax(var info) = error {
                        info.sourceLine = line >= 1 && line <= lines.count ? String(lines[line - 1]) : nil
                        if info.message == "unmatched ')'" { info.message = "invalid syntax" }
                        if !info.message.hasPrefix("f-string") { info.message = "f-string: " + info.message }
                        throw .syntax(info)
                    }
                    throw error
                }
                let specSegs: [FStringSegment]? = spec == nil ? nil : try convert(spec!)
                out.append(.field(e, conversion: conversion ?? (debugText != nil && spec == nil ? "r" : nil),
                                  spec: specSegs, debugText: debugText))
            }
        }
        return out
    }
}

/// Expression parsing with Python's precedence ladder.
extension Parser {
    /// `test (, test)*` — a bare tuple when there is a comma.
    mutating func parseTestList(allowStar: Bool) throws(ScriptError) -> Expr {
        var items: [Expr] = []
        var trailingComma = false
        repeat {
            if atExpressionEnd { break }
            if allowStar && current.isOp("*") { advance(); items.append(.starred(try parseBitOr())) } else { items.append(try parseTest()) }
            trailingComma = current.isOp(",")
        } while accept(",")
        if items.isEmpty { throw invalid() }
        if items.count == 1 && !trailingComma {
            if case .starred = items[0] { throw syntaxError("can't use starred expression here") }
            return items[0]
        }
        return .tuple(items)
    }

    var atExpressionEnd: Bool {
        switch current.kind {
        case .newline, .eof: return true
        case .op(let o): return [")", "]", "}", "=", ":", ";"].contains(o) || (o.hasSuffix("=") && o.count >= 2 && !["==", "<=", ">=", "!="].contains(o))
        default: return false
        }
    }

    mutating func parseYield() throws(ScriptError) -> Expr {
        advance()
        if acceptKeyword("from") { return .yield(.starred(try parseTest())) }
        if atExpressionEnd { return .yield(nil) }
        return .yield(try parseTestList(allowStar: true))
    }

    /// A test that may be a walrus `name := value`.
    mutating func parseNamedTest() throws(ScriptError) -> Expr {
        if case .name(let n) = current.kind, nextToken.isOp(":=") {
            advance(); advance()
            return .namedExpr(n, try parseTest())
        }
        return try parseTest()
    }

    mutating func parseTest() throws(ScriptError) -> Expr {
        let savedNesting = nesting
        defer { nesting = savedNesting }
        try deeper()
        if current.isKeyword("lambda") { return try parseLambda() }
        let body = try parseOr()
        if current.isKeyword("if") {
            advance()
            let test = try parseOr()
            guard acceptKeyword("else") else { throw syntaxError("expected 'else' after 'if' expression") }
            let orelse = try parseTest()
            return .ifExp(test, body, orelse)
        }
        return body
    }

    mutating func parseTestNoCond() throws(ScriptError) -> Expr {
        if current.isKeyword("lambda") { return try parseLambda() }
        return try parseOr()
    }

    mutating func parseLambda() throws(ScriptError) -> Expr {
        let line = advance().line
        let params = try parseParameters(closing: ":")
        try expect(":")
        let savedFn = functionDepth
        functionDepth += 1
        let body = try parseTest()
        functionDepth = savedFn
        let stmts = [Stmt(line: line, kind: .return(body))]
        let scope = ScopeAnalyzer.analyze(parameters: params, body: stmts)
        return .lambda(FunctionCode(name: "<lambda>", parameters: params, body: stmts, isAsync: false, isLambda: true,
                                    isGenerator: false, line: line, docstring: nil, scope: scope))
    }

    mutating func parseOr() throws(ScriptError) -> Expr {
        var items = [try parseAnd()]
        while acceptKeyword("or") { items.append(try parseAnd()) }
        return items.count == 1 ? items[0] : .or(items)
    }

    mutating func parseAnd() throws(ScriptError) -> Expr {
        var items = [try parseNot()]
        while acceptKeyword("and") { items.append(try parseNot()) }
        return items.count == 1 ? items[0] : .and(items)
    }

    mutating func parseNot() throws(ScriptError) -> Expr {
        let savedNesting = nesting
        defer { nesting = savedNesting }
        if acceptKeyword("not") { try deeper(); return .not(try parseNot()) }
        return try parseComparison()
    }

    mutating func parseComparison() throws(ScriptError) -> Expr {
        let first = try parseBitOr()
        var rest: [(CompareOp, Expr)] = []
        while true {
            var op: CompareOp?
            switch current.kind {
            case .op("=="): op = .eq
            case .op("!="): op = .ne
            case .op("<"): op = .lt
            case .op("<="): op = .le
            case .op(">"): op = .gt
            case .op(">="): op = .ge
            case .keyword("in"): op = .in
            case .keyword("is"):
                if nextToken.isKeyword("not") { advance(); op = .isNot } else { op = .is }
            case .keyword("not"):
                if nextToken.isKeyword("in") { advance(); op = .notIn }
            default: break
            }
            guard let o = op else { break }
            advance()
            rest.append((o, try parseBitOr()))
        }
        return rest.isEmpty ? first : .compare(first, rest)
    }

    mutating func parseBitOr() throws(ScriptError) -> Expr {
        let savedNesting = nesting
        defer { nesting = savedNesting }
        var e = try parseBitXor()
        while accept("|") { try deeper(); e = .binary(.or, e, try parseBitXor()) }
        return e
    }

    mutating func parseBitXor() throws(ScriptError) -> Expr {
        let savedNesting = nesting
        defer { nesting = savedNesting }
        var e = try parseBitAnd()
        while accept("^") { try deeper(); e = .binary(.xor, e, try parseBitAnd()) }
        return e
    }

    mutating func parseBitAnd() throws(ScriptError) -> Expr {
        let savedNesting = nesting
        defer { nesting = savedNesting }
        var e = try parseShift()
        while accept("&") { try deeper(); e = .binary(.and, e, try parseShift()) }
        return e
    }

    mutating func parseShift() throws(ScriptError) -> Expr {
        let savedNesting = nesting
        defer { nesting = savedNesting }
        var e = try parseArith()
        while true {
            if accept("<<") { try deeper(); e = .binary(.lshift, e, try parseArith()) } else if accept(">>") { try deeper(); e = .binary(.rshift, e, try parseArith()) } else { return e }
        }
    }

    mutating func parseArith() throws(ScriptError) -> Expr {
        let savedNesting = nesting
        defer { nesting = savedNesting }
        var e = try parseTerm()
        while true {
            if accept("+") { try deeper(); e = .binary(.add, e, try parseTerm()) } else if accept("-") { try deeper(); e = .binary(.sub, e, try parseTerm()) } else { return e }
        }
    }

    mutating func parseTerm() throws(ScriptError) -> Expr {
        let savedNesting = nesting
        defer { nesting = savedNesting }
        var e = try parseFactor()
        while true {
            let op: BinaryOp
            switch current.kind {
            case .op("*"): op = .mul
            case .op("/"): op = .div
            case .op("//"): op = .floorDiv
            case .op("%"): op = .mod
            case .op("@"): op = .matMul
            default: return e
            }
            advance()
            try deeper()
            e = .binary(op, e, try parseFactor())
        }
    }

    mutating func parseFactor() throws(ScriptError) -> Expr {
        let savedNesting = nesting
        defer { nesting = savedNesting }
        if accept("-") {
            try deeper()
            let operand = try parseFactor()
            if case .int(let v) = operand { return .int(-v) }
            if case .float(let v) = operand { return .float(-v) }
            return .unary(.neg, operand)
        }
        if accept("+") { try deeper(); return .unary(.pos, try parseFactor()) }
        if accept("~") { try deeper(); return .unary(.invert, try parseFactor()) }
        return try parsePower()
    }

    mutating func parsePower() throws(ScriptError) -> Expr {
        let savedNesting = nesting
        defer { nesting = savedNesting }
        var base: Expr
        if acceptKeyword("await") {
            try deeper()
            if functionDepth == 0 && false { throw syntaxError("'await' outside function") }
            base = .await(try parsePrimary())
        } else {
            base = try parsePrimary()
        }
        if accept("**") { try deeper(); base = .binary(.pow, base, try parseFactor()) }
        return base
    }

    mutating func parsePrimary() throws(ScriptError) -> Expr {
        let savedNesting = nesting
        defer { nesting = savedNesting }
        var e = try parseAtom()
        while true {
            if current.isOp("(") || current.isOp("[") || current.isOp(".") { try deeper() }
            if current.isOp("(") {
                let line = advance().line
                let args = try parseArguments()
                try expect(")")
                e = .call(e, args, line: line)
            } else if accept("[") {
                e = .index(e, try parseSubscriptList())
                try expect("]")
            } else if accept(".") {
                e = .attribute(e, try expectName())
            } else {
                return e
            }
        }
    }

    mutating func parseSubscriptList() throws(ScriptError) -> Expr {
        var items: [Expr] = []
        var trailing = false
        repeat {
            if current.isOp("]") { break }
            items.append(try parseSubscript())
            trailing = current.isOp(",")
        } while accept(",")
        if items.isEmpty { throw invalid() }
        return items.count == 1 && !trailing ? items[0] : .tuple(items)
    }

    mutating func parseSubscript() throws(ScriptError) -> Expr {
        var lower: Expr? = nil
        if !current.isOp(":") {
            if accept("*") { return .starred(try parseBitOr()) }
            lower = try parseNamedTest()
            if !current.isOp(":") { return lower! }
        }
        advance()
        var upper: Expr? = nil
        var step: Expr? = nil
        if !current.isOp(":") && !current.isOp("]") && !current.isOp(",") { upper = try parseTest() }
        if accept(":") {
            if !current.isOp("]") && !current.isOp(",") { step = try parseTest() }
        }
        return .slice(lower, upper, step)
    }

    /// Call arguments up to (not including) `)`; a lone generator argument is allowed.
    mutating func parseArguments() throws(ScriptError) -> [Argument] {
        var args: [Argument] = []
        var sawKeyword = false
        while !current.isOp(")") {
            let t = current
            if accept("**") {
                args.append(.doubleStar(try parseTest())); sawKeyword = true
            } else if accept("*") {
                args.append(.star(try parseTest()))
            } else if case .name(let n) = current.kind, nextToken.isOp("=") {
                advance(); advance()
                if args.contains(where: { if case .keyword(let k, _) = $0 { return k == n }; return false }) {
                    throw syntaxError("keyword argument repeated: \(n)", at: t)
                }
                args.append(.keyword(n, try parseTest())); sawKeyword = true
            } else {
                let e = try parseNamedTest()
                if current.isKeyword("for") || current.isKeyword("async") {
                    let (clauses, scope) = try parseComprehensionClauses()
                    args.append(.positional(.generator(e, clauses, scope)))
                } else {
                    if sawKeyword {
                        if current.isOp("=") { throw syntaxError("expression cannot contain assignment, perhaps you meant \"==\"?", at: t) }
                        throw syntaxError("positional argument follows keyword argument", at: t)
                    }
                    if current.isOp("=") { throw syntaxError("expression cannot contain assignment, perhaps you meant \"==\"?", at: t) }
                    args.append(.positional(e))
                }
            }
            if let hint = missingComma(after: t) { throw hint }
            if !accept(",") { break }
        }
        return args
    }

    mutating func parseComprehensionClauses() throws(ScriptError) -> ([ComprehensionClause], ScopeInfo) {
        var clauses: [ComprehensionClause] = []
        while current.isKeyword("for") || current.isKeyword("async") {
            let isAsync = acceptKeyword("async")
            try expectKeyword("for")
            let t = current
            let target = try parseTargetList()
            try checkTarget(target, at: t)
            try expectKeyword("in")
            let iter = try parseOr()
            var conds: [Expr] = []
            while acceptKeyword("if") { conds.append(try parseTestNoCond()) }
            clauses.append(ComprehensionClause(target: target, iter: iter, conditions: conds, isAsync: isAsync))
        }
        let scope = ScopeInfo()
        for c in clauses { ScopeAnalyzer.collectTargets(c.target, into: &scope.locals) }
        return (clauses, scope)
    }
}

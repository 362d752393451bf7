/// Statement parsing: simple statements, compound statements and decorators.
extension Parser {
    mutating func parseStatement() throws(ScriptError) -> [Stmt] {
        let t = current
        switch t.kind {
        case .keyword("if"): return [try parseIf()]
        case .keyword("while"): return [try parseWhile()]
        case .keyword("for"): return [try parseFor(isAsync: false, line: t.line)]
        case .keyword("try"): return [try parseTry()]
        case .keyword("with"): return [try parseWith(isAsync: false, line: t.line)]
        case .keyword("def"): return [try parseDef(decorators: [], isAsync: false, line: t.line)]
        case .keyword("class"): return [try parseClass(decorators: [])]
        case .keyword("async"):
            advance()
            if current.isKeyword("def") { return [try parseDef(decorators: [], isAsync: true, line: t.line)] }
            if current.isKeyword("for") { return [try parseFor(isAsync: true, line: t.line)] }
            if current.isKeyword("with") { return [try parseWith(isAsync: true, line: t.line)] }
            throw invalid()
        case .op("@"): return [try parseDecorated()]
        case .indent: throw syntaxError("unexpected indent", kind: "IndentationError")
        default: return try parseSimpleStatements()
        }
    }

    mutating func parseSimpleStatements() throws(ScriptError) -> [Stmt] {
        var out: [Stmt] = []
        while true {
            out.append(try parseSmallStatement())
            if accept(";") {
                if case .newline = current.kind { break }
                continue
            }
            break
        }
        guard case .newline = current.kind else { throw invalid() }
        advance()
        return out
    }

    mutating func parseSmallStatement() throws(ScriptError) -> Stmt {
        let t = current
        let line = t.line
        switch t.kind {
        case .keyword("pass"): advance(); return Stmt(line: line, kind: .pass)
        case .keyword("break"):
            advance()
            if loopDepth == 0 { throw syntaxError("'break' outside loop", at: t) }
            return Stmt(line: line, kind: .break)
        case .keyword("continue"):
            advance()
            if loopDepth == 0 { throw syntaxError("'continue' not properly in loop", at: t) }
            return Stmt(line: line, kind: .continue)
        case .keyword("return"):
            advance()
            if functionDepth == 0 { throw syntaxError("'return' outside function", at: t) }
            if atStatementEnd { return Stmt(line: line, kind: .return(nil)) }
            return Stmt(line: line, kind: .return(try parseTestList(allowStar: true)))
        case .keyword("raise"):
            advance()
            if atStatementEnd { return Stmt(line: line, kind: .raise(nil, cause: nil)) }
            let e = try parseTest()
            var cause: Expr? = nil
            if acceptKeyword("from") { cause = try parseTest() }
            return Stmt(line: line, kind: .raise(e, cause: cause))
        case .keyword("assert"):
            advance()
            let test = try parseTest()
            var msg: Expr? = nil
            if accept(",") { msg = try parseTest() }
            return Stmt(line: line, kind: .assert(test, msg))
        case .keyword("del"):
            advance()
            let target = try parseTestList(allowStar: false)
            let targets: [Expr]
            if case .tuple(let items) = target { targets = items } else { targets = [target] }
            for x in targets { try checkTarget(x, at: t, verb: "delete") }
            return Stmt(line: line, kind: .del(targets))
        case .keyword("global"), .keyword("nonlocal"):
            advance()
            var names = [try expectName()]
            while accept(",") { names.append(try expectName()) }
            if t.isKeyword("nonlocal") && functionDepth == 0 {
                throw syntaxError("nonlocal declaration not allowed at module level", at: t)
            }
            return Stmt(line: line, kind: t.isKeyword("global") ? .global(names) : .nonlocal(names))
        case .keyword("import"):
            advance()
            var items: [(path: [String], alias: String?)] = []
            repeat {
                let path = try parseDottedName()
                var alias: String? = nil
                if acceptKeyword("as") { alias = try expectName() }
                items.append((path, alias))
            } while accept(",")
            return Stmt(line: line, kind: .import(items))
        case .keyword("from"):
            advance()
            var level = 0
            while current.isOp(".") || current.isOp("...") { level += current.isOp(".") ? 1 : 3; advance() }
            let module = current.isKeyword("import") ? [] : try parseDottedName()
            try expectKeyword("import")
            var names: [(name: String, alias: String?)] = []
            if accept("*") {
                names.append(("*", nil))
            } else {
                let paren = accept("(")
                repeat {
                    if paren, current.isOp(")") { break }
                    let n = try expectName()
                    var alias: String? = nil
                    if acceptKeyword("as") { alias = try expectName() }
                    names.append((n, alias))
                } while accept(",")
                if paren { try expect(")") }
                if names.isEmpty { throw invalid() }
            }
            return Stmt(line: line, kind: .importFrom(module: module, names: names, level: level))
        default:
            return try parseExpressionStatement()
        }
    }

    var atStatementEnd: Bool {
        if case .newline = current.kind { return true }
        return current.isOp(";")
    }

    mutating func parseDottedName() throws(ScriptError) -> [String] {
        var path = [try expectName()]
        while accept(".") { path.append(try expectName()) }
        return path
    }

    mutating func parseExpressionStatement() throws(ScriptError) -> Stmt {
        let t = current
        let first = try parseTestList(allowStar: true)
        if accept(":") {
            try checkTarget(first, at: t)
            let annotation = try parseTest()
            var value: Expr? = nil
            if accept("=") { value = try parseTestListOrYield() }
            return Stmt(line: t.line, kind: .annAssign(first, annotation, value))
        }
        if case .op(let op) = current.kind, op.count >= 2, op.hasSuffix("="), !["==", "<=", ">=", "!="].contains(op),
           let bin = BinaryOp(rawValue: String(op.dropLast())) {
            switch first {
            case .name, .attribute, .index: break
            default: throw syntaxError("'\(describe(first))' is an illegal expression for augmented assignment", at: t)
            }
            advance()
            let value = try parseTestListOrYield()
            return Stmt(line: t.line, kind: .augAssign(first, bin, value))
        }
        if current.isOp("=") {
            var targets = [first]
            var value = first
            while accept("=") {
                value = try parseTestListOrYield()
                targets.append(value)
            }
            targets.removeLast()
            for target in targets { try checkTarget(target, at: t) }
            return Stmt(line: t.line, kind: .assign(targets, value))
        }
        return Stmt(line: t.line, kind: .expr(first))
    }

    mutating func parseTestListOrYield() throws(ScriptError) -> Expr {
        if current.isKeyword("yield") { return try parseYield() }
        return try parseTestList(allowStar: true)
    }

    func describe(_ e: Expr) -> String {
        switch e {
        case .tuple: return "tuple"
        case .list: return "list"
        case .call: return "function call"
        case .int, .float, .string, .bigInt: return "literal"
        default: return "expression"
        }
    }

    mutating func parseIf() throws(ScriptError) -> Stmt {
        let line = advance().line
        var branches: [(Expr, [Stmt])] = []
        let test = try parseNamedTest()
        try expect(":")
        branches.append((test, try parseBlock(after: "'if' statement", line: line)))
        var orelse: [Stmt]? = nil
        while current.isKeyword("elif") {
            let l = advance().line
            let t = try parseNamedTest()
            try expect(":")
            branches.append((t, try parseBlock(after: "'elif' statement", line: l)))
        }
        if current.isKeyword("else") {
            let l = advance().line
            try expect(":")
            orelse = try parseBlock(after: "'else' statement", line: l)
        }
        return Stmt(line: line, kind: .if(branches, orelse))
    }

    mutating func parseWhile() throws(ScriptError) -> Stmt {
        let line = advance().line
        let test = try parseNamedTest()
        try expect(":")
        loopDepth += 1
        let body = try parseBlock(after: "'while' statement", line: line)
        loopDepth -= 1
        var orelse: [Stmt]? = nil
        if current.isKeyword("else") {
            let l = advance().line
            try expect(":")
            orelse = try parseBlock(after: "'else' statement", line: l)
        }
        return Stmt(line: line, kind: .while(test, body, orelse))
    }

    mutating func parseFor(isAsync: Bool, line: Int) throws(ScriptError) -> Stmt {
        advance()
        let t = current
        let target = try parseTargetList()
        try checkTarget(target, at: t)
        try expectKeyword("in")
        let iter = try parseTestList(allowStar: true)
        try expect(":")
        loopDepth += 1
        let body = try parseBlock(after: "'for' statement", line: line)
        loopDepth -= 1
        var orelse: [Stmt]? = nil
        if current.isKeyword("else") {
            let l = advance().line
            try expect(":")
            orelse = try parseBlock(after: "'else' statement", line: l)
        }
        return Stmt(line: line, kind: .for(target, iter, body, orelse, isAsync: isAsync))
    }

    /// A `for` target: bitwise-or expressions separated by commas (stops before `in`).
    mutating func parseTargetList() throws(ScriptError) -> Expr {
        var items: [Expr] = []
        var trailingComma = false
        repeat {
            if current.isKeyword("in") { break }
            if accept("*") { items.append(.starred(try parseBitOr())) } else { items.append(try parseBitOr()) }
            trailingComma = current.isOp(",")
        } while accept(",")
        if items.count == 1 && !trailingComma { return items[0] }
        return .tuple(items)
    }

    mutating func parseTry() throws(ScriptError) -> Stmt {
        let line = advance().line
        try expect(":")
        let body = try parseBlock(after: "'try' statement", line: line)
        var handlers: [ExceptHandler] = []
        while current.isKeyword("except") {
            let l = advance().line
            var type: Expr? = nil
            var name: String? = nil
            if !current.isOp(":") {
                type = try parseTest()
                if accept(",") {
                    var items = [type!]
                    repeat { items.append(try parseTest()) } while accept(",")
                    type = .tuple(items)
                }
                if acceptKeyword("as") { name = try expectName() }
            }
            try expect(":")
            handlers.append(ExceptHandler(type: type, name: name, body: try parseBlock(after: "'except' statement", line: l), line: l))
        }
        var orelse: [Stmt]? = nil
        var final: [Stmt]? = nil
        if current.isKeyword("else") {
            if handlers.isEmpty { throw invalid() }
            let l = advance().line
            try expect(":")
            orelse = try parseBlock(after: "'else' statement", line: l)
        }
        if current.isKeyword("finally") {
            let l = advance().line
            try expect(":")
            final = try parseBlock(after: "'finally' statement", line: l)
        }
        if handlers.isEmpty && final == nil {
            throw syntaxError("expected 'except' or 'finally' block")
        }
        return Stmt(line: line, kind: .try(body, handlers, orelse, final))
    }

    mutating func parseWith(isAsync: Bool, line: Int) throws(ScriptError) -> Stmt {
        advance()
        var items: [(Expr, Expr?)] = []
        repeat {
            let ctx = try parseTest()
            var target: Expr? = nil
            if acceptKeyword("as") { let t = current; target = try parseBitOr(); try checkTarget(target!, at: t) }
            items.append((ctx, target))
        } while accept(",")
        try expect(":")
        let body = try parseBlock(after: "'with' statement", line: line)
        return Stmt(line: line, kind: .with(items, body, isAsync: isAsync))
    }

    mutating func parseDecorated() throws(ScriptError) -> Stmt {
        var decorators: [Expr] = []
        while accept("@") {
            decorators.append(try parseNamedTest())
            guard case .newline = current.kind else { throw invalid() }
            advance()
        }
        let t = current
        if t.isKeyword("def") { return try parseDef(decorators: decorators, isAsync: false, line: t.line) }
        if t.isKeyword("async") {
            advance()
            guard current.isKeyword("def") else { throw invalid() }
            return try parseDef(decorators: decorators, isAsync: true, line: t.line)
        }
        if t.isKeyword("class") { return try parseClass(decorators: decorators) }
        throw invalid()
    }

    mutating func parseDef(decorators: [Expr], isAsync: Bool, line: Int) throws(ScriptError) -> Stmt {
        advance()
        let name = try expectName()
        try expect("(")
        let params = try parseParameters(closing: ")")
        try expect(")")
        if accept("->") { _ = try parseTest() }
        try expect(":")
        let savedLoop = loopDepth
        loopDepth = 0
        functionDepth += 1
        let body = try parseBlock(after: "function definition", line: line)
        functionDepth -= 1
        loopDepth = savedLoop
        let scope = ScopeAnalyzer.analyze(parameters: params, body: body)
        let code = FunctionCode(name: name, parameters: params, body: body, isAsync: isAsync, isLambda: false,
                                isGenerator: ScopeAnalyzer.containsYield(body), line: line,
                                docstring: Parser.docstring(of: body), scope: scope)
        code.endLine = lastLine
        return Stmt(line: line, kind: .functionDef(code, decorators: decorators))
    }

    /// Parses a parameter list up to (not including) `closing` (")" for def, ":" for lambda).
    mutating func parseParameters(closing: String) throws(ScriptError) -> [Parameter] {
        var params: [Parameter] = []
        var keywordOnly = false
        var sawDefault = false
        while !current.isOp(closing) {
            let t = current
            if accept("**") {
                params.append(Parameter(name: try expectName(), kind: .varKeywords, defaultValue: nil))
                if closing == ")" && accept(":") { _ = try parseTest() }
            } else if accept("*") {
                keywordOnly = true
                if current.isOp(",") { /* bare star */ } else {
                    params.append(Parameter(name: try expectName(), kind: .varArgs, defaultValue: nil))
                    if closing == ")" && accept(":") { _ = try parseTest() }
                }
            } else if accept("/") {
                for i in params.indices { params[i].kind = .positionalOnly }
            } else {
                let name = try expectName()
                if closing == ")" && accept(":") { _ = try parseTest() }
                var def: Expr? = nil
                if accept("=") { def = try parseTest(); sawDefault = true } else if sawDefault && !keywordOnly {
                    throw syntaxError("parameter without a default follows parameter with a default", at: t)
                }
                if params.contains(where: { $0.name == name }) {
                    throw syntaxError("duplicate argument '\(name)' in function definition", at: t)
                }
                params.append(Parameter(name: name, kind: keywordOnly ? .keywordOnly : .normal, defaultValue: def))
            }
            if !accept(",") { break }
        }
        return params
    }

    mutating func parseClass(decorators: [Expr]) throws(ScriptError) -> Stmt {
        let line = advance().line
        let name = try expectName()
        var bases: [Argument] = []
        if accept("(") {
            bases = try parseArguments()
            try expect(")")
        }
        try expect(":")
        let savedLoop = loopDepth
        let savedFn = functionDepth
        loopDepth = 0
        functionDepth = 0
        let body = try parseBlock(after: "class definition", line: line)
        loopDepth = savedLoop
        functionDepth = savedFn
        let code = ClassCode(name: name, bases: bases, body: body, line: line, docstring: Parser.docstring(of: body))
        code.endLine = lastLine
        return Stmt(line: line, kind: .classDef(code, decorators: decorators))
    }
}

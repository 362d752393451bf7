/// `str % args` and `str.format(*args, **kwargs)`.
extension Interpreter {
    func percentFormat(_ template: String, _ argsValue: Value) throws -> String {
        var args: [Value]
        var mapping: PyDict? = nil
        if case .tuple(let t) = argsValue { args = t } else { args = [argsValue] }
        if case .dict(let d) = argsValue { mapping = d }
        var out = ""
        let c = Array(template)
        var i = 0, argIndex = 0
        func nextArg() throws -> Value {
            guard argIndex < args.count else { throw raise("TypeError", .str("not enough arguments for format string")) }
            defer { argIndex += 1 }
            return args[argIndex]
        }
        while i < c.count {
            guard c[i] == "%" else { out.append(c[i]); i += 1; continue }
            i += 1
            guard i < c.count else { throw raise("ValueError", .str("incomplete format")) }
            var key: String? = nil
            if c[i] == "(" {
                var j = i + 1
                while j < c.count && c[j] != ")" { j += 1 }
                key = String(c[(i + 1)..<j]); i = j + 1
            }
            var flags = ""
            while i < c.count, "-+ #0".contains(c[i]) { flags.append(c[i]); i += 1 }
            var width = ""
            if i < c.count, c[i] == "*" { width = String(try intIndex(try nextArg(), "width")); i += 1 }
            while i < c.count, c[i].isASCII, c[i].isNumber { width.append(c[i]); i += 1 }
            var precision: String? = nil
            if i < c.count, c[i] == "." {
                i += 1; precision = ""
                while i < c.count, c[i].isASCII, c[i].isNumber { precision!.append(c[i]); i += 1 }
            }
            guard i < c.count else { throw raise("ValueError", .str("incomplete format")) }
            let conv = c[i]; i += 1
            if conv == "%" { out += "%"; continue }
            var arg: Value
            if let key {
                guard let m = mapping else { throw raise("TypeError", .str("format requires a mapping")) }
                guard let v = m.get(.str(key)) else { throw raise("KeyError", .str(key)) }
                arg = v
            } else { arg = try nextArg() }
            var spec = ""
            if flags.contains("-") { spec += "<" } else if "sra".contains(conv) { spec += ">" }
            if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
            if flags.contains("#") { spec += "#" }
            if flags.contains("0") && !flags.contains("-") && "diouxXeEfFgG".contains(conv) { spec += "0" }
            spec += width
            switch conv {
            case "s": out += try self.format(.str(try str(arg)), spec + (precision.map { "." + $0 } ?? ""))
            case "r": out += try self.format(.str(try repr(arg)), spec + (precision.map { "." + $0 } ?? ""))
            case "a": out += try self.format(.str(asciiEscape(try repr(arg))), spec)
            case "d", "i", "u":
                let n: Int
                switch arg {
                case .int(let v): n = v
                case .bool(let b): n = b ? 1 : 0
                case .float(let f): n = Int(f.rounded(.towardZero))
                default: throw raise("TypeError", .str("%\(conv) format: a real number is required, not \(typeName(arg))"))
                }
                if let p = precision.flatMap({ Int($0) }), p > 0 {
                    var digits = String(n.magnitude)
                    if digits.count < p { digits = String(repeating: "0", count: p - digits.count) + digits }
                    let sign = n < 0 ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : ""
                    let body = sign + digits
                    let w = Int(width) ?? 0
                    let pad = String(repeating: " ", count: max(0, w - body.count))
                    out += flags.contains("-") ? body + pad : pad + body
                    continue
                }
                out += try self.format(.int(n), spec)
            case "x", "X", "o":
                guard case .int(let n) = arg else { throw raise("TypeError", .str("%\(conv) format: an integer is required, not \(typeName(arg))")) }
                out += try self.format(.int(n), spec + String(conv))
            case "e", "E", "f", "F", "g", "G":
                let d: Double
                switch arg {
                case .int(let v): d = Double(v)
                case .float(let f): d = f
                case .bool(let b): d = b ? 1 : 0
                default: throw raise("TypeError", .str("must be real number, not \(typeName(arg))"))
                }
                out += try self.format(.float(d), spec + "." + (precision.map { $0.isEmpty ? "0" : $0 } ?? "6") + String(conv))
            case "c":
                if case .str(let s) = arg { out += s } else { out += try self.format(arg, spec + "c") }
            default:
                throw raise("ValueError", .str("unsupported format character '\(conv)' (0x\(String(conv.unicodeScalars.first!.value, radix: 16))) at index \(i - 1)"))
            }
        }
        if mapping == nil && argIndex < args.count {
            throw raise("TypeError", .str("not all arguments converted during string formatting"))
        }
        return out
    }

    func strFormat(_ format: String, _ args: Arguments) throws -> String {
        var out = ""
        let c = Array(format)
        var i = 0
        var auto = 0
        var usedManual = false, usedAuto = false
        while i < c.count {
            let ch = c[i]
            if ch == "{" {
                if i + 1 < c.count && c[i + 1] == "{" { out += "{"; i += 2; continue }
                var depth = 1
                var j = i + 1
                while j < c.count && depth > 0 {
                    if c[j] == "{" { depth += 1 } else if c[j] == "}" { depth -= 1 }
                    if depth > 0 { j += 1 }
                }
                guard j < c.count else { throw raise("ValueError", .str("expected '}' before end of string")) }
                let field = String(c[(i + 1)..<j])
                i = j + 1
                var nameAndConv = field, spec = ""
                if let colon = field.firstIndex(of: ":") { nameAndConv = String(field[..<colon]); spec = String(field[field.index(after: colon)...]) }
                var conv: Character? = nil
                if let bang = nameAndConv.firstIndex(of: "!") {
                    conv = nameAndConv[nameAndConv.index(after: bang)...].first
                    nameAndConv = String(nameAndConv[..<bang])
                }
                // Field name: first part then .attr / [key] chain.
                var head = "", rest = Substring("")
                if let k = nameAndConv.firstIndex(where: { $0 == "." || $0 == "[" }) { head = String(nameAndConv[..<k]); rest = nameAndConv[k...] } else { head = nameAndConv }
                var value: Value
                if head.isEmpty {
                    if usedManual { throw raise("ValueError", .str("cannot switch from manual field specification to automatic field numbering")) }
                    usedAuto = true
                    guard auto < args.positional.count else { throw raise("IndexError", .str("Replacement index \(auto) out of range for positional args tuple")) }
                    value = args.positional[auto]; auto += 1
                } else if let n = Int(head) {
                    if usedAuto { throw raise("ValueError", .str("cannot switch from automatic field numbering to manual field specification")) }
                    usedManual = true
                    guard n < args.positional.count else { throw raise("IndexError", .str("Replacement index \(n) out of range for positional args tuple")) }
                    value = args.positional[n]
                } else {
                    guard let v = args.keyword(head) else { throw raise("KeyError", .str(head)) }
                    value = v
                }
                while let f = rest.first {
                    if f == "." {
                        rest = rest.dropFirst()
                        let end = rest.firstIndex(where: { $0 == "." || $0 == "[" }) ?? rest.endIndex
                        value = try getAttribute(value, String(rest[..<end])); rest = rest[end...]
                    } else {
                        let end = rest.firstIndex(of: "]") ?? rest.endIndex
                        let key = String(rest[rest.index(after: rest.startIndex)..<end])
                        value = try getItem(value, Int(key).map { .int($0) } ?? .str(key))
                        rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
                    }
                }
                if conv == "r" { value = .str(try repr(value)) } else if conv == "s" { value = .str(try str(value)) } else if conv == "a" { value = .str(asciiEscape(try repr(value))) }
                if spec.contains("{") { spec = try strFormatNested(spec, args, &auto) }
                out += try self.format(value, spec)
                continue
            }
            if ch == "}" {
                if i + 1 < c.count && c[i + 1] == "}" { out += "}"; i += 2; continue }
                throw raise("ValueError", .str("Single '}' encountered in format string"))
            }
            out.append(ch)
            i += 1
        }
        return out
    }

    private func strFormatNested(_ spec: String, _ args: Arguments, _ auto: inout Int) throws -> String {
        var a = args
        a.positional = Array(args.positional.dropFirst(auto))
        let r = try strFormat(spec, a)
        auto += spec.filter { $0 == "{" }.count
        return r
    }
}

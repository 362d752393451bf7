import ClusterState

/// `format(value, spec)`, used by f-strings, `str.format` and `format()`.
extension Interpreter {
    func format(_ v: Value, _ specText: String) throws -> String {
        if case .instance(let inst) = v, let m = inst.type.lookup("__format__") {
            return try str(try call(m, Arguments([v, .str(specText)])))
        }
        if specText.isEmpty { return try str(v) }
        guard let spec = FormatSpec(specText) else {
            throw raise("ValueError", .str("Invalid format specifier '\(specText)' for object of type '\(typeName(v))'"))
        }
        switch v {
        case .bool(let b) where spec.type == nil || spec.type == "s":
            return spec.pad(b ? "True" : "False", defaultAlign: "<")
        case .int(let i):
            if let t = spec.type, "eEfFgG%".contains(t) { return try formatFloat(Double(i), spec, specText) }
            return try formatInt(i, spec, specText)
        case .bool(let b): return try formatInt(b ? 1 : 0, spec, specText)
        case .float(let f): return try formatFloat(f, spec, specText)
        case .str(let s):
            if let t = spec.type, t != "s" {
                throw raise("ValueError", .str("Unknown format code '\(t)' for object of type 'str'"))
            }
            if spec.sign != "-" { throw raise("ValueError", .str("Sign not allowed in string format specifier")) }
            var body = s
            if let p = spec.precision { body = String(body.prefix(p)) }
            return spec.pad(body, defaultAlign: "<")
        default:
            let s = try str(v)
            if spec.type != nil || spec.precision != nil && false {
                throw raise("TypeError", .str("unsupported format string passed to \(typeName(v)).__format__"))
            }
            return spec.pad(s, defaultAlign: "<")
        }
    }

    func group(_ digits: String, _ sep: Character, every: Int = 3) -> String {
        var out: [Character] = []
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % every == 0 { out.append(sep) }
            out.append(c)
        }
        return String(out.reversed())
    }

    func signPrefix(_ negative: Bool, _ spec: FormatSpec) -> String {
        if negative { return "-" }
        if spec.sign == "+" { return "+" }
        if spec.sign == " " { return " " }
        return ""
    }

    func formatInt(_ i: Int, _ spec: FormatSpec, _ text: String) throws -> String {
        let magnitude = i.magnitude
        var body: String
        var prefix = ""
        switch spec.type {
        case nil, "d", "n": body = String(magnitude)
        case "x": body = String(magnitude, radix: 16); prefix = spec.alternate ? "0x" : ""
        case "X": body = String(magnitude, radix: 16).uppercased(); prefix = spec.alternate ? "0X" : ""
        case "o": body = String(magnitude, radix: 8); prefix = spec.alternate ? "0o" : ""
        case "b": body = String(magnitude, radix: 2); prefix = spec.alternate ? "0b" : ""
        case "c":
            guard let u = Unicode.Scalar(UInt32(clamping: i)) else { throw raise("OverflowError", .str("%c arg not in range(0x110000)")) }
            return spec.pad(String(Character(u)), defaultAlign: "<")
        case "s":
            throw raise("ValueError", .str("Unknown format code 's' for object of type 'int'"))
        default:
            throw raise("ValueError", .str("Unknown format code '\(spec.type!)' for object of type 'int'"))
        }
        if let g = spec.grouping { body = group(body, g, every: spec.type == nil || spec.type == "d" ? 3 : 4) }
        if spec.precision != nil { throw raise("ValueError", .str("Precision not allowed in integer format specifier")) }
        let sign = signPrefix(i < 0, spec) + prefix
        if spec.zeroPad && spec.align == nil, let g = spec.grouping, spec.width > sign.count + body.count {
            // Zero padding participates in grouping.
            var digits = body.filter { $0 != g }
            while group(digits, g).count + sign.count < spec.width { digits = "0" + digits }
            return sign + group(digits, g)
        }
        return spec.pad(body, signText: sign, defaultAlign: ">")
    }

    func formatFloat(_ f: Double, _ spec: FormatSpec, _ text: String) throws -> String {
        let negative = f < 0 || (f == 0 && f.sign == .minus)
        let a = abs(f)
        var body: String
        let t = spec.type
        if a.isNaN || a.isInfinite {
            body = a.isNaN ? "nan" : "inf"
            if t == "E" || t == "F" || t == "G" { body = body.uppercased() }
            return spec.pad(body, signText: signPrefix(negative && !a.isNaN, spec), defaultAlign: ">")
        }
        switch t {
        case "f", "F": body = ExactDecimal.fixed(a, precision: spec.precision ?? 6)
        case "e", "E":
            body = ExactDecimal.scientific(a, precision: spec.precision ?? 6)
            if t == "E" { body = body.uppercased() }
        case "%":
            let scaled = a * 100
            body = (scaled.isFinite ? ExactDecimal.fixed(scaled, precision: spec.precision ?? 6) : "inf") + "%"
        case "g", "G", nil:
            if t == nil && spec.precision == nil {
                body = PythonFloat.repr(a)
            } else {
                let p = max(spec.precision ?? 6, 1)
                let exp = ExactDecimal.exponent(a, significant: p)
                if exp >= -4 && exp < p {
                    body = ExactDecimal.fixed(a, precision: p - 1 - exp)
                    if !spec.alternate && body.contains(".") {
                        while body.hasSuffix("0") { body.removeLast() }
                        if body.hasSuffix(".") { body.removeLast() }
                    }
                    if t == nil && !body.contains(".") { body += ".0" }
                } else {
                    body = ExactDecimal.scientific(a, precision: p - 1)
                    if !spec.alternate, let e = body.firstIndex(of: "e") {
                        var mant = String(body[..<e])
                        if mant.contains(".") {
                            while mant.hasSuffix("0") { mant.removeLast() }
                            if mant.hasSuffix(".") { mant.removeLast() }
                        }
                        body = mant + body[e...]
                    }
                }
                if t == "G" { body = body.uppercased() }
            }
        default:
            throw raise("ValueError", .str("Unknown format code '\(t!)' for object of type 'float'"))
        }
        if let g = spec.grouping {
            let end = body.firstIndex(where: { !$0.isNumber }) ?? body.endIndex
            body = group(String(body[..<end]), g) + body[end...]
        }
        return spec.pad(body, signText: signPrefix(negative, spec), defaultAlign: ">")
    }
}

/// PyYAML's implicit resolver (YAML 1.1 as PyYAML implements it) for plain scalars.
///
/// Guarantees: `resolvesToString(s)` is true exactly when PyYAML's `Resolver.resolve` maps the
/// plain text `s` to `tag:yaml.org,2002:str`, i.e. when `yaml.dump` may print the string
/// unquoted. Texts such as `01000000` (octal int), `1_000`, `1:20` (sexagesimal), `1.5`, `.inf`,
/// `true`/`off`/`yes`, `null`/`~`/empty, `<<`, `=` and `2026-11-21 16:48:05.836000` (timestamp)
/// resolve to other tags and must be quoted; `0e000000` and `08000000` stay plain.
public enum YAMLImplicitResolver {
    public static func resolvesToString(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        if s.isEmpty { return false }  // null
        switch s[0] {
        case "y", "Y", "n", "N", "t", "T", "f", "F", "o", "O":
            if isBool(text) { return false }
            if (s[0] == "n" || s[0] == "N") && ["null", "Null", "NULL"].contains(text) { return false }
            return true
        case "~":
            return s.count != 1
        case "<":
            return text != "<<"
        case "=":
            return text != "="
        case "-", "+", ".", "0"..."9":
            if isInt(s) || isFloat(s) || isTimestamp(s) { return false }
            return true
        default:
            return true
        }
    }

    private static func isBool(_ t: String) -> Bool {
        ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
         "on", "On", "ON", "off", "Off", "OFF"].contains(t)
    }

    // MARK: - tiny anchored matchers

    private struct Cursor {
        let s: [Unicode.Scalar]
        var i = 0
        var atEnd: Bool { i >= s.count }
        var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }
        mutating func take(_ pred: (Unicode.Scalar) -> Bool) -> Bool {
            if let c = peek, pred(c) { i += 1; return true }
            return false
        }
        mutating func takeMany(_ pred: (Unicode.Scalar) -> Bool) -> Int {
            var n = 0
            while take(pred) { n += 1 }
            return n
        }
        mutating func sign() { _ = take { $0 == "+" || $0 == "-" } }
    }

    private static func digit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    private static func digitU(_ c: Unicode.Scalar) -> Bool { digit(c) || c == "_" }

    /// `(?::[0-5]?[0-9])+` — at least one group; returns false when none matched.
    private static func sexagesimalGroups(_ c: inout Cursor) -> Bool {
        var groups = 0
        while c.peek == ":" {
            let save = c.i
            c.i += 1
            // [0-5]?[0-9]: one or two digits, the first of two being 0-5.
            guard let d1 = c.peek, digit(d1) else { c.i = save; break }
            c.i += 1
            if let d2 = c.peek, digit(d2), ("0"..."5").contains(d1) { c.i += 1 }
            groups += 1
        }
        return groups > 0
    }

    static func isInt(_ s: [Unicode.Scalar]) -> Bool {
        // [-+]?0b[0-1_]+
        do {
            var c = Cursor(s: s); c.sign()
            if c.take({ $0 == "0" }) && c.take({ $0 == "b" })
                && c.takeMany({ $0 == "0" || $0 == "1" || $0 == "_" }) > 0 && c.atEnd { return true }
        }
        // [-+]?0[0-7_]+
        do {
            var c = Cursor(s: s); c.sign()
            if c.take({ $0 == "0" }) && c.takeMany({ ("0"..."7").contains($0) || $0 == "_" }) > 0
                && c.atEnd { return true }
        }
        // [-+]?(?:0|[1-9][0-9_]*)
        do {
            var c = Cursor(s: s); c.sign()
            if c.take({ $0 == "0" }) { if c.atEnd { return true } } else if c.take({ ("1"..."9").contains($0) }) {
                _ = c.takeMany(digitU)
                if c.atEnd { return true }
            }
        }
        // [-+]?0x[0-9a-fA-F_]+
        do {
            var c = Cursor(s: s); c.sign()
            if c.take({ $0 == "0" }) && c.take({ $0 == "x" })
                && c.takeMany({ digitU($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }) > 0
                && c.atEnd { return true }
        }
        // [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
        do {
            var c = Cursor(s: s); c.sign()
            if c.take({ ("1"..."9").contains($0) }) {
                _ = c.takeMany(digitU)
                if sexagesimalGroups(&c) && c.atEnd { return true }
            }
        }
        return false
    }

    /// `(?:[eE][-+][0-9]+)?` followed by the end.
    private static func optionalExponentThenEnd(_ c: inout Cursor) -> Bool {
        if c.take({ $0 == "e" || $0 == "E" }) {
            guard c.take({ $0 == "+" || $0 == "-" }), c.takeMany(digit) > 0 else { return false }
        }
        return c.atEnd
    }

    static func isFloat(_ s: [Unicode.Scalar]) -> Bool {
        // [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
        do {
            var c = Cursor(s: s); c.sign()
            if c.take(digit) {
                _ = c.takeMany(digitU)
                if c.take({ $0 == "." }) {
                    _ = c.takeMany(digitU)
                    if optionalExponentThenEnd(&c) { return true }
                }
            }
        }
        // \.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
        do {
            var c = Cursor(s: s)
            if c.take({ $0 == "." }) && c.take(digit) {
                _ = c.takeMany(digitU)
                if optionalExponentThenEnd(&c) { return true }
            }
        }
        // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        do {
            var c = Cursor(s: s); c.sign()
            if c.take(digit) {
                _ = c.takeMany(digitU)
                if sexagesimalGroups(&c) && c.take({ $0 == "." }) {
                    _ = c.takeMany(digitU)
                    if c.atEnd { return true }
                }
            }
        }
        let t = String(String.UnicodeScalarView(s))
        // [-+]?\.(?:inf|Inf|INF)   \.(?:nan|NaN|NAN)
        var body = Substring(t)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        if [".inf", ".Inf", ".INF"].contains(body) { return true }
        if [".nan", ".NaN", ".NAN"].contains(t) { return true }
        return false
    }

    static func isTimestamp(_ s: [Unicode.Scalar]) -> Bool {
        func fixedDigits(_ c: inout Cursor, _ n: Int) -> Bool {
            for _ in 0..<n { if !c.take(digit) { return false } }
            return true
        }
        // [0-9]{4}-[0-9]{2}-[0-9]{2}
        do {
            var c = Cursor(s: s)
            if fixedDigits(&c, 4) && c.take({ $0 == "-" }) && fixedDigits(&c, 2) && c.take({ $0 == "-" })
                && fixedDigits(&c, 2) && c.atEnd { return true }
        }
        // [0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9]{2}:[0-9]{2}
        //   (?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9]{2})?))?
        var c = Cursor(s: s)
        guard fixedDigits(&c, 4), c.take({ $0 == "-" }), c.take(digit) else { return false }
        _ = c.take(digit)
        guard c.take({ $0 == "-" }), c.take(digit) else { return false }
        _ = c.take(digit)
        if !c.take({ $0 == "T" || $0 == "t" }) {
            guard c.takeMany({ $0 == " " || $0 == "\t" }) > 0 else { return false }
        }
        guard c.take(digit) else { return false }
        _ = c.take(digit)
        guard c.take({ $0 == ":" }), fixedDigits(&c, 2), c.take({ $0 == ":" }), fixedDigits(&c, 2) else {
            return false
        }
        if c.take({ $0 == "." }) { _ = c.takeMany(digit) }
        if c.atEnd { return true }
        _ = c.takeMany({ $0 == " " || $0 == "\t" })
        if c.take({ $0 == "Z" }) { return c.atEnd }
        guard c.take({ $0 == "+" || $0 == "-" }), c.take(digit) else { return false }
        _ = c.take(digit)
        if c.take({ $0 == ":" }) { guard fixedDigits(&c, 2) else { return false } }
        return c.atEnd
    }
}

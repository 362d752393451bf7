/// Which texts Python's `int()` and `float()` accept: the "numeric string" test tabulate uses to
/// decide that a column is numeric.
///
/// Guarantees: `isInt(s)` is true exactly when `int(s)` succeeds in Python 3 (base 10: optional
/// surrounding whitespace, optional sign, decimal digits — any Unicode decimal digit — with single
/// underscores only between digits); `isFloat(s)` exactly when `float(s)` succeeds (the same digit
/// rules, an optional fraction and exponent, or `inf`/`infinity`/`nan` in any case).
public enum PythonNumberSyntax {
    public static func isInt(_ text: String) -> Bool {
        // Fast path: ASCII text holding anything but digits, signs, underscores and spaces.
        if text.utf8.allSatisfy({ $0 < 0x80 }) && text.utf8.contains(where: { b in
            !((0x30...0x39).contains(b) || b == 0x2b || b == 0x2d || b == 0x5f || b == 0x20 || (0x09...0x0d).contains(b)
              || (0x1c...0x1f).contains(b)) }) {
            return false
        }
        return isDigitRun(unsigned(stripped(text)))
    }

    public static func isFloat(_ text: String) -> Bool {
        // Fast path: a float text holds only these ASCII characters (or non-ASCII spaces/digits).
        if text.utf8.allSatisfy({ $0 < 0x80 }) && !text.utf8.allSatisfy({ floatCharacters.contains($0) }) {
            return false
        }
        let s = unsigned(stripped(text))
        let lower = Substring(s).lowercased()
        if lower == "inf" || lower == "infinity" || lower == "nan" { return true }
        // mantissa [e exponent]
        var mantissa = s
        var exponent: Substring.UnicodeScalarView? = nil
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = s[..<e]
            exponent = unsigned(s[s.index(after: e)...])
        }
        if let ex = exponent, !isDigitRun(ex) { return false }
        if let dot = mantissa.firstIndex(of: ".") {
            let intPart = mantissa[..<dot]
            let fracPart = mantissa[mantissa.index(after: dot)...]
            if intPart.isEmpty && fracPart.isEmpty { return false }
            return (intPart.isEmpty || isDigitRun(intPart)) && (fracPart.isEmpty || isDigitRun(fracPart))
        }
        return isDigitRun(mantissa)
    }

    /// Every ASCII byte that can appear in a Python float literal (with `inf`/`nan` spellings
    /// and surrounding whitespace).
    private static let floatCharacters: Set<UInt8> = Set("0123456789+-._eEiInNfFtTyYaA \t\n\r\u{0b}\u{0c}\u{1c}\u{1d}\u{1e}\u{1f}".utf8)

    /// Python `str.strip()` whitespace removed from both ends.
    // Slicing, not `removeFirst()`: the mutating calls go through String's generic
    // range-replacement path, whose first use costs a `list` call milliseconds of type lookups.
    static func stripped(_ text: String) -> Substring.UnicodeScalarView {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isPythonSpace(scalars[start]) { start = scalars.index(after: start) }
        while start < end, isPythonSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return text[start..<end].unicodeScalars
    }

    /// `s` without one leading `+` or `-`.
    private static func unsigned(_ s: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        guard let f = s.first, f == "+" || f == "-" else { return s }
        return s[s.index(after: s.startIndex)...]
    }

    /// Python's `str.isspace()` for one code point.
    static func isPythonSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0d, 0x1c...0x1f, 0x20, 0x85, 0xa0: return true
        case 0..<0x80: return false  // fast path: no other ASCII character is a space
        default: return c.properties.isWhitespace
        }
    }

    /// One or more decimal digits, with single underscores allowed between digits.
    private static func isDigitRun(_ s: Substring.UnicodeScalarView) -> Bool {
        guard !s.isEmpty else { return false }
        var previousUnderscore = true  // forbids a leading underscore
        for c in s {
            if c == "_" {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else if c.properties.numericType == .decimal {
                previousUnderscore = false
            } else {
                return false
            }
        }
        return !previousUnderscore
    }
}

/// Python's `repr` of a `str`: single quotes unless the text contains a single quote and no
/// double quote, with Python's escapes for backslash, quotes and control characters.
public enum PythonString {
    public static func repr(_ s: String) -> String {
        let hasSingle = s.contains("'"), hasDouble = s.contains("\"")
        let quote: Character = (hasSingle && !hasDouble) ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if !isPrintable(scalar) {
                    out += escape(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
        return out
    }

    /// Python's `str.isprintable` for one character: not in categories Cc, Cf, Cs, Co, Cn,
    /// Zl, Zp, and no separator other than the ASCII space.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, as Python escapes a non-printable character.
    static func escape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        if v < 0x100 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if v < 0x10000 { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}

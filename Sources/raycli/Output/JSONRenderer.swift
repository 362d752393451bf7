import ClusterState

/// Python `json.dumps(value)` with its defaults, byte for byte.
///
/// Guarantees: one line; separators `", "` and `": "`; keys in the dict's order; `null`,
/// `true`/`false`, ints as digits, floats by Python `repr` (`NaN`, `Infinity`, `-Infinity` as
/// Python writes them); strings with `ensure_ascii` escapes: `\"`, `\\`, `\n`, `\r`, `\t`, `\b`,
/// `\f`, other control characters and every non-ASCII code point as lowercase `\u00e9`
/// (astral code points as surrogate pairs); `DEL` (0x7f) too, like Python.
public enum JSONRenderer {
    public static func dumps(_ value: StateValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: StateValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isNaN { out += "NaN" } else if d.isInfinite { out += d > 0 ? "Infinity" : "-Infinity" } else {
                out += PythonFloat.repr(d)
            }
        case .string(let s): writeString(s, into: &out)
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                write(item, into: &out)
            }
            out += "]"
        case .dict(let d):
            out += "{"
            for (i, (k, v)) in d.enumerated() {
                if i > 0 { out += ", " }
                writeString(k, into: &out)
                out += ": "
                write(v, into: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if c.value < 0x20 || c.value > 0x7e {
                    if c.value > 0xffff {
                        let v = c.value - 0x10000
                        out += "\\u" + hex4(0xd800 | (v >> 10)) + "\\u" + hex4(0xdc00 | (v & 0x3ff))
                    } else {
                        out += "\\u" + hex4(c.value)
                    }
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        out += "\""
    }

    private static func hex4(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 4 - s.count) + s
    }
}

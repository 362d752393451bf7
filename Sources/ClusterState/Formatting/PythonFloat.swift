/// Python's `repr` of a float: the shortest text that reads back to the same double, in
/// positional notation for exponents -4 ..< 16 and scientific notation (`1e-05`, `1e+16`)
/// otherwise, always with a `.0` on whole positional values.
public enum PythonFloat {
    public static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description is already the shortest round-trip digit string; re-lay it out
        // with Python's exponent thresholds.
        let (negative, digits, exponent) = decompose(value)
        var out = negative ? "-" : ""
        if exponent < -4 || exponent >= 16 {
            out += String(digits.first!)
            if digits.count > 1 { out += "." + digits.dropFirst() }
            out += "e" + (exponent < 0 ? "-" : "+")
            let e = String(abs(exponent))
            out += e.count < 2 ? "0" + e : e
        } else if exponent < 0 {
            out += "0." + String(repeating: "0", count: -exponent - 1) + digits
        } else if digits.count <= exponent + 1 {
            out += digits + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
        } else {
            let split = digits.index(digits.startIndex, offsetBy: exponent + 1)
            out += digits[..<split] + "." + digits[split...]
        }
        return out
    }

    /// Splits Swift's shortest representation into sign, significant digits (no leading or
    /// trailing zeros) and the decimal exponent of the first digit.
    private static func decompose(_ value: Double) -> (Bool, String, Int) {
        var text = abs(value).description  // e.g. "0.3", "1e-05", "1.2345e+17", "100.0"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...])!
            text = String(text[..<e])
        }
        var intPart = text, fracPart = ""
        if let dot = text.firstIndex(of: ".") {
            intPart = String(text[..<dot])
            fracPart = String(text[text.index(after: dot)...])
        }
        var all = intPart + fracPart
        var pointPos = intPart.count  // digits before the decimal point
        while all.first == "0" && all.count > 1 { all.removeFirst(); pointPos -= 1 }
        while all.last == "0" && all.count > 1 { all.removeLast() }
        return (value < 0, all, exponent + pointPos - 1)
    }
}

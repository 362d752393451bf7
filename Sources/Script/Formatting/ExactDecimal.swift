/// The exact decimal expansion of a finite, non-negative double, for correctly rounded
/// `'%.2f'`-style formatting (CPython rounds the exact binary value, half to even).
///
/// Guarantees: `digits` holds every significant digit (no leading zeros except for zero
/// itself), and the value equals `0.digits × 10^pointPosition`.
struct ExactDecimal {
    var digits: [UInt8]
    var pointPosition: Int

    init(_ value: Double) {
        precondition(value.isFinite && value >= 0)
        if value == 0 { digits = [0]; pointPosition = 1; return }
        let e = Int(value.exponent) - 52
        var m = value.significandBitPattern | (value.isNormal ? (1 << 52) : 0)
        var exp2 = e
        if !value.isNormal { exp2 = -1074 }
        while m & 1 == 0 && exp2 < 0 { m >>= 1; exp2 += 1 }
        var big: [UInt32] = [UInt32(m % 1_000_000_000), UInt32((m / 1_000_000_000) % 1_000_000_000), UInt32(m / 1_000_000_000_000_000_000)]
        var decExp = 0
        if exp2 >= 0 {
            var k = exp2
            while k > 0 { let s = min(k, 29); ExactDecimal.multiply(&big, UInt32(1) << UInt32(s)); k -= s }
        } else {
            var k = -exp2
            while k > 0 { let s = min(k, 13); var f: UInt32 = 1; for _ in 0..<s { f *= 5 }; ExactDecimal.multiply(&big, f); k -= s }
            decExp = exp2
        }
        var text = ""
        while big.count > 1 && big.last == 0 { big.removeLast() }
        for (i, limb) in big.reversed().enumerated() {
            let s = String(limb)
            text += i == 0 ? s : String(repeating: "0", count: 9 - s.count) + s
        }
        var ds = text.utf8.map { $0 - 48 }
        while ds.count > 1 && ds.first == 0 { ds.removeFirst() }
        digits = ds
        pointPosition = ds.count + decExp
    }

    private static func multiply(_ big: inout [UInt32], _ f: UInt32) {
        var carry: UInt64 = 0
        for i in big.indices {
            let v = UInt64(big[i]) * UInt64(f) + carry
            big[i] = UInt32(v % 1_000_000_000)
            carry = v / 1_000_000_000
        }
        while carry > 0 { big.append(UInt32(carry % 1_000_000_000)); carry /= 1_000_000_000 }
    }

    /// Rounds (half to even) to keep `count` digits from the start; may carry into a new
    /// leading digit (then `pointPosition` grows).
    func rounded(keeping count: Int) -> ExactDecimal {
        var r = self
        if count >= digits.count {
            r.digits += [UInt8](repeating: 0, count: count - digits.count)
            return r
        }
        if count < 0 { r.digits = []; return r }
        var kept = Array(digits[0..<count])
        let next = digits[count]
        let restNonZero = digits[(count + 1)...].contains { $0 != 0 }
        let roundUp = next > 5 || (next == 5 && (restNonZero || (kept.last.map { $0 % 2 == 1 } ?? false)))
        if roundUp {
            var i = kept.count - 1
            while i >= 0 {
                if kept[i] == 9 { kept[i] = 0; i -= 1 } else { kept[i] += 1; break }
            }
            if i < 0 { kept.insert(1, at: 0); r.pointPosition += 1 }
        }
        r.digits = kept
        return r
    }

    /// Fixed notation with `precision` digits after the point.
    static func fixed(_ value: Double, precision: Int) -> String {
        let d = ExactDecimal(value)
        let r = d.rounded(keeping: d.pointPosition + precision)
        var digits = r.digits
        var point = r.pointPosition
        if digits.isEmpty || point + precision <= 0 && digits.allSatisfy({ $0 == 0 }) {
            digits = []; point = 0
        }
        if point <= 0 { digits = [UInt8](repeating: 0, count: -point) + digits; point = 0 }
        let needed = point + precision
        if digits.count < needed { digits += [UInt8](repeating: 0, count: needed - digits.count) }
        let intPart = point == 0 ? "0" : String(digits[0..<point].map { Character(String($0)) })
        if precision == 0 { return intPart }
        return intPart + "." + String(digits[point..<needed].map { Character(String($0)) })
    }

    /// Scientific notation with `precision` digits after the point (`1.50e+03`).
    static func scientific(_ value: Double, precision: Int) -> String {
        if value == 0 {
            return "0" + (precision > 0 ? "." + String(repeating: "0", count: precision) : "") + "e+00"
        }
        let r = ExactDecimal(value).rounded(keeping: precision + 1)
        let ds = r.digits.map { Character(String($0)) }
        let exp = r.pointPosition - 1
        var out = String(ds[0])
        if precision > 0 { out += "." + String(ds[1...precision]) }
        let e = String(abs(exp))
        return out + "e" + (exp < 0 ? "-" : "+") + (e.count < 2 ? "0" + e : e)
    }

    /// The decimal exponent after rounding to `significant` digits.
    static func exponent(_ value: Double, significant: Int) -> Int {
        if value == 0 { return 0 }
        return ExactDecimal(value).rounded(keeping: significant).pointPosition - 1
    }
}

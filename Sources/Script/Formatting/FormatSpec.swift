/// A parsed format specification (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`).
struct FormatSpec {
    var fill: Character = " "
    var align: Character? = nil
    var sign: Character = "-"
    var alternate = false
    var zeroPad = false
    var width = 0
    var grouping: Character? = nil
    var precision: Int? = nil
    var type: Character? = nil

    /// Parses a spec; nil if it is malformed.
    init?(_ text: String) {
        let c = Array(text)
        var i = 0
        if c.count >= 2, "<>=^".contains(c[1]) { fill = c[0]; align = c[1]; i = 2 } else if let f = c.first, "<>=^".contains(f) { align = f; i = 1 }
        if i < c.count, "+- ".contains(c[i]) { sign = c[i]; i += 1 }
        if i < c.count, c[i] == "z" { i += 1 }
        if i < c.count, c[i] == "#" { alternate = true; i += 1 }
        if i < c.count, c[i] == "0" { zeroPad = true; i += 1 }
        var w = 0
        while i < c.count, let d = c[i].wholeNumberValue, c[i].isASCII { w = w * 10 + d; i += 1; if w > 1_000_000_000 { return nil } }
        width = w
        if i < c.count, c[i] == "," || c[i] == "_" { grouping = c[i]; i += 1 }
        if i < c.count, c[i] == "." {
            i += 1
            var p = 0, any = false
            while i < c.count, let d = c[i].wholeNumberValue, c[i].isASCII { p = p * 10 + d; i += 1; any = true; if p > 1_000_000_000 { return nil } }
            if !any { return nil }
            precision = p
        }
        if i < c.count { type = c[i]; i += 1 }
        if i != c.count { return nil }
    }

    /// Pads `body` (with its sign already split off into `signText`) to the width.
    func pad(_ body: String, signText: String = "", defaultAlign: Character) -> String {
        let total = signText.count + body.count
        guard width > total else { return signText + body }
        let n = width - total
        let a = align ?? (zeroPad ? "=" : defaultAlign)
        let f: Character = (align == nil && zeroPad) ? "0" : fill
        switch a {
        case "<": return signText + body + String(repeating: f, count: n)
        case "^": return String(repeating: f, count: n / 2) + signText + body + String(repeating: f, count: n - n / 2)
        case "=": return signText + String(repeating: f, count: n) + body
        default: return String(repeating: f, count: n) + signText + body
        }
    }
}

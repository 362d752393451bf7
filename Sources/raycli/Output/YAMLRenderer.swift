import ClusterState
import OrderedCollections

/// PyYAML's `yaml.dump` (pure-Python emitter, `default_flow_style=False`, `allow_unicode=False`,
/// width 80) for `StateValue` trees, byte for byte.
///
/// Guarantees, as PyYAML 6 does them:
/// - Block style for non-empty lists and dicts; empty ones print as `[]` / `{}`.
/// - Inside a mapping a block sequence is not indented (`key:` then `- item` at the key's
///   column); a mapping inside a sequence starts on the dash line (`-   key: v` for indent 4).
/// - Strings are plain when PyYAML would print them plain (see `YAMLImplicitResolver` and the
///   emitter's scalar analysis), else single-quoted (`'01000000'`, `''`), else double-quoted
///   with PyYAML's escapes (`"\xE9"`, `"\t"`): non-ASCII text is always escaped because
///   `allow_unicode` is off.
/// - Long plain and quoted scalars are folded at spaces once the column passes 80, with the
///   continuation indented as PyYAML does.
/// - `null`, `true`/`false`, ints as digits, floats as Python `repr` lower-cased (`1.0e+17`
///   gets its `.0`), `.nan`, `.inf`, `-.inf`.
/// - Keys of 123 characters or more (PyYAML adds the 5 of `!!str` to its 128 limit), empty
///   keys and multi-line keys use the `? key` form.
public enum YAMLRenderer {
    /// `yaml.dump(value, indent:, explicit_start:, explicit_end:, sort_keys:)`; the text ends
    /// with a newline.
    public static func dump(_ value: StateValue, indent: Int = 2, explicitStart: Bool = false,
                            explicitEnd: Bool = false, sortKeys: Bool = true) -> String {
        var e = Emitter(bestIndent: (2...9).contains(indent) ? indent : 2, sortKeys: sortKeys)
        e.document(value, explicitStart: explicitStart, explicitEnd: explicitEnd)
        return e.out
    }

    /// The `ray list … --format yaml` / `--detail` body:
    /// `yaml.dump(rows, indent=4, explicit_start=True, explicit_end=True, sort_keys=False)`.
    /// Ends with `...\n` (the caller's `print` adds the final empty line).
    public static func listDocument(_ rows: [StateValue]) -> String {
        dump(.list(rows), indent: 4, explicitStart: true, explicitEnd: true, sortKeys: false)
    }

    /// The multi-line table cell tabulate gets for a dict: `yaml.dump(value, indent=2)`
    /// (sorted keys, block style), with its final newline.
    public static func tableCell(_ value: StateValue) -> String {
        dump(value, indent: 2)
    }

    // MARK: - Emitter

    private struct Analysis {
        var empty = false
        var multiline = false
        var allowFlowPlain = true
        var allowBlockPlain = true
        var allowSingleQuoted = true
        var allowDoubleQuoted = true
    }

    private static let breakChars: Set<Unicode.Scalar> = ["\n", "\u{85}", "\u{2028}", "\u{2029}"]
    private static let whitespaceChars: Set<Unicode.Scalar> =
        ["\0", " ", "\t", "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}"]

    private static func analyze(_ text: [Unicode.Scalar]) -> Analysis {
        var a = Analysis()
        if text.isEmpty {
            a.empty = true
            a.allowFlowPlain = false
            return a
        }
        var blockIndicators = false, flowIndicators = false, lineBreaks = false
        var specialCharacters = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        let str = String(String.UnicodeScalarView(text))
        if str.hasPrefix("---") || str.hasPrefix("...") {
            blockIndicators = true
            flowIndicators = true
        }
        var precededByWhitespace = true
        var followedByWhitespace = text.count == 1 || whitespaceChars.contains(text[1])
        var previousSpace = false, previousBreak = false
        var index = 0
        while index < text.count {
            let ch = text[index]
            if index == 0 {
                if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(ch) {
                    flowIndicators = true
                    blockIndicators = true
                }
                if ch == "?" || ch == ":" {
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                }
                if ch == "-" && followedByWhitespace {
                    flowIndicators = true
                    blockIndicators = true
                }
            } else {
                if ",?[]{}".unicodeScalars.contains(ch) { flowIndicators = true }
                if ch == ":" {
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                }
                if ch == "#" && precededByWhitespace {
                    flowIndicators = true
                    blockIndicators = true
                }
            }
            if breakChars.contains(ch) { lineBreaks = true }
            if !(ch == "\n" || (0x20...0x7e).contains(ch.value)) {
                // Unicode characters are special because allow_unicode is off; everything else
                // outside printable ASCII is special anyway.
                specialCharacters = true
            }
            if ch == " " {
                if index == 0 { leadingSpace = true }
                if index == text.count - 1 { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if breakChars.contains(ch) {
                if index == 0 { leadingBreak = true }
                if index == text.count - 1 { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            index += 1
            precededByWhitespace = whitespaceChars.contains(ch)
            followedByWhitespace = index + 1 >= text.count || whitespaceChars.contains(text[index + 1])
        }
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
            a.allowFlowPlain = false
            a.allowBlockPlain = false
        }
        if breakSpace {
            a.allowFlowPlain = false
            a.allowBlockPlain = false
            a.allowSingleQuoted = false
        }
        if spaceBreak || specialCharacters {
            a.allowFlowPlain = false
            a.allowBlockPlain = false
            a.allowSingleQuoted = false
        }
        if lineBreaks {
            a.allowFlowPlain = false
            a.allowBlockPlain = false
        }
        if flowIndicators { a.allowFlowPlain = false }
        if blockIndicators { a.allowBlockPlain = false }
        a.multiline = lineBreaks
        return a
    }

    private struct Emitter {
        var out = ""
        var column = 0
        var whitespace = true
        var indention = true
        var openEnded = false
        var indent: Int? = nil
        var indents: [Int?] = []
        var flowLevel = 0
        let bestIndent: Int
        let bestWidth = 80
        let sortKeys: Bool
        var rootContext = false
        var sequenceContext = false
        var mappingContext = false
        var simpleKeyContext = false

        init(bestIndent: Int, sortKeys: Bool) {
            self.bestIndent = bestIndent
            self.sortKeys = sortKeys
        }

        mutating func document(_ value: StateValue, explicitStart: Bool, explicitEnd: Bool) {
            if explicitStart {
                writeIndent()
                writeIndicator("---", needWhitespace: true)
            }
            node(value, root: true)
            writeIndent()
            if explicitEnd {
                writeIndicator("...", needWhitespace: true)
                writeIndent()
            } else if openEnded {
                // Stream end after an open-ended (plain root scalar) document.
                writeIndicator("...", needWhitespace: true)
                writeIndent()
            }
        }

        // MARK: nodes

        mutating func node(_ value: StateValue, root: Bool = false, sequence: Bool = false,
                           mapping: Bool = false, simpleKey: Bool = false) {
            rootContext = root
            sequenceContext = sequence
            mappingContext = mapping
            simpleKeyContext = simpleKey
            switch value {
            case .null: scalar("null", plainResolves: true)
            case .bool(let b): scalar(b ? "true" : "false", plainResolves: true)
            case .int(let i): scalar(String(i), plainResolves: true)
            case .double(let d): scalar(YAMLRenderer.floatText(d), plainResolves: true)
            case .string(let s): scalar(s, plainResolves: YAMLImplicitResolver.resolvesToString(s))
            case .list(let items):
                if flowLevel > 0 || items.isEmpty { emptyFlow("[", "]") } else { blockSequence(items) }
            case .dict(let d):
                if flowLevel > 0 || d.isEmpty {
                    emptyFlow("{", "}")
                } else {
                    var pairs = Array(d.elements)
                    if sortKeys { pairs.sort { PythonOrder.less($0.key, $1.key) } }
                    blockMapping(pairs)
                }
            }
        }

        mutating func increaseIndent(flow: Bool = false, indentless: Bool = false) {
            indents.append(indent)
            if let current = indent {
                if !indentless { indent = current + bestIndent }
            } else {
                indent = flow ? bestIndent : 0
            }
        }

        mutating func popIndent() { indent = indents.removeLast() }

        mutating func emptyFlow(_ open: String, _ close: String) {
            writeIndicator(open, needWhitespace: true, whitespace: true)
            flowLevel += 1
            increaseIndent(flow: true)
            popIndent()
            flowLevel -= 1
            writeIndicator(close, needWhitespace: false)
        }

        mutating func blockSequence(_ items: [StateValue]) {
            let indentless = mappingContext && !indention
            increaseIndent(flow: false, indentless: indentless)
            for item in items {
                writeIndent()
                writeIndicator("-", needWhitespace: true, indention: true)
                node(item, sequence: true)
            }
            popIndent()
        }

        mutating func blockMapping(_ pairs: [(key: String, value: StateValue)]) {
            increaseIndent(flow: false)
            for (key, value) in pairs {
                writeIndent()
                let keyScalars = Array(key.unicodeScalars)
                let a = YAMLRenderer.analyze(keyScalars)
                // PyYAML counts the prepared tag (`!!str`, 5 characters) into the 128 limit.
                if keyScalars.count + 5 < 128 && !a.empty && !a.multiline {
                    node(.string(key), mapping: true, simpleKey: true)
                    writeIndicator(":", needWhitespace: false)
                    node(value, mapping: true)
                } else {
                    writeIndicator("?", needWhitespace: true, indention: true)
                    node(.string(key), mapping: true)
                    writeIndent()
                    writeIndicator(":", needWhitespace: true, indention: true)
                    node(value, mapping: true)
                }
            }
            popIndent()
        }

        mutating func scalar(_ text: String, plainResolves: Bool) {
            increaseIndent(flow: true)
            let scalars = Array(text.unicodeScalars)
            let a = YAMLRenderer.analyze(scalars)
            let split = !simpleKeyContext
            if plainResolves && !(simpleKeyContext && (a.empty || a.multiline))
                && ((flowLevel > 0 && a.allowFlowPlain) || (flowLevel == 0 && a.allowBlockPlain)) {
                writePlain(scalars, split: split)
            } else if a.allowSingleQuoted && !(simpleKeyContext && a.multiline) {
                writeSingleQuoted(scalars, split: split)
            } else {
                writeDoubleQuoted(scalars, split: split)
            }
            popIndent()
        }

        // MARK: writers

        mutating func write(_ scalars: ArraySlice<Unicode.Scalar>) {
            out.unicodeScalars.append(contentsOf: scalars)
            column += scalars.count
        }

        mutating func write(_ text: String) {
            out += text
            column += text.unicodeScalars.count
        }

        mutating func writeIndicator(_ indicator: String, needWhitespace: Bool,
                                     whitespace: Bool = false, indention: Bool = false) {
            let data = (self.whitespace || !needWhitespace) ? indicator : " " + indicator
            self.whitespace = whitespace
            self.indention = self.indention && indention
            openEnded = false
            write(data)
        }

        mutating func writeIndent() {
            let ind = indent ?? 0
            if !indention || column > ind || (column == ind && !whitespace) {
                writeLineBreak()
            }
            if column < ind {
                whitespace = true
                out += String(repeating: " ", count: ind - column)
                column = ind
            }
        }

        mutating func writeLineBreak(_ data: Unicode.Scalar = "\n") {
            whitespace = true
            indention = true
            out.unicodeScalars.append(data)
            column = 0
        }

        mutating func writePlain(_ text: [Unicode.Scalar], split: Bool) {
            if rootContext { openEnded = true }
            if text.isEmpty { return }
            if !whitespace { write(" ") }
            whitespace = false
            indention = false
            var spaces = false
            var start = 0, end = 0
            while end <= text.count {
                let ch: Unicode.Scalar? = end < text.count ? text[end] : nil
                if spaces {
                    if ch != " " {
                        if start + 1 == end && column > bestWidth && split {
                            writeIndent()
                            whitespace = false
                            indention = false
                        } else {
                            write(text[start..<end])
                        }
                        start = end
                    }
                } else if ch == nil || ch == " " || YAMLRenderer.breakChars.contains(ch!) {
                    write(text[start..<end])
                    start = end
                }
                if let c = ch { spaces = c == " " }
                end += 1
            }
        }

        mutating func writeSingleQuoted(_ text: [Unicode.Scalar], split: Bool) {
            if rootContext { openEnded = true }
            writeIndicator("'", needWhitespace: true)
            var spaces = false, breaks = false
            var start = 0, end = 0
            while end <= text.count {
                let ch: Unicode.Scalar? = end < text.count ? text[end] : nil
                if spaces {
                    if ch == nil || ch != " " {
                        if start + 1 == end && column > bestWidth && split && start != 0
                            && end != text.count {
                            writeIndent()
                        } else {
                            write(text[start..<end])
                        }
                        start = end
                    }
                } else if breaks {
                    if ch == nil || !YAMLRenderer.breakChars.contains(ch!) {
                        if text[start] == "\n" { writeLineBreak() }
                        for br in text[start..<end] {
                            if br == "\n" { writeLineBreak() } else { writeLineBreak(br) }
                        }
                        writeIndent()
                        start = end
                    }
                } else {
                    if ch == nil || ch == " " || ch == "'" || YAMLRenderer.breakChars.contains(ch!) {
                        if start < end {
                            write(text[start..<end])
                            start = end
                        }
                    }
                }
                if ch == "'" {
                    write("''")
                    start = end + 1
                }
                if let c = ch {
                    spaces = c == " "
                    breaks = YAMLRenderer.breakChars.contains(c)
                }
                end += 1
            }
            writeIndicator("'", needWhitespace: false)
        }

        static let escapes: [Unicode.Scalar: String] = [
            "\0": "0", "\u{07}": "a", "\u{08}": "b", "\u{09}": "t", "\u{0A}": "n", "\u{0B}": "v",
            "\u{0C}": "f", "\u{0D}": "r", "\u{1B}": "e", "\"": "\"", "\\": "\\", "\u{85}": "N",
            "\u{A0}": "_", "\u{2028}": "L", "\u{2029}": "P",
        ]

        mutating func writeDoubleQuoted(_ text: [Unicode.Scalar], split: Bool) {
            writeIndicator("\"", needWhitespace: true)
            var start = 0, end = 0
            while end <= text.count {
                let ch: Unicode.Scalar? = end < text.count ? text[end] : nil
                if ch == nil || "\"\\\u{85}\u{2028}\u{2029}\u{FEFF}".unicodeScalars.contains(ch!)
                    || !(0x20...0x7e).contains(ch!.value) {
                    if start < end {
                        write(text[start..<end])
                        start = end
                    }
                    if let c = ch {
                        let data: String
                        if let e = Emitter.escapes[c] {
                            data = "\\" + e
                        } else if c.value <= 0xff {
                            data = "\\x" + YAMLRenderer.upperHex(c.value, width: 2)
                        } else if c.value <= 0xffff {
                            data = "\\u" + YAMLRenderer.upperHex(c.value, width: 4)
                        } else {
                            data = "\\U" + YAMLRenderer.upperHex(c.value, width: 8)
                        }
                        write(data)
                        start = end + 1
                    }
                }
                if end > 0 && end < text.count - 1 && (ch == " " || start >= end)
                    && column + (end - start) > bestWidth && split {
                    var data = String(String.UnicodeScalarView(text[start..<max(start, end)])) + "\\"
                    if start < end { start = end }
                    write(data)
                    writeIndent()
                    whitespace = false
                    indention = false
                    if text[start] == " " {
                        data = "\\"
                        write(data)
                    }
                }
                end += 1
            }
            writeIndicator("\"", needWhitespace: false)
        }
    }

    /// PyYAML's `represent_float`.
    static func floatText(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d > 0 ? ".inf" : "-.inf" }
        var value = PythonFloat.repr(d).lowercased()
        if !value.contains(".") && value.contains("e") {
            if let e = value.firstIndex(of: "e") { value.replaceSubrange(e...e, with: ".0e") }
        }
        return value
    }

    static func upperHex(_ v: UInt32, width: Int) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

/// A syntax (or indentation) error with the position CPython would report.
///
/// Guarantees: `rendered` is shaped like CPython's output for a script:
/// `  File "<name>", line N`, the stripped source line indented by 4, a caret under `column`,
/// then `SyntaxError: message`.
public struct SyntaxErrorInfo: Sendable, Equatable {
    public var kind: String          // "SyntaxError" or "IndentationError"
    public var message: String
    public var filename: String
    public var line: Int
    public var column: Int           // 1-based
    public var sourceLine: String?

    public init(kind: String = "SyntaxError", message: String, filename: String = "<unknown>",
                line: Int, column: Int, sourceLine: String? = nil) {
        self.kind = kind
        self.message = message
        self.filename = filename
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
    }

    public var rendered: String {
        var out = "  File \"\(filename)\", line \(line)\n"
        if let src = sourceLine {
            var stripped = Substring(src)
            var removed = 0
            while let f = stripped.first, f == " " || f == "\t" || f == "\u{0C}" {
                stripped = stripped.dropFirst(); removed += 1
            }
            while let l = stripped.last, l == "\n" || l == "\r" || l == " " { stripped = stripped.dropLast() }
            out += "    " + stripped + "\n"
            let caret = max(0, column - 1 - removed)
            out += "    " + String(repeating: " ", count: caret) + "^\n"
        }
        out += "\(kind): \(message)\n"
        return out
    }
}

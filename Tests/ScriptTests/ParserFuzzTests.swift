import ClusterState
import Foundation
import Script
import Testing

/// The shared seeded generator (SplitMix64) with picking helpers, so every fuzz case
/// reproduces from its printed seed.
struct ScriptFuzzRandom: RandomNumberGenerator {
    private var base: SplitMix64
    init(seed: UInt64) { base = SplitMix64(seed: seed) }
    mutating func next() -> UInt64 { base.next() }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}

/// The driver language's lexer and parser on thousands of seeded random token sequences and
/// mutations of the real scripts: every input parses or yields a SyntaxError value with a line
/// number inside the input, quickly, and absurd nesting is a SyntaxError, not a stack overflow.
@Suite("Parser fuzzing", .timeLimit(.minutes(1)))
struct ParserFuzzTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static let scripts: [String] = ["script-seeds", "script-conformance"].flatMap { dir -> [String] in
        let path = fixtures.appendingPathComponent(dir).path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".py") }.sorted()
        return names.compactMap { try? String(contentsOfFile: path + "/" + $0, encoding: .utf8) }
    }

    /// Parses `source`; records an issue unless it parsed or failed with a well-formed syntax
    /// error whose line lies inside the input, or when parsing took over a second.
    @discardableResult
    static func check(_ source: String, seed: UInt64, sourceLimit: Int = 300) -> SyntaxErrorInfo? {
        let started = Date()
        let info = Interpreter.syntaxError(in: source, filename: "fuzz.py")
        let elapsed = Date().timeIntervalSince(started)
        let lineCount = source.split(separator: "\n", omittingEmptySubsequences: false).count
        let shown = source.count > sourceLimit ? String(source.prefix(sourceLimit)) + "…" : source
        #expect(elapsed < 1, "seed \(seed): parsing took \(elapsed) s: \(shown)")
        if let info {
            #expect(info.kind == "SyntaxError" || info.kind == "IndentationError", "seed \(seed): \(info.kind)")
            #expect(!info.message.isEmpty, "seed \(seed)")
            #expect(info.line >= 1 && info.line <= lineCount + 1, "seed \(seed): line \(info.line) of \(lineCount): \(shown)")
            #expect(info.filename == "fuzz.py", "seed \(seed)")
        }
        return info
    }

    static let vocabulary: [String] = [
        "x", "y", "foo", "ray", "self", "_", "0", "1", "3.5", "1e9", "0x1f", "10**20", "'a'", "\"b\"", "f'{x}'",
        "'''t'''", "b'z'", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=", "==", "!=", "<", ">=",
        "+", "-", "*", "**", "/", "//", "%", "@", "|", "&", "^", "~", "<<", ">>", "+=", ":=", "->", "...",
        "if", "else", "elif", "for", "in", "while", "def", "class", "return", "lambda", "not", "and", "or",
        "is", "None", "True", "False", "try", "except", "finally", "with", "as", "import", "from", "yield",
        "await", "async", "pass", "break", "continue", "global", "nonlocal", "del", "assert", "raise",
        "@ray.remote", "\n", "\n", "\n    ", "\n        ", "\t", "\\\n", "#c\n", "'unterminated", "\"\"\"open",
        "$", "?", "!", "é", "\u{0}",
    ]

    @Test("random token sequences")
    func randomTokens() {
        var parsed = 0
        for seed in UInt64(1)...2500 {
            var rng = ScriptFuzzRandom(seed: seed)
            let count = Int.random(in: 1...40, using: &rng)
            let source = (0..<count).map { _ in rng.pick(Self.vocabulary) }.joined(separator: rng.pick([" ", "", " "]))
            if Self.check(source, seed: seed) == nil { parsed += 1 }
        }
        // The generator must produce both outcomes, or it is not exercising the parser.
        #expect(parsed > 0 && parsed < 2500, "\(parsed) of 2500 parsed")
    }

    /// One random edit of a script, by line or by character.
    static func mutate(_ source: String, _ rng: inout ScriptFuzzRandom) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return source }
        let i = Int.random(in: 0..<lines.count, using: &rng)
        let j = Int.random(in: 0..<lines.count, using: &rng)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: lines.remove(at: i)
        case 1: lines.insert(lines[i], at: j)
        case 2: lines.swapAt(i, j)
        case 3: lines[i] = String(repeating: " ", count: Int.random(in: 0...9, using: &rng)) + lines[i].drop { $0 == " " }
        case 4: lines[i] += rng.pick(["(", "[", "{", ")", "]", "}", ":", "\\", "'", "\"\"\""])
        default:
            var chars = Array(lines[i])
            guard !chars.isEmpty else { lines[i] = rng.pick(["(", ")", "    x", ":"]); break }
            let k = Int.random(in: 0..<chars.count, using: &rng)
            let l = Int.random(in: 0..<chars.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: chars.remove(at: k)
            case 1: chars.insert(chars[k], at: l)
            case 2: chars.swapAt(k, l)
            default: chars.insert(rng.pick(Array("()[]{}:=,.'\"#\\ \t@!$")), at: k)
            }
            lines[i] = String(chars)
        }
        return lines.joined(separator: "\n")
    }

    @Test("mutations of the seed and conformance scripts")
    func mutatedScripts() {
        #expect(Self.scripts.count >= 40, "the fixture scripts are missing")
        var failures = 0
        var seed: UInt64 = 100_000
        for script in Self.scripts {
            for _ in 0..<12 {
                seed += 1
                var rng = ScriptFuzzRandom(seed: seed)
                var source = script
                for _ in 0..<Int.random(in: 1...3, using: &rng) { source = Self.mutate(source, &rng) }
                if Self.check(source, seed: seed) != nil { failures += 1 }
            }
        }
        #expect(failures > 0, "no mutation produced a syntax error")
    }

    struct Deep: CustomTestStringConvertible, Sendable {
        let name: String
        let source: String
        let message: String
        var testDescription: String { name }
    }

    static let deepInputs: [Deep] = [
        Deep(name: "10 000 (", source: String(repeating: "(", count: 10_000), message: "too many nested parentheses"),
        Deep(name: "10 000 balanced ()", source: String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
             message: "too many nested parentheses"),
        Deep(name: "10 000 [", source: "x = " + String(repeating: "[", count: 10_000), message: "too many nested parentheses"),
        Deep(name: "mixed {[(", source: "y = 1\n" + String(repeating: "{[(", count: 3000), message: "too many nested parentheses"),
        Deep(name: "100 000 unary minus", source: String(repeating: "-", count: 100_000) + "1", message: "too many nested expressions"),
        Deep(name: "20 000 not", source: String(repeating: "not ", count: 20_000) + "x", message: "too many nested expressions"),
        Deep(name: "20 000 additions", source: String(repeating: "1+", count: 20_000) + "1", message: "too many nested expressions"),
        Deep(name: "10 000 powers", source: String(repeating: "2**", count: 10_000) + "2", message: "too many nested expressions"),
        Deep(name: "10 000 calls", source: "f" + String(repeating: "()", count: 10_000), message: "too many nested expressions"),
        Deep(name: "10 000 attributes", source: "a" + String(repeating: ".b", count: 10_000), message: "too many nested expressions"),
        Deep(name: "5 000 conditionals", source: String(repeating: "x if y else ", count: 5000) + "z", message: "too many nested expressions"),
        Deep(name: "5 000 lambdas", source: String(repeating: "lambda: ", count: 5000) + "0", message: "too many nested expressions"),
        Deep(name: "300 nested blocks",
             source: (0..<300).map { String(repeating: " ", count: $0) + "if True:" }.joined(separator: "\n") + "\n" + String(repeating: " ", count: 300) + "pass\n",
             message: "too many levels of indentation"),
    ]

    @Test("absurd nesting is a SyntaxError, not a stack overflow", arguments: deepInputs)
    func deepNesting(_ deep: Deep) {
        let info = Self.check(deep.source, seed: 0, sourceLimit: 40)
        #expect(info?.message.hasPrefix(deep.message) == true, "got \(info?.kind ?? "no error"): \(info?.message ?? "")")
        #expect(info?.line ?? 0 >= 1)
    }

    @Test("nesting just inside the limits parses and runs")
    func nestingWithinLimits() {
        let parens = "print(" + String(repeating: "(", count: 198) + "7" + String(repeating: ")", count: 198) + ")\n"
        let lists = "print(len(" + String(repeating: "[", count: 190) + String(repeating: "]", count: 190) + "))\n"
        let sum = "print(" + String(repeating: "1+", count: 900) + "1)\n"
        let minus = "print(" + String(repeating: "-", count: 800) + "1)\n"
        let blocks = (0..<99).map { String(repeating: " ", count: $0) + "if True:" }.joined(separator: "\n")
            + "\n" + String(repeating: " ", count: 99) + "print('deep')\n"
        for (source, expected) in [(parens, "7\n"), (lists, "1\n"), (sum, "901\n"), (minus, "1\n"), (blocks, "deep\n")] {
            #expect(Self.check(source, seed: 0, sourceLimit: 60) == nil)
            let r = runScript(source)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == expected)
        }
    }

    @Test("a syntax error in a deeply nested script names the line of the bad bracket")
    func deepErrorLine() {
        let source = "a = 1\nb = 2\nc = " + String(repeating: "(", count: 500) + "\n"
        let info = Self.check(source, seed: 0, sourceLimit: 40)
        #expect(info?.line == 3)
        #expect(info?.column == 4 + 200 + 1)
    }
}

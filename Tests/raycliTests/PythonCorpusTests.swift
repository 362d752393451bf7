import Foundation
import Testing
@testable import raycli

/// Differential golden test: `Tests/Fixtures/render-python-corpus.json` holds 160 random values
/// (tricky strings: number-like, YAML indicators, unicode, control characters, long lines that
/// fold, long keys) together with what CPython printed for them: PyYAML 6.0.3 `yaml.dump`
/// (indent 2, and the `ray list` indent-4 list document), `json.dumps`, and tabulate 0.8.10
/// (`plain`, `showindex=True`, `floatfmt=".3f"`, wide-character mode off; dict cells dumped with
/// `yaml.dump(indent=2)` as Ray does; no number-like strings in tables, where swiftray
/// deliberately differs). Values are encoded as tagged lists: `["n"]`, `["b", "true"]`,
/// `["i", "12"]`, `["f", "<repr>"]`, `["s", text]`, `["l", [...]]`, `["d", [[key, value], ...]]`.
struct PythonCorpusTests {
    static func decode(_ any: Any) -> StateValue {
        let a = any as! [Any]
        switch a[0] as! String {
        case "n": return .null
        case "b": return .bool((a[1] as! String) == "true")
        case "i": return .int(Int64(a[1] as! String)!)
        case "f": return .double(Double(a[1] as! String)!)
        case "s": return .string(a[1] as! String)
        case "l": return .list((a[1] as! [Any]).map(decode))
        default:
            return .dict((a[1] as! [Any]).map { p in
                let pair = p as! [Any]
                return (pair[0] as! String, decode(pair[1]))
            })
        }
    }

    static func cases() -> [[String: Any]] {
        let text = RenderFixture.text("render-python-corpus.json")
        guard let data = text.data(using: .utf8),
              let cases = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return cases
    }

    @Test func corpusMatchesPython() {
        let cases = Self.cases()
        #expect(cases.count == 160)
        var failures = 0
        for (i, c) in cases.enumerated() {
            let expected = c["expected"] as! String
            let got: String
            switch c["mode"] as! String {
            case "yaml2": got = YAMLRenderer.dump(Self.decode(c["input"]!))
            case "yaml4": got = YAMLRenderer.listDocument((c["input"] as! [Any]).map(Self.decode))
            case "json": got = JSONRenderer.dumps(Self.decode(c["input"]!))
            default:
                let rows = (c["input"] as! [Any]).map { ($0 as! [Any]).map(Self.decode) }
                got = TableRenderer.render(headers: c["headers"] as! [String], rows: rows)
            }
            if got != expected {
                failures += 1
                if failures <= 3 { #expect(got == expected, "case \(i) (\(c["mode"]!))") }
            }
        }
        #expect(failures == 0)
    }
}

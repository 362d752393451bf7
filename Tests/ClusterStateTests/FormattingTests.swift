import ClusterState
import Testing

@Suite("PythonFloat.repr")
struct PythonFloatTests {
    /// Pairs of (value, Python 3 `repr(value)`), taken from a real interpreter.
    static let table: [(Double, String)] = [
        (0.1, "0.1"), (1.0, "1.0"), (1e-05, "1e-05"), (0.0001, "0.0001"), (1e16, "1e+16"),
        (1234567890123456.0, "1234567890123456.0"), (1e22, "1e+22"), (5e-324, "5e-324"),
        (0.30000000000000004, "0.30000000000000004"), (100.0, "100.0"), (2.5e-07, "2.5e-07"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (9999999999999998.0, "9999999999999998.0"),
        (123456789012345678.0, "1.2345678901234568e+17"), (0.001, "0.001"), (1.5, "1.5"), (-2.5, "-2.5"),
        (0.00015, "0.00015"), (1e15, "1000000000000000.0"), (12345.678, "12345.678"),
        (2.2250738585072014e-308, "2.2250738585072014e-308"), (1.0 / 3.0, "0.3333333333333333"),
        (0.00011, "0.00011"), (1e100, "1e+100"), (123.0, "123.0"), (1e-07, "1e-07"), (3e-05, "3e-05"),
        (0.3, "0.3"), (-1e-05, "-1e-05"), (-1e16, "-1e+16"), (1.5e16, "1.5e+16"), (2.0, "2.0"),
        (10.0, "10.0"), (0.5, "0.5"), (100e12, "100000000000000.0"), (1e-4 * 3, "0.00030000000000000003"),
    ]

    @Test("matches Python's repr", arguments: table)
    func matchesPython(value: Double, expected: String) {
        #expect(PythonFloat.repr(value) == expected)
    }

    @Test("special values")
    func specials() {
        #expect(PythonFloat.repr(-0.0) == "-0.0")
        #expect(PythonFloat.repr(0.0) == "0.0")
        #expect(PythonFloat.repr(.nan) == "nan")
        #expect(PythonFloat.repr(.infinity) == "inf")
        #expect(PythonFloat.repr(-.infinity) == "-inf")
        #expect(PythonFloat.repr(0.1 + 0.2) == "0.30000000000000004")
    }

    @Test("reads back to the same double", arguments: [0.1, 1e-05, 1e16, 5e-324, 123456.789, 2.5e-07, 1e-300])
    func roundTrips(value: Double) {
        #expect(Double(PythonFloat.repr(value)) == value)
    }
}

@Suite("PythonString.repr")
struct PythonStringTests {
    /// Pairs of (string, Python 3 `repr(string)`).
    static let table: [(String, String)] = [
        ("abc", "'abc'"), ("", "''"), ("it's", "\"it's\""), ("say \"hi\"", "'say \"hi\"'"),
        ("both ' and \"", "'both \\' and \"'"), ("a\\b", "'a\\\\b'"), ("tab\there", "'tab\\there'"),
        ("nl\n", "'nl\\n'"), ("cr\r", "'cr\\r'"), ("\u{00}", "'\\x00'"), ("\u{1f}", "'\\x1f'"),
        ("\u{7f}", "'\\x7f'"), ("\u{80}", "'\\x80'"), ("\u{9f}", "'\\x9f'"), ("é", "'é'"), ("日本", "'日本'"),
        ("😀", "'😀'"), ("node:127.0.0.1", "'node:127.0.0.1'"), ("CPU_group_0_abc", "'CPU_group_0_abc'"),
        ("\u{1b}[0m", "'\\x1b[0m'"),
    ]

    @Test("matches Python's repr", arguments: table)
    func matchesPython(s: String, expected: String) {
        #expect(PythonString.repr(s) == expected)
    }

    /// Python escapes every non-printable code point (categories Z* other than space, C*), not
    /// only the C0/C1 controls: `repr('\xa0') == "'\\xa0'"`, `repr('\u200b') == "'\\u200b'"`.
    static let nonPrintable: [(String, String)] = [
        ("\u{a0}", "'\\xa0'"), ("\u{ad}", "'\\xad'"), ("\u{2028}", "'\\u2028'"), ("\u{200b}", "'\\u200b'"),
    ]

    @Test("escapes non-printable non-ASCII code points like Python", arguments: nonPrintable)
    func nonPrintableUnicode(s: String, expected: String) {
        #expect(PythonString.repr(s) == expected)
    }
}

@Suite("PythonOrder")
struct PythonOrderTests {
    @Test("code point order: upper case before lower case")
    func codePoints() {
        let names = ["memory", "CPU", "object_store_memory", "GPU", "node:127.0.0.1", "_x", "Zed", "a", "é", "e"]
        #expect(names.sorted(by: PythonOrder.less)
                == ["CPU", "GPU", "Zed", "_x", "a", "e", "memory", "node:127.0.0.1", "object_store_memory", "é"])
        #expect(!PythonOrder.less("a", "a"))
        #expect(PythonOrder.less("a", "ab"))
    }

    @Test("compares code points, not Swift's canonical-equivalence order")
    func precomposed() {
        // U+00E9 (é) vs U+0065 U+0301 (e + combining acute): Python compares code points.
        #expect(PythonOrder.less("e\u{301}", "\u{e9}"))
        #expect(!PythonOrder.less("\u{e9}", "e\u{301}"))
    }
}

import Testing
import Script

// Generated from CPython 3.11 output; the expected text is what CPython printed.
@Suite struct SetOrderConformanceTests {
    static let cases: [ConformanceCase] = [
        ConformanceCase("print({3, 1, 2}, {5, 0, 7, 2}, {x % 4 for x in range(10)}, set([9, 3, 6]), {1, 2} | {0})\n", "{1, 2, 3} {0, 2, 5, 7} {0, 1, 2, 3} {9, 3, 6} {0, 1, 2}\n", ""),
        ConformanceCase("s = {10, 2, 7, 4, 1, 9}\nprint(s, sorted(s), list(s), frozenset({2, 1}))\n", "{1, 2, 4, 7, 9, 10} [1, 2, 4, 7, 9, 10] [1, 2, 4, 7, 9, 10] frozenset({1, 2})\n", ""),
        ConformanceCase("print({True, 2}, {0, False}, set(range(5)), set())\n", "{True, 2} {0} {0, 1, 2, 3, 4} set()\n", ""),
    ]

    @Test(arguments: cases)
    func matchesCPython(_ c: ConformanceCase) {
        c.check()
    }
}

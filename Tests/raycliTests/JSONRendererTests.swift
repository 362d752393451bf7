import Testing
@testable import raycli

/// Golden tests for `JSONRenderer` (Python `json.dumps` defaults; expected texts from CPython 3.11).
struct JSONRendererTests {
    @Test func pythonDefaults() {
        let v: StateValue = [[
            "job_id": "01000000", "pid": 8795, "ok": true, "none": nil,
            "f": [1.0, 0.1, 1e17, .double(.nan), .double(.infinity)],
            "u": "héllo 日本 😀 \u{7f} \u{01} \"q\" \\ \n\t\r\u{08}\u{0C}", "d": [:],
        ]]
        #expect(JSONRenderer.dumps(v) == #"[{"job_id": "01000000", "pid": 8795, "ok": true, "none": null, "f": [1.0, 0.1, 1e+17, NaN, Infinity], "u": "h\u00e9llo \u65e5\u672c \ud83d\ude00 \u007f \u0001 \"q\" \\ \n\t\r\b\f", "d": {}}]"#)
    }

    @Test func emptyCollectionsAndNegativeNumbers() {
        #expect(JSONRenderer.dumps([]) == "[]")
        #expect(JSONRenderer.dumps([:]) == "{}")
        #expect(JSONRenderer.dumps([-1, -0.5, .double(-.infinity), 1e-05]) == "[-1, -0.5, -Infinity, 1e-05]")
    }
}

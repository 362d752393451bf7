/// Python's default string ordering: by Unicode code point (uppercase before lowercase).
public enum PythonOrder {
    /// True when `a` sorts before `b` under Python's `sorted()` for `str`.
    public static func less(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}

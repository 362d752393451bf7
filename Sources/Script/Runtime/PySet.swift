/// A mutable Python set. Iteration follows insertion order (deterministic, though CPython's
/// order is hash-based).
final class PySet {
    var storage: PyDict
    let frozen: Bool
    init(frozen: Bool = false) { storage = PyDict(); self.frozen = frozen }
    var elements: [Value] { storage.keys }
    var count: Int { storage.count }
}

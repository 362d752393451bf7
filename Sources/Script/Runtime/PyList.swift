/// A mutable Python list (reference semantics).
final class PyList {
    var items: [Value]
    init(_ items: [Value] = []) { self.items = items }
    deinit { Trashcan.dispose(&items) }
}

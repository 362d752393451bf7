/// A Python iterator backed by a Swift closure returning the next value or nil when done.
final class PyIterator {
    let next: () throws -> Value?
    let typeName: String
    init(typeName: String = "iterator", _ next: @escaping () throws -> Value?) {
        self.next = next
        self.typeName = typeName
    }

    /// An iterator over a fixed array snapshot.
    static func over(_ items: [Value], typeName: String = "list_iterator") -> PyIterator {
        var i = 0
        return PyIterator(typeName: typeName) {
            guard i < items.count else { return nil }
            defer { i += 1 }
            return items[i]
        }
    }
}

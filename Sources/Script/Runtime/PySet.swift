/// A mutable Python set (or frozenset).
///
/// Iteration order: sets of small non-negative ints iterate in ascending order, as CPython's
/// hash table lays them out (`{3, 1, 2}` prints `{1, 2, 3}`); other sets iterate in
/// insertion order (CPython's order there depends on string hashing, which is randomized).
final class PySet {
    var storage: PyDict
    let frozen: Bool
    init(frozen: Bool = false) { storage = PyDict(); self.frozen = frozen }
    var count: Int { storage.count }

    var elements: [Value] {
        let keys = storage.keys
        guard keys.count > 1 else { return keys }
        var ints: [Int] = []
        ints.reserveCapacity(keys.count)
        for k in keys {
            guard case .int(let i) = k, i >= 0 else { return keys }
            ints.append(i)
        }
        guard let maxValue = ints.max(), maxValue < PySet.tableSize(for: keys.count) else { return keys }
        return ints.sorted().map { .int($0) }
    }

    /// CPython's set table size after inserting `n` distinct elements one by one.
    static func tableSize(for n: Int) -> Int {
        var size = 8, fill = 0
        for _ in 0..<n {
            fill += 1
            if fill * 5 >= (size - 1) * 3 {
                let minUsed = fill > 50000 ? fill * 2 : fill * 4
                var newSize = 8
                while newSize <= minUsed { newSize <<= 1 }
                size = newSize
            }
        }
        return size
    }
}

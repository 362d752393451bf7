/// An insertion-ordered Python dict.
///
/// Guarantees: iteration order is insertion order; re-assigning an existing key keeps its
/// position; deleting and re-inserting moves the key to the end (as CPython does).
final class PyDict {
    private var slots: [(key: Value, value: Value)?] = []
    private var index: [HashKey: Int] = [:]
    private(set) var count = 0

    init() {}

    deinit {
        guard count > 0 else { return }
        var values: [Value] = []
        values.reserveCapacity(count * 2)
        for case let slot? in slots { values.append(slot.key); values.append(slot.value) }
        slots = []
        index = [:]
        Trashcan.dispose(&values)
    }

    func get(_ key: Value) -> Value? {
        guard let i = index[HashKey(value: key)] else { return nil }
        return slots[i]!.value
    }

    func set(_ key: Value, _ value: Value) {
        let k = HashKey(value: key)
        if let i = index[k] {
            slots[i]!.value = value
        } else {
            index[k] = slots.count
            slots.append((key, value))
            count += 1
        }
    }

    @discardableResult
    func remove(_ key: Value) -> Value? {
        guard let i = index.removeValue(forKey: HashKey(value: key)) else { return nil }
        let old = slots[i]!.value
        slots[i] = nil
        count -= 1
        if slots.count > 32 && count * 2 < slots.count { compact() }
        return old
    }

    func removeAll() { slots = []; index = [:]; count = 0 }

    private func compact() {
        let live = slots.compactMap { $0 }
        slots = live
        index = [:]
        for (i, e) in live.enumerated() { index[HashKey(value: e.key)] = i }
    }

    var entries: [(key: Value, value: Value)] { slots.compactMap { $0 } }
    var keys: [Value] { slots.compactMap { $0?.key } }
    var values: [Value] { slots.compactMap { $0?.value } }

    func copy() -> PyDict {
        let d = PyDict()
        for e in entries { d.set(e.key, e.value) }
        return d
    }

    /// Removes and returns the last inserted entry.
    func popLast() -> (key: Value, value: Value)? {
        guard let last = entries.last else { return nil }
        remove(last.key)
        return last
    }
}

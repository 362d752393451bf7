import Foundation

/// The GCS's internal KV (exported function definitions and whatever drivers store), held in
/// memory and mirrored from SQLite: loaded whole when the GCS starts, changed only after the
/// store's write has committed. Reads therefore cost no database round trip; the store stays
/// the record. Owned by the `GcsServer` actor.
struct GcsKVTable {
    private struct Key: Hashable {
        let namespace: String
        let key: Data
    }

    private var values: [Key: Data] = [:]

    /// The table holding `entries` (the store's rows, read at start-up).
    init(entries: [(namespace: String, key: [UInt8], value: [UInt8])] = []) {
        values.reserveCapacity(entries.count)
        for entry in entries {
            values[Key(namespace: entry.namespace, key: Data(entry.key))] = Data(entry.value)
        }
    }

    /// How many keys the table holds, over every namespace.
    var count: Int { values.count }

    /// The value stored under `key` in `namespace`, or nil.
    func value(namespace: String, key: Data) -> Data? {
        values[Key(namespace: namespace, key: key)]
    }

    /// Records `value` under `key` (the store already holds it).
    mutating func set(namespace: String, key: Data, value: Data) {
        values[Key(namespace: namespace, key: key)] = value
    }

    /// Forgets `key` (the store already deleted it).
    mutating func remove(namespace: String, key: Data) {
        values[Key(namespace: namespace, key: key)] = nil
    }
}

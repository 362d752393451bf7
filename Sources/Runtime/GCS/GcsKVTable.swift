import Foundation
import NIOConcurrencyHelpers
import StateStore

/// The GCS's internal KV (exported function definitions and whatever drivers store), held in
/// memory and mirrored from SQLite: loaded whole when the GCS starts; a put or a delete is
/// committed to the store first and applied to memory only when the commit succeeded, under
/// one lock, so memory and the database never disagree and a KV read costs no database round
/// trip. Thread-safe, so KV calls need not wait for the `GcsServer` actor, which owns it.
///
/// Keys and namespaces are compared as bytes, as SQLite compares them (Swift's `String`
/// equality would merge canonically equivalent spellings), and hashed whole (`Data` hashes
/// only its first 80 bytes, so long keys sharing a prefix would share a bucket).
final class GcsKVTable: Sendable {
    private struct Key: Hashable {
        let namespace: [UInt8]
        let key: [UInt8]

        init(_ namespace: String, _ key: Data) {
            self.namespace = Array(namespace.utf8)
            self.key = [UInt8](key)
        }
    }

    private let store: GcsStore
    private let values: NIOLockedValueBox<[Key: Data]>

    /// The table over `store`, holding `entries` (the store's rows, read at start-up).
    init(store: GcsStore, entries: [(namespace: String, key: [UInt8], value: [UInt8])]) {
        self.store = store
        var loaded: [Key: Data] = [:]
        loaded.reserveCapacity(entries.count)
        for entry in entries { loaded[Key(entry.namespace, Data(entry.key))] = Data(entry.value) }
        values = NIOLockedValueBox(loaded)
    }

    /// How many keys the table holds, over every namespace.
    var count: Int { values.withLockedValue { $0.count } }

    /// The value stored under `key` in `namespace`, or nil.
    func value(namespace: String, key: Data) -> Data? {
        values.withLockedValue { $0[Key(namespace, key)] }
    }

    /// Stores `value` under `key` unless the key exists and `overwrite` is false (then nothing
    /// is written); returns true when the key is new. Throws the store's error, memory unchanged.
    func put(namespace: String, key: Data, value: Data, overwrite: Bool) throws -> Bool {
        let k = Key(namespace, key)
        return try values.withLockedValue { values in
            let existed = values[k] != nil
            guard overwrite || !existed else { return false }
            try store.kvPut(namespace: namespace, key: k.key, value: [UInt8](value), overwrite: true)
            values[k] = value
            return !existed
        }
    }

    /// Deletes `key`; returns whether it existed (a missing key writes nothing). Throws the
    /// store's error, memory unchanged.
    func delete(namespace: String, key: Data) throws -> Bool {
        let k = Key(namespace, key)
        return try values.withLockedValue { values in
            guard values[k] != nil else { return false }
            try store.kvDelete(namespace: namespace, key: k.key)
            values[k] = nil
            return true
        }
    }
}

import ClusterState
import Foundation

/// This node's object store: one file per large object in `directory` (core workers on the node
/// write and memory-map them directly), with its size accounted against `capacity`
/// (`object_store_memory`). Copies pulled from other nodes are secondary and evicted first when
/// space runs out. Owned by the `Raylet` actor.
struct LocalObjectStore: Sendable {
    struct Entry: Sendable {
        var size: Int64
        /// The core worker that owns the object, for primary copies; nil for pulled copies.
        var owner: WorkerID?
    }

    let directory: String
    let capacity: Int64
    private(set) var used: Int64 = 0
    private(set) var entries: [ObjectID: Entry] = [:]

    init(directory: String, capacity: Int64) {
        self.directory = directory
        self.capacity = capacity
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func path(of id: ObjectID) -> String { directory + "/" + id.hex }

    func contains(_ id: ObjectID) -> Bool { entries[id] != nil }

    /// Accounts a file a core worker wrote. Evicts secondary copies if needed.
    /// - Returns: nil, or a full sentence saying why the object does not fit (the file is removed).
    mutating func seal(_ id: ObjectID, size: Int64, owner: WorkerID?) -> String? {
        if entries[id] != nil { return nil }
        if used + size > capacity { evictSecondary(needed: used + size - capacity) }
        guard used + size <= capacity else {
            unlink(path(of: id))
            return "ObjectStoreFullError: the object \(id.hex) of \(size) bytes does not fit in this node's object store (\(used) of \(capacity) bytes in use)."
        }
        entries[id] = Entry(size: size, owner: owner)
        used += size
        return nil
    }

    /// Deletes objects (their files and accounting).
    mutating func free(_ ids: [ObjectID]) {
        for id in ids {
            guard let e = entries.removeValue(forKey: id) else { continue }
            used -= e.size
            unlink(path(of: id))
        }
    }

    /// Deletes every primary copy owned by `owner` (it exited: its objects fate-share with it).
    mutating func freeOwnedBy(_ owner: WorkerID) {
        free(entries.filter { $0.value.owner == owner }.map(\.key))
    }

    private mutating func evictSecondary(needed: Int64) {
        var freed: Int64 = 0
        for (id, e) in entries where e.owner == nil && freed < needed {
            freed += e.size
            free([id])
        }
    }

    /// Removes the directory and everything in it (raylet shutdown).
    mutating func removeAll() {
        entries = [:]
        used = 0
        try? FileManager.default.removeItem(atPath: directory)
    }
}

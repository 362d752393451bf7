import ClusterState
import Foundation
import GRDB
import SwiftProtobuf

/// The GCS's durable tables in one SQLite database (WAL mode). Owned by the GCS process, the
/// only process that opens the file. Every method is one named transaction: when it returns
/// the change is on disk, so the GCS may acknowledge it.
///
/// Rows keep a few indexed columns plus the record as a serialized protobuf message. Dead nodes
/// and finished jobs are kept (they are listed) up to `retention` rows each, oldest dropped first.
public final class GcsStore: Sendable {
    private let pool: DatabasePool
    public let path: String
    public let retention: Int
    private let terminalRows = TerminalRowCounts()

    /// The tables whose rows end in a terminal state, with that state; kept up to `retention` each.
    private static let terminalStates = ["node": "DEAD", "placement_group": "REMOVED", "actor": "DEAD"]

    /// Opens (creating if needed) the database at `path` and migrates it.
    public init(path: String, retention: Int = 10_000) throws(StateStoreError) {
        self.path = path
        self.retention = retention
        do {
            var config = Configuration()
            config.label = "gcs"
            config.busyMode = .timeout(5)
            // WAL + NORMAL: a commit is in the WAL before it returns, so a killed GCS loses
            // nothing it acknowledged; only an OS crash can lose the last transactions.
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            pool = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(pool)
            try pool.read { db in
                for (table, state) in Self.terminalStates {
                    terminalRows[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE state = ?", arguments: [state]) ?? 0
                }
            }
        } catch {
            throw .cannotOpen(path: path, reason: Self.describe(error) + Self.diagnose(path: path))
        }
    }

    /// Why SQLite could not open or write `path`, when the file system says so: a read-only
    /// mount, a missing directory, missing permissions or a full disk ("" when nothing is wrong).
    static func diagnose(path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return " The directory \(directory) does not exist."
        }
        let target = FileManager.default.fileExists(atPath: path) ? path : directory
        if access(target, W_OK) != 0 {
            switch errno {
            case EROFS: return " The file system holding \(target) is mounted read-only."
            case EACCES, EPERM: return " \(target) is not writable by this user."
            default: return " \(target) is not writable: \(String(cString: strerror(errno)))."
            }
        }
        var stats = statvfs()
        if statvfs(directory, &stats) == 0, stats.f_bavail == 0 {
            return " The file system holding \(directory) is full."
        }
        return ""
    }

    private static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE node (
                    node_id TEXT PRIMARY KEY NOT NULL,
                    seq INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    data BLOB NOT NULL);
                CREATE TABLE job (
                    job_id TEXT PRIMARY KEY NOT NULL,
                    counter INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    data BLOB NOT NULL);
                CREATE TABLE kv (
                    namespace TEXT NOT NULL,
                    key BLOB NOT NULL,
                    value BLOB NOT NULL,
                    PRIMARY KEY (namespace, key));
                CREATE TABLE meta (
                    name TEXT PRIMARY KEY NOT NULL,
                    value INTEGER NOT NULL);
                """)
        }
        m.registerMigration("v2-placement-groups") { db in
            try db.execute(sql: """
                CREATE TABLE placement_group (
                    placement_group_id TEXT PRIMARY KEY NOT NULL,
                    seq INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    data BLOB NOT NULL);
                """)
        }
        m.registerMigration("v3-actors") { db in
            try db.execute(sql: """
                CREATE TABLE actor (
                    actor_id TEXT PRIMARY KEY NOT NULL,
                    seq INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    data BLOB NOT NULL);
                """)
        }
        m.registerMigration("v4-indexes") { db in
            // Creation order (`MAX(seq)` for a new row) and the oldest terminal rows (trimming)
            // come from indexes, so a write costs the same however many rows a table keeps.
            for table in ["node", "placement_group", "actor"] {
                try db.execute(sql: """
                    CREATE INDEX \(table)_seq ON \(table) (seq);
                    CREATE INDEX \(table)_state_seq ON \(table) (state, seq);
                    """)
            }
        }
        return m
    }

    // MARK: actors

    /// Inserts or replaces an actor row (every state change); dead rows beyond the retention
    /// cap are dropped oldest first.
    public func saveActor(_ actor: Swiftray_ActorRecord) throws(StateStoreError) {
        let key = actor.actorID.map { String(format: "%02x", $0) }.joined()
        let data = try Self.encode(actor, what: "actor \(key)")
        try save("save actor \(key)", table: "actor", keyColumn: "actor_id", key: key, state: actor.state,
                 data: data)
    }

    // MARK: placement groups

    /// Inserts or replaces a placement group row (every state change).
    public func savePlacementGroup(_ group: PlacementGroupInfo) throws(StateStoreError) {
        let data = try Self.encode(group.record, what: "placement group \(group.id)")
        try save("save placement group \(group.id)", table: "placement_group", keyColumn: "placement_group_id",
                 key: group.id.hex, state: group.state.rawValue, data: data)
    }

    // MARK: nodes

    /// Inserts or replaces a node row (registration or any state change).
    public func saveNode(_ node: NodeInfo) throws(StateStoreError) {
        let data = try Self.encode(node.record, what: "node \(node.nodeID)")
        try save("save node \(node.nodeID)", table: "node", keyColumn: "node_id", key: node.nodeID.hex,
                 state: node.state.rawValue, data: data)
    }

    // MARK: jobs

    /// Hands out the next job counter and stores the job built from it, atomically.
    public func addJob(_ make: @Sendable (JobID) -> JobInfo) throws(StateStoreError) -> JobInfo {
        try write("add a job") { db in
            let last = try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE name = 'job_counter'") ?? 0
            guard last < Int64(UInt32.max) else {
                throw StateStoreError.writeFailed(operation: "add a job", reason: "the job counter is exhausted.")
            }
            let counter = UInt32(last + 1)
            let job = make(JobID(counter: counter))
            try db.execute(sql: "INSERT OR REPLACE INTO meta (name, value) VALUES ('job_counter', ?)", arguments: [Int64(counter)])
            try db.execute(sql: "INSERT INTO job (job_id, counter, status, data) VALUES (?, ?, ?, ?)",
                           arguments: [job.jobID.hex, Int64(counter), job.status.rawValue,
                                       try Self.encode(job.record, what: "job \(job.jobID)")])
            return job
        }
    }

    /// Replaces a job row (e.g. when the job ends).
    public func saveJob(_ job: JobInfo) throws(StateStoreError) {
        let data = try Self.encode(job.record, what: "job \(job.jobID)")
        try write("save job \(job.jobID)") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO job (job_id, counter, status, data) VALUES (?, ?, ?, ?)",
                           arguments: [job.jobID.hex, Int64(job.jobID.counter), job.status.rawValue, data])
            if job.status.isTerminal { try Self.trimJobs(db, keep: self.retention) }
        }
    }

    // MARK: internal KV

    /// Stores `value` under `key`; with `overwrite == false` an existing value is kept.
    /// Returns true when a new key was added.
    @discardableResult
    public func kvPut(namespace: String, key: [UInt8], value: [UInt8], overwrite: Bool) throws(StateStoreError) -> Bool {
        try write("store a KV entry") { db in
            let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM kv WHERE namespace = ? AND key = ?",
                                           arguments: [namespace, Data(key)]) ?? false
            if exists && !overwrite { return false }
            try db.execute(sql: "INSERT OR REPLACE INTO kv (namespace, key, value) VALUES (?, ?, ?)",
                           arguments: [namespace, Data(key), Data(value)])
            return !exists
        }
    }

    /// The value under `key`, or nil.
    public func kvGet(namespace: String, key: [UInt8]) throws(StateStoreError) -> [UInt8]? {
        try read("read a KV entry") { db in
            try Data.fetchOne(db, sql: "SELECT value FROM kv WHERE namespace = ? AND key = ?",
                              arguments: [namespace, Data(key)]).map { [UInt8]($0) }
        }
    }

    /// Deletes `key`; returns true when it existed.
    @discardableResult
    public func kvDelete(namespace: String, key: [UInt8]) throws(StateStoreError) -> Bool {
        try write("delete a KV entry") { db in
            try db.execute(sql: "DELETE FROM kv WHERE namespace = ? AND key = ?", arguments: [namespace, Data(key)])
            return db.changesCount > 0
        }
    }

    // MARK: recovery

    /// Reads every table back (GCS start-up).
    public func loadSnapshot() throws(StateStoreError) -> GcsSnapshot {
        let rows: ([Row], [Row], Int64, [Row], [Row], [Row]) = try read("load its tables") { db in
            (try Row.fetchAll(db, sql: "SELECT node_id, data FROM node ORDER BY seq"),
             try Row.fetchAll(db, sql: "SELECT job_id, data FROM job ORDER BY counter"),
             try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE name = 'job_counter'") ?? 0,
             try Row.fetchAll(db, sql: "SELECT placement_group_id, data FROM placement_group ORDER BY seq"),
             try Row.fetchAll(db, sql: "SELECT actor_id, data FROM actor ORDER BY seq"),
             try Row.fetchAll(db, sql: "SELECT namespace, key, value FROM kv"))
        }
        var snapshot = GcsSnapshot(lastJobCounter: UInt32(clamping: rows.2))
        for row in rows.0 {
            let key: String = row["node_id"]
            let message: Swiftray_NodeRecord = try Self.decode(row["data"], table: "node", key: key)
            do { snapshot.nodes.append(try NodeInfo(record: message)) } catch {
                throw .corruptRow(table: "node", key: key, reason: error.description)
            }
        }
        for row in rows.1 {
            let key: String = row["job_id"]
            let message: Swiftray_JobRecord = try Self.decode(row["data"], table: "job", key: key)
            do { snapshot.jobs.append(try JobInfo(record: message)) } catch {
                throw .corruptRow(table: "job", key: key, reason: error.description)
            }
        }
        for row in rows.3 {
            let key: String = row["placement_group_id"]
            let message: Swiftray_PlacementGroupRecord = try Self.decode(row["data"], table: "placement_group", key: key)
            do { snapshot.placementGroups.append(try PlacementGroupInfo(record: message)) } catch {
                throw .corruptRow(table: "placement_group", key: key, reason: error.description)
            }
        }
        for row in rows.4 {
            let key: String = row["actor_id"]
            let message: Swiftray_ActorRecord = try Self.decode(row["data"], table: "actor", key: key)
            guard ActorInfo(record: message) != nil else {
                throw .corruptRow(table: "actor", key: key, reason: "its ids or state are malformed.")
            }
            snapshot.actors.append(message)
        }
        snapshot.kv = rows.5.map { row in
            let key: Data = row["key"], value: Data = row["value"]
            return (namespace: row["namespace"], key: [UInt8](key), value: [UInt8](value))
        }
        return snapshot
    }

    // MARK: helpers

    private func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(StateStoreError) -> T {
        do {
            return try pool.write { db in try body(db) }
        } catch let e as StateStoreError {
            throw e
        } catch {
            throw .writeFailed(operation: operation, reason: Self.describe(error) + Self.diagnose(path: path))
        }
    }

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StateStoreError) -> T {
        do {
            return try pool.read { db in try body(db) }
        } catch {
            throw .readFailed(operation: operation, reason: Self.describe(error))
        }
    }

    /// Inserts a row of a `(<key>, seq, state, data)` table, or updates its state and data in
    /// place (keeping its `seq`, the creation order) when it exists, in one transaction that also
    /// drops the oldest terminal rows (`terminalStates`) beyond `retention`. Statements are
    /// prepared once per connection.
    private func save(_ operation: String, table: String, keyColumn: String, key: String, state: String,
                      data: Data) throws(StateStoreError) {
        let terminal = Self.terminalStates[table] ?? ""
        let counted = terminalRows[table]
        let after: Int = try write(operation) { db in
            let previous = try Row.fetchOne(db.cachedStatement(sql: "SELECT state FROM \(table) WHERE \(keyColumn) = ?"),
                                            arguments: [key])
            if previous != nil {
                // In place: the key and creation-order indexes are left alone, so a state change
                // writes about half the pages a delete and re-insert would.
                try db.cachedStatement(sql: "UPDATE \(table) SET state = ?, data = ? WHERE \(keyColumn) = ?")
                    .execute(arguments: [state, data, key])
            } else {
                let seq = (try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(seq) FROM \(table)")) ?? 0) + 1
                try db.cachedStatement(sql: "INSERT INTO \(table) (\(keyColumn), seq, state, data) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [key, seq, state, data])
            }
            let was: String? = previous?["state"]
            var count = counted + (state == terminal ? 1 : 0) - (was == terminal ? 1 : 0)
            if count > retention {
                try db.cachedStatement(sql: """
                    DELETE FROM \(table) WHERE rowid IN (
                        SELECT rowid FROM \(table) WHERE state = ? ORDER BY seq LIMIT ?)
                    """).execute(arguments: [terminal, count - retention])
                count = retention
            }
            return count
        }
        terminalRows[table] = after
    }

    /// Drops the oldest ended jobs beyond `keep` (jobs end far less often than groups or
    /// actors change, so counting them here is cheap).
    private static func trimJobs(_ db: Database, keep: Int) throws {
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM job WHERE status != 'RUNNING'") ?? 0
        guard count > keep else { return }
        try db.execute(sql: """
            DELETE FROM job WHERE rowid IN (
                SELECT rowid FROM job WHERE status != 'RUNNING' ORDER BY counter LIMIT ?)
            """, arguments: [count - keep])
    }

    private static func encode(_ message: some SwiftProtobuf.Message, what: String) throws(StateStoreError) -> Data {
        do { return try message.serializedData() } catch {
            throw .writeFailed(operation: "encode \(what)", reason: describe(error))
        }
    }

    private static func decode<M: SwiftProtobuf.Message>(_ data: Data, table: String, key: String) throws(StateStoreError) -> M {
        do { return try M(serializedBytes: data, options: WireDecoding.options) } catch {
            throw .corruptRow(table: table, key: key, reason: describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let db = error as? DatabaseError {
            let text = db.message ?? "\(db.resultCode)"
            return text.hasSuffix(".") ? text : text + "."
        }
        let text = "\(error)"
        return text.hasSuffix(".") ? text : text + "."
    }
}

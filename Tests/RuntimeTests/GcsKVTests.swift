import ClusterState
import Foundation
import GRDB
import Logging
@testable import Runtime
import StateStore
import Testing

/// The GCS's internal KV calls, answered from memory: Ray's put/get/delete semantics, and what
/// was acknowledged is what a GCS restarted on the same database answers.
@Suite("GCS internal KV")
struct GcsKVTests {
    static let connection = RpcConnection(id: 1, remoteAddress: "test")

    static func put(_ gcs: GcsServer, _ namespace: String, _ key: String, _ value: String, overwrite: Bool) async throws -> Bool {
        var request = Swiftray_KVPutRequest()
        request.namespace = namespace
        request.key = Data(key.utf8)
        request.value = Data(value.utf8)
        request.overwrite = overwrite
        let reply = try await gcs.handle(method: "gcs.KVPut", payload: request.serializedData(), connection: connection)
        return try Swiftray_KVPutReply(serializedBytes: reply).added
    }

    static func get(_ gcs: GcsServer, _ namespace: String, _ key: String) async throws -> String? {
        var request = Swiftray_KVGetRequest()
        request.namespace = namespace
        request.key = Data(key.utf8)
        let reply = try Swiftray_KVGetReply(serializedBytes: try await gcs.handle(method: "gcs.KVGet", payload: request.serializedData(),
                                                                                  connection: connection))
        return reply.found ? String(decoding: reply.value, as: UTF8.self) : nil
    }

    static func delete(_ gcs: GcsServer, _ namespace: String, _ key: String) async throws -> Bool {
        var request = Swiftray_KVDeleteRequest()
        request.namespace = namespace
        request.key = Data(key.utf8)
        let reply = try await gcs.handle(method: "gcs.KVDelete", payload: request.serializedData(), connection: connection)
        return try Swiftray_KVDeleteReply(serializedBytes: reply).deleted
    }

    @Test("put, get and delete as Ray's internal KV does; a restarted GCS answers what was acknowledged")
    func semanticsAndRestart() async throws {
        let (dir, path, config) = try GcsReconcileTests.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gcs = try GcsServer(config: config, logger: Logger(label: "test"))
        #expect(try await Self.get(gcs, "fun", "f") == nil)
        #expect(try await Self.put(gcs, "fun", "f", "one", overwrite: false), "a new key is added")
        #expect(try await !Self.put(gcs, "fun", "f", "two", overwrite: false), "without overwrite the value is kept")
        #expect(try await Self.get(gcs, "fun", "f") == "one")
        #expect(try await !Self.put(gcs, "fun", "f", "three", overwrite: true), "an overwrite is not an addition")
        #expect(try await Self.get(gcs, "fun", "f") == "three")
        #expect(try await Self.get(gcs, "other", "f") == nil, "namespaces are separate")
        #expect(try await Self.put(gcs, "fun", "gone", "x", overwrite: true))
        #expect(try await Self.delete(gcs, "fun", "gone"))
        #expect(try await !Self.delete(gcs, "fun", "gone"), "a missing key is not deleted")
        #expect(try await Self.get(gcs, "fun", "gone") == nil)
        // The store holds exactly what memory answers.
        let store = try GcsStore(path: path)
        #expect(try store.kvGet(namespace: "fun", key: Array("f".utf8)) == Array("three".utf8))
        #expect(try store.kvGet(namespace: "fun", key: Array("gone".utf8)) == nil)

        let restarted = try GcsServer(config: config, logger: Logger(label: "test"))
        #expect(try await Self.get(restarted, "fun", "f") == "three")
        #expect(try await Self.get(restarted, "fun", "gone") == nil)
        #expect(restarted.kv.count == 1)
    }

    @Test("a put or delete the database refuses fails with its error and changes nothing")
    func refusedWrites() async throws {
        let (dir, path, config) = try GcsReconcileTests.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gcs = try GcsServer(config: config, logger: Logger(label: "test"))
        #expect(try await Self.put(gcs, "fun", "kept", "one", overwrite: true))
        // Another connection to the file makes every later KV write fail.
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_insert BEFORE INSERT ON kv BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
                CREATE TRIGGER refuse_delete BEFORE DELETE ON kv BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
                """)
        }
        await #expect(throws: (any Error).self) { _ = try await Self.put(gcs, "fun", "new", "two", overwrite: true) }
        await #expect(throws: (any Error).self) { _ = try await Self.put(gcs, "fun", "kept", "three", overwrite: true) }
        await #expect(throws: (any Error).self) { _ = try await Self.delete(gcs, "fun", "kept") }
        #expect(try await Self.get(gcs, "fun", "new") == nil)
        #expect(try await Self.get(gcs, "fun", "kept") == "one")
        #expect(gcs.kv.count == 1)
        // A put that keeps the existing value writes nothing, so it is not refused.
        #expect(try await !Self.put(gcs, "fun", "kept", "four", overwrite: false))
    }

    @Test("keys and namespaces are compared as bytes, as SQLite compares them")
    func bytewiseKeys() async throws {
        let (dir, _, config) = try GcsReconcileTests.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gcs = try GcsServer(config: config, logger: Logger(label: "test"))
        // "é" precomposed and decomposed: equal as Swift strings, different bytes.
        #expect(try await Self.put(gcs, "caf\u{E9}", "k", "precomposed", overwrite: false))
        #expect(try await Self.put(gcs, "cafe\u{301}", "k", "decomposed", overwrite: false))
        #expect(try await Self.put(gcs, "n", "caf\u{E9}", "1", overwrite: false))
        #expect(try await Self.put(gcs, "n", "cafe\u{301}", "2", overwrite: false))
        let restarted = try GcsServer(config: config, logger: Logger(label: "test"))
        #expect(try await Self.get(restarted, "caf\u{E9}", "k") == "precomposed")
        #expect(try await Self.get(restarted, "cafe\u{301}", "k") == "decomposed")
        #expect(try await Self.get(restarted, "n", "cafe\u{301}") == "2")
        #expect(restarted.kv.count == 4)
    }
}

import ClusterState
import Foundation
import StateStore
import Testing

/// A unique temporary directory removed when the test ends.
final class TempDir {
    let path: String
    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/swiftray-store-test-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    var dbPath: String { path + "/gcs.sqlite" }
    deinit {
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }
}

private func node(_ seed: UInt64, ip: String = "127.0.0.1") -> NodeInfo {
    var g = SplitMix64(seed: seed)
    let total = ResourceSet(doubles: ["CPU": 2, "node:\(ip)": 1])
    return NodeInfo(nodeID: NodeID.random(using: &g), ip: ip, nodeManagerPort: Int(seed) + 1000, isHead: seed == 1,
                    nodeName: ip, resourcesTotal: total, resourcesAvailable: total, startTimeMs: Int64(seed))
}

private func job(_ id: JobID) -> JobInfo {
    JobInfo(jobID: id, namespace: "ns", entrypoint: "driver", driverPid: 7, driverIp: "127.0.0.1", startTimeMs: 1)
}

@Suite("GcsStore")
struct GcsStoreTests {
    @Test("a fresh database is empty")
    func fresh() throws {
        let dir = try TempDir()
        let store = try GcsStore(path: dir.dbPath)
        let snap = try store.loadSnapshot()
        #expect(snap.nodes.isEmpty)
        #expect(snap.jobs.isEmpty)
        #expect(snap.lastJobCounter == 0)
        #expect(store.path == dir.dbPath)
        #expect(store.retention == 10_000)
    }

    @Test("nodes load back in registration order, updates keep their place")
    func nodeOrder() throws {
        let dir = try TempDir()
        let store = try GcsStore(path: dir.dbPath)
        // ids deliberately not in hex order
        let nodes = [node(5), node(1), node(9), node(3)]
        for n in nodes { try store.saveNode(n) }
        var second = nodes[1]
        try second.markDead(reason: .expectedTermination, message: "bye", timeMs: 50)
        try store.saveNode(second)
        let snap = try store.loadSnapshot()
        #expect(snap.nodes.map(\.nodeID) == nodes.map(\.nodeID))
        #expect(snap.nodes[1] == second)
        #expect(snap.nodes[0] == nodes[0])
        #expect(snap.nodes[1].stateMessage == "Expected termination: bye")
    }

    @Test("job counter starts at 1 and survives reopening")
    func jobCounter() throws {
        let dir = try TempDir()
        do {
            let store = try GcsStore(path: dir.dbPath)
            #expect(try store.addJob { job($0) }.jobID.hex == "01000000")
            #expect(try store.addJob { job($0) }.jobID.hex == "02000000")
            #expect(try store.loadSnapshot().lastJobCounter == 2)
        }
        let reopened = try GcsStore(path: dir.dbPath)
        let snap = try reopened.loadSnapshot()
        #expect(snap.lastJobCounter == 2)
        #expect(snap.jobs.map(\.jobID.counter) == [1, 2])
        #expect(try reopened.addJob { job($0) }.jobID.counter == 3)
        #expect(try reopened.loadSnapshot().lastJobCounter == 3)
    }

    @Test("jobs load in counter order, not hex order")
    func jobOrder() throws {
        let dir = try TempDir()
        let store = try GcsStore(path: dir.dbPath)
        // counter 256 (00010000) sorts before counter 1 (01000000) in hex
        try store.saveJob(job(JobID(counter: 256)))
        try store.saveJob(job(JobID(counter: 1)))
        try store.saveJob(job(JobID(counter: 16)))
        #expect(try store.loadSnapshot().jobs.map(\.jobID.counter) == [1, 16, 256])
    }

    @Test("saveJob replaces the row")
    func saveJobUpdates() throws {
        let dir = try TempDir()
        let store = try GcsStore(path: dir.dbPath)
        var j = try store.addJob { job($0) }
        try j.finish(status: .failed, message: "boom", errorType: "DRIVER_FAILED", exitCode: 2, timeMs: 9)
        try store.saveJob(j)
        let snap = try store.loadSnapshot()
        #expect(snap.jobs == [j])
        #expect(snap.jobs[0].status == .failed)
        #expect(snap.jobs[0].driverExitCode == 2)
        #expect(snap.lastJobCounter == 1)
    }

    @Test("retention drops the oldest dead nodes, never alive ones")
    func nodeRetention() throws {
        let dir = try TempDir()
        let store = try GcsStore(path: dir.dbPath, retention: 2)
        let alive = [node(100), node(101), node(102)]
        for n in alive { try store.saveNode(n) }
        var dead: [NodeInfo] = []
        for seed in UInt64(1)...4 {
            var n = node(seed)
            try store.saveNode(n)
            try n.markDead(reason: .unexpectedTermination, message: "", timeMs: Int64(seed))
            try store.saveNode(n)
            dead.append(n)
        }
        let snap = try store.loadSnapshot()
        #expect(snap.nodes.filter { $0.state == .alive }.map(\.nodeID) == alive.map(\.nodeID))
        #expect(snap.nodes.filter { $0.state == .dead }.map(\.nodeID) == [dead[2].nodeID, dead[3].nodeID])
    }


    @Test("retention counts a row saved dead twice once, and keeps its count across reopening")
    func retentionCountsSurviveReopen() throws {
        let dir = try TempDir()
        var dead: [NodeInfo] = []
        do {
            let store = try GcsStore(path: dir.dbPath, retention: 3)
            for seed in UInt64(1)...3 {
                var n = node(seed)
                try n.markDead(reason: .unexpectedTermination, message: "", timeMs: Int64(seed))
                try store.saveNode(n)
                try store.saveNode(n)  // the same dead row again: still three dead rows
                dead.append(n)
            }
            #expect(try store.loadSnapshot().nodes.map(\.nodeID) == dead.map(\.nodeID))
        }
        // Reopened, the store knows it already holds three dead nodes: one more drops the oldest.
        let store = try GcsStore(path: dir.dbPath, retention: 3)
        var n = node(4)
        try store.saveNode(n)
        #expect(try store.loadSnapshot().nodes.count == 4)
        try n.markDead(reason: .unexpectedTermination, message: "", timeMs: 4)
        try store.saveNode(n)
        #expect(try store.loadSnapshot().nodes.map(\.nodeID) == [dead[1].nodeID, dead[2].nodeID, n.nodeID])
    }
    @Test("retention drops the oldest finished jobs, never running ones")
    func jobRetention() throws {
        let dir = try TempDir()
        let store = try GcsStore(path: dir.dbPath, retention: 2)
        var jobs: [JobInfo] = []
        for _ in 0..<6 { jobs.append(try store.addJob { job($0) }) }
        // finish 1, 2, 4, 5 (in that order); 3 and 6 stay running
        for i in [0, 1, 3, 4] {
            try jobs[i].finish(status: .succeeded, message: "", timeMs: 10)
            try store.saveJob(jobs[i])
        }
        let snap = try store.loadSnapshot()
        #expect(snap.jobs.map(\.jobID.counter) == [3, 4, 5, 6])
        #expect(snap.jobs.filter { $0.status == .running }.map(\.jobID.counter) == [3, 6])
        #expect(snap.lastJobCounter == 6)
    }

    @Test("internal KV")
    func kv() throws {
        let dir = try TempDir()
        let store = try GcsStore(path: dir.dbPath)
        let key: [UInt8] = Array("fn:abc".utf8)
        #expect(try store.kvGet(namespace: "fun", key: key) == nil)
        #expect(try store.kvPut(namespace: "fun", key: key, value: [1, 2, 3], overwrite: false))
        #expect(try store.kvGet(namespace: "fun", key: key) == [1, 2, 3])
        // overwrite = false keeps the old value
        #expect(try !store.kvPut(namespace: "fun", key: key, value: [9], overwrite: false))
        #expect(try store.kvGet(namespace: "fun", key: key) == [1, 2, 3])
        // overwrite = true replaces, but reports that the key was not new
        #expect(try !store.kvPut(namespace: "fun", key: key, value: [9], overwrite: true))
        #expect(try store.kvGet(namespace: "fun", key: key) == [9])
        // namespaces are separate
        #expect(try store.kvGet(namespace: "other", key: key) == nil)
        // binary keys and empty values
        #expect(try store.kvPut(namespace: "fun", key: [0, 255, 0], value: [], overwrite: true))
        #expect(try store.kvGet(namespace: "fun", key: [0, 255, 0]) == [])
        #expect(try store.kvDelete(namespace: "fun", key: key))
        #expect(try !store.kvDelete(namespace: "fun", key: key))
        #expect(try store.kvGet(namespace: "fun", key: key) == nil)
    }

    @Test("KV survives reopening, and the snapshot carries every entry")
    func kvPersists() throws {
        let dir = try TempDir()
        do {
            let store = try GcsStore(path: dir.dbPath)
            try store.kvPut(namespace: "n", key: [1], value: [2], overwrite: true)
            try store.kvPut(namespace: "m", key: [0, 255], value: [], overwrite: true)
            try store.kvPut(namespace: "n", key: [3], value: [4], overwrite: true)
            try store.kvDelete(namespace: "n", key: [3])
        }
        let reopened = try GcsStore(path: dir.dbPath)
        #expect(try reopened.kvGet(namespace: "n", key: [1]) == [2])
        let entries = try reopened.loadSnapshot().kv.map { "\($0.namespace) \($0.key) \($0.value)" }.sorted()
        #expect(entries == ["m [0, 255] []", "n [1] [2]"])
    }

    @Test("a corrupt file is refused with a message naming it")
    func corrupt() throws {
        let dir = try TempDir()
        var g = SplitMix64(seed: 77)
        let garbage = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &g) }
        try Data(garbage).write(to: URL(fileURLWithPath: dir.dbPath))
        do {
            _ = try GcsStore(path: dir.dbPath)
            Issue.record("a garbage file was opened as a database")
        } catch {
            guard case let .cannotOpen(path, reason) = error else {
                Issue.record("expected cannotOpen, got \(error)"); return
            }
            #expect(path == dir.dbPath)
            #expect(!reason.isEmpty)
            #expect(error.description.hasPrefix("Cannot open the GCS database at \(dir.dbPath): "))
            #expect(error.description.hasSuffix("."))
        }
    }

    @Test("a path under a regular file gives a clear error")
    func parentIsFile() throws {
        let dir = try TempDir()
        let file = dir.path + "/plain"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let path = file + "/gcs.sqlite"
        do {
            _ = try GcsStore(path: path)
            Issue.record("opened a database under a regular file")
        } catch {
            guard case .cannotOpen(path, _) = error else { Issue.record("got \(error)"); return }
            #expect(error.description.hasPrefix("Cannot open the GCS database at \(path): "))
        }
    }

    @Test("a read-only directory gives a clear error",
          .enabled(if: geteuid() != 0, "root ignores directory permissions"))
    func readOnlyDirectory() throws {
        let dir = try TempDir()
        #expect(chmod(dir.path, 0o555) == 0)
        defer { chmod(dir.path, 0o755) }
        do {
            _ = try GcsStore(path: dir.dbPath)
            Issue.record("created a database in a read-only directory")
        } catch {
            guard case .cannotOpen(dir.dbPath, _) = error else { Issue.record("got \(error)"); return }
            #expect(error.description.hasPrefix("Cannot open the GCS database at \(dir.dbPath): "))
        }
    }

    @Test("error descriptions are full sentences")
    func descriptions() {
        #expect(StateStoreError.writeFailed(operation: "add a job", reason: "disk full.").description
                == "The GCS database could not add a job: disk full.")
        #expect(StateStoreError.readFailed(operation: "load its tables", reason: "x.").description
                == "The GCS database could not load its tables: x.")
        #expect(StateStoreError.corruptRow(table: "node", key: "ab", reason: "bad.").description
                == "The GCS database has a corrupt row ab in table node: bad.")
    }
}

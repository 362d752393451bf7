import ClusterState
import Foundation
import Logging
@testable import Runtime
import StateStore
import Testing

/// A GCS started on a database that says what was placed where, then a raylet registering again
/// with what it really holds: the GCS gives back what it does not place there, reschedules what
/// the raylet lost, restarts an actor whose worker is gone and ends a worker it does not know.
@Suite("GCS reconciliation after a restart")
struct GcsReconcileTests {
    static let node = NodeID(uncheckedBytes: [UInt8](repeating: 7, count: 28))
    static let job = JobID(counter: 1)

    static func group(_ n: UInt8, state: PlacementGroupState) throws -> PlacementGroupInfo {
        let id = PlacementGroupID(uncheckedBytes: [UInt8](repeating: n, count: 14) + job.bytes)
        var cpu = ResourceSet()
        cpu["CPU"] = ResourceQuantity(units: 1)
        var g = PlacementGroupInfo(id: id, name: "g\(n)", namespace: "ns", strategy: .pack,
                                   bundles: [OrderedResources(keys: ["CPU"], set: cpu)], isDetached: true, receivedNs: 1)
        if state == .removed {
            g.markRemoved()
            return g
        }
        try g.recordAttempt(nowNs: 2)
        try g.markPrepared(nodes: [0: node])
        if state == .created { try g.markCreated(nowNs: 3) }
        return g
    }

    /// A fresh directory for one test's database, and a GCS configuration using it.
    static func session() throws -> (dir: String, path: String, config: GcsConfig) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/gcs.sqlite"
        return (dir, path, GcsConfig(host: "127.0.0.1", port: 0, sessionDir: dir, sessionName: "s", tempDir: dir,
                                     token: "t", databasePath: path))
    }

    static func held(_ g: PlacementGroupID) -> Swiftray_HeldBundle {
        var b = Swiftray_HeldBundle()
        b.placementGroupID = Data(g.bytes)
        b.index = 0
        b.committed = true
        return b
    }

    static func actor(_ n: UInt8, worker: UInt8, state: ActorState) -> Swiftray_ActorRecord {
        var r = Swiftray_ActorRecord()
        r.actorID = Data([UInt8](repeating: n, count: 12) + job.bytes)
        r.jobID = Data(job.bytes)
        r.state = state.rawValue
        r.maxRestarts = 1
        r.className = "A\(n)"
        if worker != 0 {  // only ALIVE records are stored with their worker's address
            r.address.workerID = Data(repeating: worker, count: 28)
            r.address.nodeID = Data(node.bytes)
        }
        r.owner.workerID = Data(WorkerID.driver(of: job).bytes)
        r.owner.nodeID = Data(repeating: 8, count: 28)  // the owner lives on another node
        return r
    }

    @Test("a re-registering raylet is told to give back unknown bundles and end unknown actor workers; lost bundles and dead actor workers are rescheduled")
    func reconcile() async throws {
        let (dir, path, config) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var total = ResourceSet()
        total["CPU"] = ResourceQuantity(units: 4)
        let kept = try Self.group(1, state: .created)
        let lost = try Self.group(2, state: .created)
        let removed = try Self.group(4, state: .removed)
        let prepared = try Self.group(5, state: .prepared)
        let unknown = PlacementGroupID(uncheckedBytes: [UInt8](repeating: 3, count: 14) + Self.job.bytes)
        do {
            let store = try GcsStore(path: path)
            try store.saveNode(NodeInfo(nodeID: Self.node, ip: "127.0.0.1", nodeManagerPort: 1, isHead: true, nodeName: "n",
                                        resourcesTotal: total, resourcesAvailable: total, startTimeMs: 1))
            for g in [kept, lost, removed, prepared] { try store.savePlacementGroup(g) }
            try store.saveActor(Self.actor(1, worker: 0x11, state: .alive))  // its worker is gone
            try store.saveActor(Self.actor(2, worker: 0x22, state: .alive))  // still running
            try store.saveActor(Self.actor(3, worker: 0, state: .pendingCreation))
        }
        let gcs = try GcsServer(config: config, logger: Logger(label: "test"))
        #expect(await gcs.recovery.gateOpen == false, "a GCS with ALIVE nodes waits for them")

        var request = Swiftray_RegisterNodeRequest()
        request.node = NodeInfo(nodeID: Self.node, ip: "127.0.0.1", nodeManagerPort: 1, isHead: true, nodeName: "n",
                                resourcesTotal: total, resourcesAvailable: total, startTimeMs: 0).record
        request.reconnecting = true
        var preparedHeld = Self.held(prepared.id)
        preparedHeld.committed = false
        request.bundles = [Self.held(kept.id), Self.held(unknown), Self.held(removed.id), preparedHeld]
        var running = Swiftray_HeldWorker()
        running.workerID = Data(repeating: 0x22, count: 28)
        running.actorID = Data([UInt8](repeating: 2, count: 12) + Self.job.bytes)
        var stray = Swiftray_HeldWorker()  // leased for actor 3, which the GCS never saw come up
        stray.workerID = Data(repeating: 0x44, count: 28)
        stray.actorID = Data([UInt8](repeating: 3, count: 12) + Self.job.bytes)
        request.workers = [running, stray]
        let payload = try await gcs.handle(method: "gcs.RegisterNode", payload: try request.serializedData(),
                                           connection: RpcConnection(id: 1, remoteAddress: "test"))
        let reply = try Swiftray_RegisterNodeReply(serializedBytes: payload)

        #expect(Set(reply.releaseBundles.map(\.placementGroupID)) == [Data(unknown.bytes), Data(removed.id.bytes)])
        #expect(reply.killWorkerIds == [stray.workerID])
        #expect(await gcs.recovery.gateOpen, "the only awaited node is back")
        let groups = await gcs.tables.groups
        #expect(groups[kept.id]?.state == .created)
        #expect(groups[lost.id]?.state == .rescheduling)
        #expect(groups[lost.id]?.bundles[0].nodeID == nil)
        let actors = await gcs.actorTable.records
        #expect(actors[ActorID(uncheckedBytes: [UInt8](repeating: 1, count: 12) + Self.job.bytes)]?.state
                    == ActorState.restarting.rawValue)
        #expect(actors[ActorID(uncheckedBytes: [UInt8](repeating: 2, count: 12) + Self.job.bytes)]?.state
                    == ActorState.alive.rawValue)
        #expect(actors[ActorID(uncheckedBytes: [UInt8](repeating: 3, count: 12) + Self.job.bytes)]?.numRestarts == 0,
                "a stray lease of an actor being placed is not a restart")
        // A group found PREPARED is committed once the gate opens; with no raylet answering here
        // the commit fails, and the group is rescheduled rather than left PREPARED.
        var preparedState = await gcs.tables.groups[prepared.id]?.state
        for _ in 0..<50 where preparedState == .prepared {
            try await Task.sleep(for: .milliseconds(100))
            preparedState = await gcs.tables.groups[prepared.id]?.state
        }
        #expect(preparedState == .rescheduling)
        // What was decided is on disk before it was answered.
        let reloaded = try GcsStore(path: path).loadSnapshot()
        #expect(reloaded.placementGroups.first { $0.id == lost.id }?.state == .rescheduling)
    }

    @Test("a live GCS does not reconcile a raylet that registers again after a blip: its snapshot may predate calls in flight")
    func liveGcsIgnoresSnapshot() async throws {
        let (dir, _, config) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gcs = try GcsServer(config: config, logger: Logger(label: "test"))
        #expect(await gcs.recovery.gateOpen, "a fresh database has nothing to wait for")
        var total = ResourceSet()
        total["CPU"] = ResourceQuantity(units: 4)
        var request = Swiftray_RegisterNodeRequest()
        request.node = NodeInfo(nodeID: Self.node, ip: "127.0.0.1", nodeManagerPort: 1, isHead: true, nodeName: "n",
                                resourcesTotal: total, resourcesAvailable: total, startTimeMs: 0).record
        let connection = RpcConnection(id: 1, remoteAddress: "test")
        _ = try await gcs.handle(method: "gcs.RegisterNode", payload: try request.serializedData(), connection: connection)
        request.reconnecting = true
        request.bundles = [Self.held(PlacementGroupID(uncheckedBytes: [UInt8](repeating: 3, count: 14) + Self.job.bytes))]
        var stray = Swiftray_HeldWorker()
        stray.workerID = Data(repeating: 0x44, count: 28)
        stray.actorID = Data([UInt8](repeating: 3, count: 12) + Self.job.bytes)
        request.workers = [stray]
        let payload = try await gcs.handle(method: "gcs.RegisterNode", payload: try request.serializedData(), connection: connection)
        let reply = try Swiftray_RegisterNodeReply(serializedBytes: payload)
        #expect(reply.releaseBundles.isEmpty && reply.killWorkerIds.isEmpty)
    }

    @Test("a ray.kill sent again to a restarted GCS (its answer was lost) is not carried out twice")
    func killSentAgain() async throws {
        let (dir, path, config) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let actor = Self.actor(1, worker: 0x11, state: .alive)
        let id = ActorID(uncheckedBytes: [UInt8](actor.actorID))
        do { try GcsStore(path: path).saveActor(actor) }
        func kill(_ gcs: GcsServer, _ killID: UInt8) async throws {
            var request = Swiftray_KillActorRequest()
            request.actorID = actor.actorID
            request.killID = Data(repeating: killID, count: 16)
            _ = try await gcs.handle(method: "gcs.KillActor", payload: try request.serializedData(),
                                     connection: RpcConnection(id: 1, remoteAddress: "test"))
        }
        let first = try GcsServer(config: config, logger: Logger(label: "test"))
        try await kill(first, 1)
        #expect(await first.actorTable.killRequested.contains(id))
        let restarted = try GcsServer(config: config, logger: Logger(label: "test"))
        try await kill(restarted, 1)
        #expect(await !restarted.actorTable.killRequested.contains(id), "the same kill was carried out again")
        try await kill(restarted, 2)
        #expect(await restarted.actorTable.killRequested.contains(id), "a new kill is carried out")
    }
}

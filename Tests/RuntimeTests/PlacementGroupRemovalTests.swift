import ClusterState
import Foundation
import Logging
@testable import Runtime
import Testing

/// The GCS's placement-group calls against a scripted raylet that can hold its answers: a
/// removal is answered before the raylet's cancel, the next reservation on that node waits for
/// the cancel's answer, and a report older than an answered bundle call does not overwrite the
/// GCS's view.
@Suite("Placement-group removal ordering", .serialized)
struct PlacementGroupRemovalTests {
    /// A raylet that answers every bundle call ok, counting its bundle version, and holds the
    /// answers to the methods in `holding` until they are released.
    actor ScriptedRaylet: RpcService {
        private(set) var received: [String] = []
        private(set) var version: UInt64 = 0
        private var holding: Set<String>
        private var held: [String: [CheckedContinuation<Void, Never>]] = [:]

        init(holding: Set<String> = ["raylet.CancelBundles"]) { self.holding = holding }

        func handle(method: String, payload: Data, connection: RpcConnection) async throws -> Data {
            received.append(method)
            if holding.contains(method) {
                await withCheckedContinuation { held[method, default: []].append($0) }
            }
            version += 1
            var reply = Swiftray_BundleReservationReply()
            reply.ok = true
            reply.bundleVersion = version
            return try reply.serializedData()
        }

        func connectionClosed(_ connection: RpcConnection) async {}

        func release(_ method: String) {
            holding.remove(method)
            for c in held.removeValue(forKey: method) ?? [] { c.resume() }
        }

        func releaseCancels() { release("raylet.CancelBundles") }
    }

    let node = NodeID(uncheckedBytes: [UInt8](repeating: 7, count: 28))
    let job = JobID(counter: 1)

    func call(_ gcs: GcsServer, _ method: String, _ payload: Data) async throws {
        _ = try await gcs.handle(method: method, payload: payload, connection: RpcConnection(id: 1, remoteAddress: "test"))
    }

    func create(_ gcs: GcsServer, _ n: UInt8) async throws -> PlacementGroupID {
        let id = PlacementGroupID(uncheckedBytes: [UInt8](repeating: n, count: 14) + job.bytes)
        var request = Swiftray_CreatePlacementGroupRequest()
        request.jobID = Data(job.bytes)
        request.strategy = "PACK"
        request.placementGroupID = Data(id.bytes)
        request.bundles = [BundleSpec(index: 0, resources: OrderedResources(keys: ["CPU"], set: ResourceSet(doubles: ["CPU": 2]))).record]
        try await call(gcs, "gcs.CreatePlacementGroup", request.serializedData())
        return id
    }

    func state(_ gcs: GcsServer, _ id: PlacementGroupID, becomes wanted: PlacementGroupState) async throws -> Bool {
        for _ in 0..<100 {
            if await gcs.tables.groups[id]?.state == wanted { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    func report(_ gcs: GcsServer, cpu: Double, version: UInt64) async throws {
        var request = Swiftray_ReportResourcesRequest()
        request.nodeID = Data(node.bytes)
        request.resourcesAvailable = ResourceSet(doubles: ["CPU": cpu]).raw
        request.bundleVersion = version
        try await call(gcs, "gcs.ReportResources", request.serializedData())
    }

    /// Runs `body` against a GCS on a fresh database whose one node (2 CPUs) is served by a
    /// scripted raylet holding the answers to `holding`; cleans up after.
    func withCluster(holding: Set<String> = ["raylet.CancelBundles"], reportPeriod: Duration,
                     _ body: (ScriptedRaylet, GcsServer) async throws -> Void) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pg-calls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let raylet = ScriptedRaylet(holding: holding)
        let server = try await RpcServer.start(host: "127.0.0.1", port: 0,
                                               identity: RpcServerIdentity(token: "t", sessionName: "s", tempDir: dir, component: "raylet"),
                                               service: raylet, logger: Logger(label: "test"))
        let gcs = try GcsServer(config: GcsConfig(host: "127.0.0.1", port: 0, sessionDir: dir, sessionName: "s", tempDir: dir,
                                                  token: "t", databasePath: dir + "/gcs.sqlite", reportPeriod: reportPeriod),
                                logger: Logger(label: "test"))
        let total = ResourceSet(doubles: ["CPU": 2])
        var register = Swiftray_RegisterNodeRequest()
        register.node = NodeInfo(nodeID: node, ip: "127.0.0.1", nodeManagerPort: server.port, isHead: true, nodeName: "n",
                                 resourcesTotal: total, resourcesAvailable: total, startTimeMs: 0).record
        try await call(gcs, "gcs.RegisterNode", register.serializedData())
        do {
            try await body(raylet, gcs)
        } catch {
            await server.close()
            throw error
        }
        await server.close()
    }

    /// Waits (up to 5 s) until the raylet has received a call of `method`.
    func waitForCall(_ raylet: ScriptedRaylet, _ method: String) async throws {
        for _ in 0..<250 where await !raylet.received.contains(method) {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    func remove(_ gcs: GcsServer, _ id: PlacementGroupID) async throws {
        var remove = Swiftray_PlacementGroupQuery()
        remove.placementGroupID = Data(id.bytes)
        try await call(gcs, "gcs.RemovePlacementGroup", remove.serializedData())
    }

    @Test("remove answers at once; the next group's reservation waits for the cancel; stale reports are ignored",
          .timeLimit(.minutes(1)))
    func removalOrdering() async throws {
        // Reports are skipped for at most four periods: long enough here for none to be forced.
        try await withCluster(reportPeriod: .seconds(60)) { raylet, gcs in
            let first = try await create(gcs, 1)
            #expect(try await state(gcs, first, becomes: .created))
            #expect(await raylet.received == ["raylet.ReserveBundles"], "a one-node group is reserved in one call")

            // The raylet holds the cancel's answer; the removal is answered anyway.
            try await remove(gcs, first)
            #expect(await gcs.tables.groups[first]?.state == .removed)

            // The GCS's view has the CPUs back, so the next group is placed at once, but its
            // reservation is not sent while the cancel is unanswered.
            let second = try await create(gcs, 2)
            try await waitForCall(raylet, "raylet.CancelBundles")
            try await Task.sleep(for: .milliseconds(300))
            #expect(await raylet.received == ["raylet.ReserveBundles", "raylet.CancelBundles"])
            #expect(await gcs.tables.groups[second]?.state == .pending)
            // A report taken before the raylet acted (version 1: the first group held) is ignored.
            try await report(gcs, cpu: 0.5, version: 1)
            #expect(await gcs.tables.nodes[node]?.resourcesAvailable["CPU"] == .zero, "while a call is under way")

            await raylet.releaseCancels()
            #expect(try await state(gcs, second, becomes: .created))
            #expect(await raylet.received == ["raylet.ReserveBundles", "raylet.CancelBundles", "raylet.ReserveBundles"])
            #expect(await gcs.tables.groups[second]?.stats.schedulingAttempt == 1)

            // Answered version is 3 now: an older report (CPUs free, before the second group) is
            // ignored; a current one is taken.
            try await report(gcs, cpu: 2, version: 2)
            #expect(await gcs.tables.nodes[node]?.resourcesAvailable["CPU"] == .zero)
            try await report(gcs, cpu: 1.5, version: 3)
            #expect(await gcs.tables.nodes[node]?.resourcesAvailable == ResourceSet(doubles: ["CPU": 1.5]))
        }
    }

    @Test("under bundle calls that never stop, a report is still taken after four report periods", .timeLimit(.minutes(1)))
    func reportsAreNotStarved() async throws {
        try await withCluster(reportPeriod: .milliseconds(250)) { raylet, gcs in
            let first = try await create(gcs, 1)
            #expect(try await state(gcs, first, becomes: .created))
            try await report(gcs, cpu: 0, version: 1)  // current: taken, and the four periods start now
            try await remove(gcs, first)  // its cancel stays unanswered: a call under way
            try await report(gcs, cpu: 0.5, version: 1)
            let skipped = await gcs.tables.nodes[node]?.resourcesAvailable
            try await Task.sleep(for: .milliseconds(1200))
            try await report(gcs, cpu: 0.5, version: 1)
            let taken = await gcs.tables.nodes[node]?.resourcesAvailable
            await raylet.releaseCancels()
            #expect(skipped == ResourceSet(doubles: ["CPU": 2]), "the first report came while the cancel was under way")
            #expect(taken == ResourceSet(doubles: ["CPU": 0.5]), "four periods later a report is taken anyway")
        }
    }

    @Test("a group whose node dies during its reservation is not CREATED on the dead node",
          .timeLimit(.minutes(1)))
    func nodeDiesDuringReservation() async throws {
        try await withCluster(holding: ["raylet.ReserveBundles"], reportPeriod: .seconds(60)) { raylet, gcs in
            let group = try await create(gcs, 1)
            try await waitForCall(raylet, "raylet.ReserveBundles")
            var unregister = Swiftray_UnregisterNodeRequest()
            unregister.nodeID = Data(node.bytes)
            try await call(gcs, "gcs.UnregisterNode", unregister.serializedData())
            await raylet.release("raylet.ReserveBundles")
            for _ in 0..<250 where await !gcs.pgReserving.isEmpty {
                try await Task.sleep(for: .milliseconds(20))
            }
            let info = await gcs.tables.groups[group]
            #expect(info?.state == .pending, "\(String(describing: info?.state))")
            #expect(info?.bundles.allSatisfy { $0.nodeID == nil } == true)
        }
    }
}

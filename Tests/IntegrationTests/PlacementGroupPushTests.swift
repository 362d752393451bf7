import ClusterState
import Foundation
@testable import Runtime
import Testing

/// The GCS tells the connection that created a placement group about the group's state changes,
/// so the creator's waits are answered without a round trip, and never from a stale state.
@Suite("Placement-group state pushes", .serialized)
struct PlacementGroupPushTests {
    /// Polls `condition` every 10 ms for up to `seconds`.
    static func eventually(_ seconds: Double, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    @Test("the creator is told when its group is CREATED, when another client removes it, and forgets everything when the GCS restarts")
    func creatorIsTold() async throws {
        let cluster = TestCluster()
        defer { cluster.destroy() }
        try #require(try cluster.startHead(["--num-cpus", "2"]).status == 0)
        let paths = SessionPaths(tempDir: cluster.tempDir)
        let creator = try await GcsClient.connect(explicitAddress: cluster.gcsAddress, paths: paths, peerKind: "driver",
                                                  reconnectWindow: .seconds(30))
        let other = try await GcsClient.connect(explicitAddress: cluster.gcsAddress, paths: paths, peerKind: "driver")
        let job = try await creator.addJob(namespace: "t", entrypoint: "test", driverPid: getpid(), driverIp: "127.0.0.1")
        let request = PlacementGroupRequest(bundles: [OrderedResources(keys: ["CPU"], set: ResourceSet(doubles: ["CPU": 1]))],
                                            strategy: .pack, name: "", isDetached: true)
        func told(_ id: PlacementGroupID) -> Bool { creator.createdGroups.withLockedValue { $0.contains(id) } }

        let first = try await creator.createPlacementGroup(job: job.jobID, namespace: "t", request: request).id
        #expect(await Self.eventually(10) { told(first) }, "the creator was not told its group is CREATED")
        #expect(try await creator.waitPlacementGroupReady(first, timeout: 0).ready)
        #expect(other.createdGroups.withLockedValue { $0.isEmpty }, "a client that did not create the group was told")
        // Removed by someone else: the creator hears of it, and its waits say so.
        try await other.removePlacementGroup(first)
        #expect(await Self.eventually(10) { !told(first) }, "the creator still believes a removed group is CREATED")
        let afterRemoval = try await creator.waitPlacementGroupReady(first, timeout: 0)
        #expect(!afterRemoval.ready && afterRemoval.removed)

        // A group the creator removes itself is forgotten at once.
        let second = try await creator.createPlacementGroup(job: job.jobID, namespace: "t", request: request).id
        #expect(try await creator.waitPlacementGroupReady(second, timeout: 10).ready)
        try await creator.removePlacementGroup(second)
        #expect(!told(second))

        // A restarted GCS does not know what the creator was told: the creator forgets it all.
        let third = try await creator.createPlacementGroup(job: job.jobID, namespace: "t", request: request).id
        #expect(await Self.eventually(10) { told(third) })
        let gcsPid = try #require(cluster.pids()["gcs_server"])
        kill(gcsPid, SIGKILL)
        #expect(cluster.eventually(within: 5) { !TestCluster.isAlive(gcsPid) })
        let restart = try cluster.run(["start", "--head", "--node-ip-address", "127.0.0.1"])
        try #require(restart.status == 0, "\(restart)")
        #expect(await Self.eventually(15) { !told(third) }, "the creator kept what the old GCS told it")
        #expect(try await creator.waitPlacementGroupReady(third, timeout: 10).ready, "a detached group survives the restart")
        await other.close()
        await creator.close()
    }
}

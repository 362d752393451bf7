import ClusterState
import Scheduling
import Testing
@testable import raycli

/// The load test's pure parts: the invariant checker's comparison and grace period, the
/// drivers' summary line, percentiles. Hand-made snapshots, no cluster.
struct LoadTestCheckerTests {
    static let nodeA = NodeID(uncheckedBytes: Array(repeating: 0xA1, count: NodeID.size))
    static let nodeB = NodeID(uncheckedBytes: Array(repeating: 0xB2, count: NodeID.size))
    static let group = PlacementGroupID(uncheckedBytes: Array(repeating: 0x5C, count: PlacementGroupID.size))

    static func node(_ id: NodeID, total: ResourceSet, available: ResourceSet) -> NodeInfo {
        NodeInfo(nodeID: id, ip: "127.0.0.1", nodeManagerPort: 1, isHead: id == nodeA, nodeName: "127.0.0.1",
                 resourcesTotal: total, resourcesAvailable: available, startTimeMs: 0)
    }

    /// A group of two 0.1-CPU bundles in `state`, bundle 0 on node A and bundle 1 on node B.
    static func twoBundleGroup(_ state: PlacementGroupState) throws -> PlacementGroupInfo {
        let placed = state == .created || state == .prepared
        let bundles = [nodeA, nodeB].enumerated().map { i, node in
            BundleSpec(index: i, resources: OrderedResources(keys: ["CPU"], set: ResourceSet(doubles: ["CPU": 0.1])),
                       nodeID: placed ? node : nil)
        }
        return try PlacementGroupInfo(restoring: group, name: "", namespace: "load", strategy: .spread, bundles: bundles,
                                      state: state, isDetached: false, creatorJobDead: false, creatorActorDead: true,
                                      stats: PlacementGroupStats())
    }

    /// The two nodes (4 CPU each) holding, or not, the committed bundles of `group`.
    static func nodes(committed: Bool, bundleOnBMissing: Bool = false) -> [NodeInfo] {
        [(nodeA, 0), (nodeB, 1)].map { id, index in
            var total = ResourceSet(doubles: ["CPU": 4, "node:127.0.0.1": 1])
            var available = ResourceSet(doubles: ["CPU": committed ? 3.9 : 4, "node:127.0.0.1": 1])
            if committed && !(bundleOnBMissing && id == nodeB) {
                let formatted = PlacementGroupResourceNames.committed(bundleIndex: index, resources: ResourceSet(doubles: ["CPU": 0.1]),
                                                                      group: group)
                total.add(formatted)
                available.add(formatted)
            }
            return node(id, total: total, available: available)
        }
    }

    @Test func aConsistentSnapshotHasNoMismatch() throws {
        #expect(LoadTestInvariantChecker.mismatches(nodes: Self.nodes(committed: true), groups: [try Self.twoBundleGroup(.created)]).isEmpty)
        #expect(LoadTestInvariantChecker.mismatches(nodes: Self.nodes(committed: false), groups: [try Self.twoBundleGroup(.removed)]).isEmpty)
        #expect(LoadTestInvariantChecker.mismatches(nodes: Self.nodes(committed: false), groups: [try Self.twoBundleGroup(.pending)]).isEmpty)
    }

    @Test func reservationsOfAGroupThatIsNotCreatedAreAMismatchOnEveryNode() throws {
        let found = LoadTestInvariantChecker.mismatches(nodes: Self.nodes(committed: true), groups: [try Self.twoBundleGroup(.removed)])
        #expect(found.count == 2)
        #expect(found.values.allSatisfy { $0.kind == "reservation" && $0.subject == Self.group.hex })
    }

    @Test func aCreatedBundleMissingFromItsNodeIsAMismatchOnThatNodeOnly() throws {
        let found = LoadTestInvariantChecker.mismatches(nodes: Self.nodes(committed: true, bundleOnBMissing: true),
                                                        groups: [try Self.twoBundleGroup(.created)])
        #expect(Array(found.keys) == ["reservation|\(Self.nodeB.hex)|\(Self.group.hex)"])
    }

    @Test func aWrongAmountIsAMismatch() throws {
        var nodes = Self.nodes(committed: true)
        nodes[0].resourcesTotal[PlacementGroupResourceNames.wildcard("CPU", group: Self.group)] = ResourceQuantity(0.2)
        let found = LoadTestInvariantChecker.mismatches(nodes: nodes, groups: [try Self.twoBundleGroup(.created)])
        #expect(Array(found.keys) == ["reservation|\(Self.nodeA.hex)|\(Self.group.hex)"])
    }

    @Test func availabilityOutsideZeroToTotalIsAMismatch() {
        let negative = Self.node(Self.nodeA, total: ResourceSet(doubles: ["CPU": 4]), available: ResourceSet(doubles: ["CPU": -0.1]))
        let above = Self.node(Self.nodeB, total: ResourceSet(doubles: ["CPU": 4]), available: ResourceSet(doubles: ["CPU": 4, "GPU": 1]))
        let found = LoadTestInvariantChecker.mismatches(nodes: [negative, above], groups: [])
        #expect(Set(found.keys) == ["availability|\(Self.nodeA.hex)|CPU", "availability|\(Self.nodeB.hex)|GPU"])
    }

    @Test func deadNodesAreNotChecked() {
        var dead = Self.node(Self.nodeA, total: ResourceSet(doubles: ["CPU": 4]), available: ResourceSet(doubles: ["CPU": -1]))
        dead.state = .dead
        #expect(LoadTestInvariantChecker.mismatches(nodes: [dead], groups: []).isEmpty)
    }

    @Test func aReservationMismatchCountsOnlyOnceItLastsOverTwoSeconds() throws {
        var checker = LoadTestInvariantChecker()
        let nodes = Self.nodes(committed: true)
        let removed = try Self.twoBundleGroup(.removed)
        for step in 0...10 {  // 0.0 … 2.0 s: within the grace period
            checker.observe(nodes: nodes, groups: [removed], now: Double(step) * 0.2)
        }
        #expect(checker.violations.isEmpty)
        checker.observe(nodes: nodes, groups: [removed], now: 2.2)
        #expect(checker.violations.count == 2)
        #expect(checker.violations.allSatisfy { $0.kind == "reservation" && $0.firstSeenSeconds == 0 && $0.lastedSeconds > 2 })
        checker.observe(nodes: nodes, groups: [removed], now: 3.0)
        #expect(checker.violations.count == 2, "one breach is counted once")
        #expect(checker.violations.allSatisfy { $0.lastedSeconds == 3.0 })
        #expect(checker.samples == 13)
    }

    @Test func aMismatchThatClearsWithinTheGracePeriodIsTransient() throws {
        var checker = LoadTestInvariantChecker()
        let created = try Self.twoBundleGroup(.created)
        checker.observe(nodes: Self.nodes(committed: false), groups: [created], now: 0)      // commit not reported yet
        checker.observe(nodes: Self.nodes(committed: false), groups: [created], now: 1.5)
        checker.observe(nodes: Self.nodes(committed: true), groups: [created], now: 1.7)     // reported
        checker.observe(nodes: Self.nodes(committed: false), groups: [created], now: 1.9)    // a new episode starts here
        checker.observe(nodes: Self.nodes(committed: false), groups: [created], now: 3.8)
        #expect(checker.violations.isEmpty)
        #expect(checker.transientMismatches == 2)
        checker.observe(nodes: Self.nodes(committed: false), groups: [created], now: 4.0)
        #expect(checker.violations.count == 2)
        #expect(checker.violations.allSatisfy { $0.firstSeenSeconds == 1.9 })
    }

    @Test func anAvailabilityBreachCountsAtFirstSight() {
        var checker = LoadTestInvariantChecker()
        let node = Self.node(Self.nodeA, total: ResourceSet(doubles: ["CPU": 4]), available: ResourceSet(doubles: ["CPU": 4.5]))
        checker.observe(nodes: [node], groups: [], now: 0.2)
        #expect(checker.violations.map(\.subject) == ["CPU"])
    }

    @Test func groupResourceNamesAreRecognised() {
        let hex = Self.group.hex
        #expect(LoadTestInvariantChecker.groupHex(of: "CPU_group_\(hex)") == hex)
        #expect(LoadTestInvariantChecker.groupHex(of: "CPU_group_1_\(hex)") == hex)
        #expect(LoadTestInvariantChecker.groupHex(of: "bundle_group_0_\(hex)") == hex)
        #expect(LoadTestInvariantChecker.groupHex(of: "my_res_group_3_\(hex)") == hex)
        #expect(LoadTestInvariantChecker.groupHex(of: "CPU") == nil)
        #expect(LoadTestInvariantChecker.groupHex(of: "node:127.0.0.1") == nil)
        #expect(LoadTestInvariantChecker.groupHex(of: "CPU_group_x_\(hex)") == nil)
        #expect(LoadTestInvariantChecker.groupHex(of: "CPU_other_\(hex)") == nil)
    }

    @Test func aSummaryLineParses() throws {
        let output = """
        (load_test_echo pid=1) hello
        SWIFTRAY_LOAD_ERROR ready: GetTimeoutError: Get timed out: some object(s) not ready.
        SWIFTRAY_LOAD_SUMMARY errors=1 create=2:1.5,2.0 ready=1:10.250 remove=2:0.5,0.7 submit=1:0.3 get=1:4.0
        """
        let summary = try #require(LoadTestDriverSummary.parse(output: output))
        #expect(summary.errorCount == 1)
        #expect(summary.errorLines == ["ready: GetTimeoutError: Get timed out: some object(s) not ready."])
        #expect(summary.latenciesMs[.create] == [1.5, 2.0])
        #expect(summary.count(.ready) == 1 && summary.count(.remove) == 2 && summary.count(.get) == 1)
        let empty = try #require(LoadTestDriverSummary.parse(line: "SWIFTRAY_LOAD_SUMMARY errors=0 create=0: ready=0: remove=0: submit=0: get=0:"))
        #expect(LoadTestOperation.allCases.allSatisfy { empty.count($0) == 0 })
    }

    @Test func aMalformedSummaryLineIsRejected() {
        #expect(LoadTestDriverSummary.parse(output: "no summary here") == nil)
        // A count that disagrees with its latency list.
        #expect(LoadTestDriverSummary.parse(line: "SWIFTRAY_LOAD_SUMMARY errors=0 create=3:1,2 ready=0: remove=0: submit=0: get=0:") == nil)
        // A missing operation.
        #expect(LoadTestDriverSummary.parse(line: "SWIFTRAY_LOAD_SUMMARY errors=0 create=0: ready=0: remove=0: submit=0:") == nil)
        #expect(LoadTestDriverSummary.parse(line: "SWIFTRAY_LOAD_SUMMARY errors=0 create=1:x ready=0: remove=0: submit=0: get=0:") == nil)
    }

    @Test func percentilesAreNearestRank() {
        let values = (1...100).map(Double.init)
        #expect(LoadTestOperationFigure.percentile(values, 50) == 50)
        #expect(LoadTestOperationFigure.percentile(values, 99) == 99)
        #expect(LoadTestOperationFigure.percentile([7], 99) == 7)
        #expect(LoadTestOperationFigure.percentile([], 99) == 0)
        let figure = LoadTestOperationFigure(operation: .get, latenciesMs: [3, 1, 2, 4], elapsedSeconds: 2)
        #expect(figure.count == 4 && figure.perSecond == 2 && figure.p50Ms == 2 && figure.p99Ms == 4 && figure.maxMs == 4)
    }
}

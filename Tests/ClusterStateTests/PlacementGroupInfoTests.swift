import ClusterState
import Testing

private typealias F = PGFixture

private func refused(_ from: PlacementGroupState, _ to: String, entity: String = "placement group") -> ClusterStateError {
    .illegalTransition(entity: entity, from: from.rawValue, to: to)
}

@Suite("PlacementGroupInfo")
struct PlacementGroupInfoTests {
    @Test("a registered group is PENDING, QUEUED, unplaced, stamped")
    func fresh() {
        let g = F.fresh()
        #expect(g.state == .pending)
        #expect(g.stats == PlacementGroupStats(creationRequestReceivedNs: F.t0))
        #expect(g.stats.schedulingState == .queued)
        #expect(g.bundles.map(\.index) == [0, 1, 2])
        #expect(g.bundles.allSatisfy { !$0.isPlaced })
        #expect(g.unplacedBundleIndices == [0, 1, 2])
        #expect(g.bundleResources == F.bundles)
        #expect(g.bundles[1].resources.keys == ["GPU", "CPU"])
        #expect(g.creatorJobID == F.job)
        #expect(g.creatorJobDead == false && g.creatorActorDead == true)
    }

    @Test("happy path: attempts with backoff, prepare, create with latencies")
    func happyPath() throws {
        var g = F.fresh()
        try g.recordAttempt(nowNs: F.t0 + 1_000_000)
        #expect(g.stats.schedulingAttempt == 1)
        #expect(g.stats.schedulingState == .schedulingStarted)
        try g.recordFailure(infeasible: false, backoffMs: 100)
        #expect(g.stats.schedulingState == .noResources)
        #expect(g.stats.highestRetryDelayMs == 100)
        try g.recordAttempt(nowNs: F.t0 + 2_000_000)
        try g.recordFailure(infeasible: false, backoffMs: 150)
        try g.recordAttempt(nowNs: F.t0 + 3_000_000)
        try g.recordFailure(infeasible: true, backoffMs: 0)
        #expect(g.stats.schedulingState == .infeasible)
        #expect(g.stats.highestRetryDelayMs == 150)  // never shrinks
        try g.recordAttempt(nowNs: F.t0 + 10_000_000)
        #expect(g.stats.schedulingAttempt == 4)
        #expect(g.stats.schedulingStartedTimeNs == F.t0 + 10_000_000)
        #expect(g.state == .pending)
        try g.markPrepared(nodes: [0: F.nodeA, 1: F.nodeB, 2: F.nodeA])
        #expect(g.state == .prepared)
        #expect(g.bundles.map(\.nodeID) == [F.nodeA, F.nodeB, F.nodeA])
        try g.markCreated(nowNs: F.t0 + 13_764_999)
        #expect(g.state == .created)
        #expect(g.stats.schedulingState == .finished)
        #expect(g.stats.schedulingLatencyUs == 3_764)
        #expect(g.stats.endToEndCreationLatencyUs == 13_764)
    }

    @Test("recordAttempt is legal only while PENDING or RESCHEDULING", arguments: PlacementGroupState.allCases)
    func recordAttempt(state: PlacementGroupState) {
        var g = F.group(in: state)
        let before = g
        if state == .pending || state == .rescheduling {
            #expect(throws: Never.self) { try g.recordAttempt(nowNs: 5) }
            #expect(g.stats.schedulingAttempt == 1)
            #expect(g.state == state)
        } else {
            #expect(throws: refused(state, "SCHEDULING_STARTED", entity: "placement group scheduling")) {
                try g.recordAttempt(nowNs: 5)
            }
            #expect(g == before)
        }
    }

    @Test("recordFailure: legal only while PENDING or RESCHEDULING; the right scheduling state",
          arguments: PlacementGroupState.allCases, [false, true])
    func recordFailure(state: PlacementGroupState, infeasible: Bool) {
        var g = F.group(in: state)
        let before = g
        let expected: PlacementGroupSchedulingState =
            infeasible ? .infeasible : (state == .rescheduling ? .failedToCommitResources : .noResources)
        if state == .pending || state == .rescheduling {
            #expect(throws: Never.self) { try g.recordFailure(infeasible: infeasible, backoffMs: 337) }
            #expect(g.stats.schedulingState == expected)
            #expect(g.stats.highestRetryDelayMs == 337)
            #expect(g.state == state)
            #expect(g.bundles == before.bundles)
        } else {
            #expect(throws: refused(state, expected.rawValue, entity: "placement group scheduling")) {
                try g.recordFailure(infeasible: infeasible, backoffMs: 337)
            }
            #expect(g == before)
        }
    }

    @Test("markPrepared is legal only from PENDING or RESCHEDULING", arguments: PlacementGroupState.allCases)
    func markPrepared(state: PlacementGroupState) {
        var g = F.group(in: state)
        let before = g
        let nodes = Dictionary(uniqueKeysWithValues: g.unplacedBundleIndices.map { ($0, F.nodeC) })
        if state.canMove(to: .prepared) {
            #expect(throws: Never.self) { try g.markPrepared(nodes: nodes) }
            #expect(g.state == .prepared)
            #expect(g.unplacedBundleIndices.isEmpty)
        } else {
            #expect(throws: refused(state, "PREPARED")) { try g.markPrepared(nodes: nodes) }
            #expect(g == before)
        }
    }

    @Test("markPrepared places only the missing bundles; surviving ones never move")
    func preparedAfterRescheduling() throws {
        var g = F.group(in: .rescheduling)
        try g.markPrepared(nodes: [1: F.nodeC])
        #expect(g.bundles.map(\.nodeID) == [F.nodeA, F.nodeC, F.nodeA])
    }

    @Test("markPrepared refuses incomplete or conflicting placements and changes nothing")
    func preparedBadNodes() {
        let id = F.id.hex
        var g = F.fresh()
        let before = g
        #expect(thrownMessage { try g.markPrepared(nodes: [0: F.nodeA, 2: F.nodeA]) }
                == "Placement group \(id) cannot be prepared: bundle 1 has no node.")
        #expect(thrownMessage { try g.markPrepared(nodes: [0: F.nodeA, 1: F.nodeA, 2: F.nodeA, 3: F.nodeB]) }
                == "Placement group \(id) has no bundle 3.")
        #expect(g == before)
        var r = F.group(in: .rescheduling)
        let rBefore = r
        #expect(thrownMessage { try r.markPrepared(nodes: [0: F.nodeB, 1: F.nodeC]) }
                == "Placement group \(id) cannot be prepared: bundle 0 is already placed.")
        #expect(r == rBefore)
    }

    @Test("markCreated is legal only from PREPARED", arguments: PlacementGroupState.allCases)
    func markCreated(state: PlacementGroupState) {
        var g = F.group(in: state)
        let before = g
        if state == .prepared {
            #expect(throws: Never.self) { try g.markCreated(nowNs: F.t0 + 2_000) }
            #expect(g.state == .created)
            #expect(g.stats.schedulingState == .finished)
            #expect(g.stats.endToEndCreationLatencyUs == 2)
        } else {
            #expect(throws: refused(state, "CREATED")) { try g.markCreated(nowNs: F.t0) }
            #expect(g == before)
        }
    }

    @Test("markCommitFailed: PREPARED → RESCHEDULING, only the uncommitted bundles lose their node",
          arguments: PlacementGroupState.allCases)
    func commitFailed(state: PlacementGroupState) {
        var g = F.group(in: state)
        let before = g
        if state == .prepared {
            #expect(throws: Never.self) { try g.markCommitFailed(uncommitted: [1, 2]) }
            #expect(g.state == .rescheduling)
            #expect(g.stats.schedulingState == .failedToCommitResources)
            #expect(g.bundles.map(\.nodeID) == [F.nodeA, nil, nil])
        } else {
            #expect(throws: refused(state, "RESCHEDULING")) { try g.markCommitFailed(uncommitted: [0]) }
            #expect(g == before)
        }
    }

    @Test("markCommitFailed rejects unknown bundles")
    func commitFailedUnknown() {
        var g = F.group(in: .prepared)
        let before = g
        #expect(thrownMessage { try g.markCommitFailed(uncommitted: [7]) } == "Placement group \(F.id.hex) has no bundle 7.")
        #expect(g == before)
    }

    @Test("markRescheduling by state: CREATED/PREPARED/RESCHEDULING lose the bundles on the dead node",
          arguments: PlacementGroupState.allCases)
    func rescheduling(state: PlacementGroupState) throws {
        var g = F.group(in: state)
        let before = g
        let lost = try g.markRescheduling(lostNodes: [F.nodeA])
        switch state {
        case .pending, .removed:
            #expect(lost == [])
            #expect(g == before)
        case .created, .prepared:
            #expect(lost == [0, 2])
            #expect(g.state == .rescheduling)
            #expect(g.stats.schedulingState == .queued)
            #expect(g.bundles.map(\.nodeID) == [nil, F.nodeB, nil])  // the survivor stays
        case .rescheduling:
            #expect(lost == [0, 2])
            #expect(g.state == .rescheduling)
            #expect(g.bundles.map(\.nodeID) == [nil, nil, nil])
        }
    }

    @Test("markRescheduling keeps surviving bundles, ignores unrelated nodes, then re-places only lost ones")
    func reschedulingSurvivors() throws {
        var g = F.group(in: .created)
        #expect(try g.markRescheduling(lostNodes: [F.nodeC]) == [])
        #expect(g.state == .created)
        #expect(g == F.group(in: .created))
        var h = F.group(in: .created)
        #expect(try h.markRescheduling(lostNodes: [F.nodeB, F.nodeC]) == [1])
        #expect(h.bundles.map(\.nodeID) == [F.nodeA, nil, F.nodeA])
        #expect(h.unplacedBundleIndices == [1])
        try h.recordAttempt(nowNs: F.t0 + 100)
        try h.recordFailure(infeasible: false, backoffMs: 0)
        #expect(h.stats.schedulingState == .failedToCommitResources)
        try h.recordAttempt(nowNs: F.t0 + 200)
        try h.markPrepared(nodes: [1: F.nodeC])
        try h.markCreated(nowNs: F.t0 + 1_200)
        #expect(h.state == .created)
        #expect(h.bundles.map(\.nodeID) == [F.nodeA, F.nodeC, F.nodeA])
        #expect(h.stats.schedulingAttempt == 2)
    }
}

@Suite("PlacementGroupInfo removal and lifetime")
struct PlacementGroupLifetimeTests {
    @Test("markRemoved from any state: REMOVED, unplaced, returns what it held; idempotent",
          arguments: PlacementGroupState.allCases)
    func removed(state: PlacementGroupState) {
        var g = F.group(in: state)
        let held = Dictionary(uniqueKeysWithValues: g.bundles.compactMap { b in b.nodeID.map { (b.index, $0) } })
        let released = g.markRemoved()
        #expect(released == (state == .removed ? [:] : held))
        #expect(g.state == .removed)
        #expect(g.unplacedBundleIndices == [0, 1, 2])
        if state != .removed {
            #expect(g.stats.schedulingState == .removed)
        }
        let once = g
        #expect(g.markRemoved() == [:])
        #expect(g == once)
    }

    @Test("after removal the latencies read 0 and every later transition is refused")
    func removedIsTerminal() throws {
        var g = F.group(in: .prepared)
        try g.markCreated(nowNs: F.t0 + 5_000_000)
        #expect(g.stats.endToEndCreationLatencyUs == 5_000)
        g.markRemoved()
        #expect(g.stats.endToEndCreationLatencyUs == 0)
        #expect(g.stats.schedulingLatencyUs == 0)
        #expect(throws: refused(.removed, "PREPARED")) { try g.markPrepared(nodes: [:]) }
        #expect(throws: refused(.removed, "CREATED")) { try g.markCreated(nowNs: 1) }
        #expect(try g.markRescheduling(lostNodes: [F.nodeA]) == [])
    }

    @Test("lifetime rule: not detached, creator job dead and creator actor dead",
          arguments: [false, true], [false, true])
    func lifetimeRule(jobDead: Bool, actorDead: Bool) throws {
        for detached in [false, true] {
            let g = try PlacementGroupInfo(
                restoring: F.id, name: "", namespace: "ns", strategy: .spread, bundles: [],
                state: .pending, isDetached: detached, creatorJobDead: jobDead, creatorActorDead: actorDead,
                stats: PlacementGroupStats())
            #expect(g.isLifetimeDone == (!detached && jobDead && actorDead))
        }
    }

    @Test("created by a driver: done when the job dies; detached: never")
    func driverCreated() {
        var g = F.fresh()
        #expect(!g.isLifetimeDone)
        g.markCreatorJobDead()
        #expect(g.isLifetimeDone)
        var d = F.fresh(detached: true)
        d.markCreatorJobDead()
        d.markCreatorActorDead()
        #expect(!d.isLifetimeDone)
    }

    @Test("created by an actor: done only when both the job and the actor are dead")
    func actorCreated() {
        var g = PlacementGroupInfo(id: F.id, name: "", namespace: "ns", strategy: .pack, bundles: F.bundles,
                                   isDetached: false, creatorJobDead: false, creatorActorDead: false, receivedNs: 0)
        g.markCreatorJobDead()
        #expect(!g.isLifetimeDone)
        g.markCreatorActorDead()
        #expect(g.isLifetimeDone)
        var h = PlacementGroupInfo(id: F.id, name: "", namespace: "ns", strategy: .pack, bundles: F.bundles,
                                   isDetached: false, creatorJobDead: true, creatorActorDead: false, receivedNs: 0)
        #expect(!h.isLifetimeDone)  // created by a detached actor: lives while the actor lives
        h.markCreatorActorDead()
        #expect(h.isLifetimeDone)
    }

    @Test("restoring checks the placement invariants", arguments: PlacementGroupState.allCases)
    func restoring(state: PlacementGroupState) {
        let specs = [BundleSpec(index: 0, resources: F.bundles[0], nodeID: F.nodeA),
                     BundleSpec(index: 1, resources: F.bundles[1])]
        let message = thrownMessage {
            _ = try PlacementGroupInfo(restoring: F.id, name: "", namespace: "", strategy: .pack, bundles: specs,
                                       state: state, isDetached: false, creatorJobDead: false,
                                       creatorActorDead: true, stats: PlacementGroupStats())
        }
        switch state {
        case .rescheduling: #expect(message == nil)
        case .pending, .removed:
            #expect(message == "Placement group \(F.id.hex) is \(state.rawValue) but has 1 placed bundle(s).")
        case .prepared, .created:
            #expect(message == "Placement group \(F.id.hex) is \(state.rawValue) but has 1 unplaced bundle(s).")
        }
        let misnumbered = thrownMessage {
            _ = try PlacementGroupInfo(restoring: F.id, name: "", namespace: "", strategy: .pack,
                                       bundles: [BundleSpec(index: 1, resources: F.bundles[0])],
                                       state: .pending, isDetached: false, creatorJobDead: false,
                                       creatorActorDead: true, stats: PlacementGroupStats())
        }
        #expect(misnumbered == "Placement group \(F.id.hex) lists bundle 1 at position 0.")
    }
}

@Suite("PlacementGroupID composition")
struct PlacementGroupIDCompositionTests {
    @Test("14 seeded random bytes then the job id", arguments: [(UInt32(1), "01000000"), (14, "0e000000"), (256, "00010000")])
    func composition(counter: UInt32, jobHex: String) {
        let job = JobID(counter: counter)
        var g1 = SplitMix64(seed: 99)
        var g2 = SplitMix64(seed: 99)
        let a = PlacementGroupID.make(job: job, using: &g1)
        let b = PlacementGroupID.make(job: job, using: &g2)
        #expect(a == b)  // deterministic for a given seed
        #expect(a.hex.count == 36)
        #expect(a.hex.hasSuffix(jobHex))
        #expect(a.jobID == job)
        let group = PlacementGroupInfo(id: a, name: "", namespace: "", strategy: .pack, bundles: F.bundles,
                                       isDetached: false, receivedNs: 0)
        #expect(group.creatorJobID.hex == jobHex)
        var g3 = SplitMix64(seed: 100)
        #expect(PlacementGroupID.make(job: job, using: &g3) != a)
    }
}

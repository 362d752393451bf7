import ClusterState
import Testing

private typealias F = PGFixture

/// The created group of reference §8: one `{GPU: 1, CPU: 1}` bundle, scheduled 147 µs after
/// the request and committed 3.764 ms after it.
private func createdExample() throws -> PlacementGroupInfo {
    let node = try NodeID(hex: "85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4")
    var g = PlacementGroupInfo(id: F.id, name: "", namespace: "ns", strategy: .pack,
                               bundles: [F.resources([("GPU", 1), ("CPU", 1)])], isDetached: false,
                               receivedNs: F.t0)
    try g.recordAttempt(nowNs: F.t0 + 147_000)
    try g.markPrepared(nodes: [0: node])
    try g.markCreated(nowNs: F.t0 + 3_764_000)
    return g
}

/// The pending group of reference §4.3: one `{CPU: 1}` bundle, 12 attempts, NO_RESOURCES.
private func pendingExample() throws -> PlacementGroupInfo {
    let id = try PlacementGroupID(hex: "2ed189a49d230e426ec30a55826e01000000")
    let stats = PlacementGroupStats(creationRequestReceivedNs: 1_795_279_605_632_316_511,
                                    schedulingStartedTimeNs: 1_795_279_616_425_944_853,
                                    schedulingAttempt: 12, highestRetryDelayMs: 1000,
                                    schedulingState: .noResources)
    return try PlacementGroupInfo(restoring: id, name: "", namespace: "ns", strategy: .pack,
                                  bundles: [BundleSpec(index: 0, resources: F.resources([("CPU", 1)]))],
                                  state: .pending, isDetached: false, creatorJobDead: false,
                                  creatorActorDead: true, stats: stats)
}

@Suite("placement_group_table and list --detail")
struct PlacementGroupOutputTests {
    @Test("placement_group_table(pg) of a CREATED group prints as the reference's dict")
    func createdTable() throws {
        let g = try createdExample()
        #expect(g.tableEntry.repr == """
            {'placement_group_id': '94f9a0639aaf035354dc7bb983c301000000', 'name': '', \
            'bundles': {0: {'GPU': 1.0, 'CPU': 1.0}}, \
            'bundles_to_node_id': {0: '85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4'}, \
            'strategy': 'PACK', 'state': 'CREATED', \
            'stats': {'end_to_end_creation_latency_ms': 3.764, 'scheduling_latency_ms': 3.617, \
            'scheduling_attempt': 1, 'highest_retry_delay_ms': 0.0, 'scheduling_state': 'FINISHED'}}
            """)
        #expect(g.tableEntry["bundles"] == .dict([(key: .int(0), value: .object([("GPU", .float(1)), ("CPU", .float(1))]))]))
    }

    @Test("placement_group_table of a PENDING group, then of the same group REMOVED")
    func pendingThenRemovedTable() throws {
        var g = PlacementGroupInfo(id: F.id, name: "mypg", namespace: "ns", strategy: .strictSpread,
                                   bundles: [F.resources([("CPU", 1)]), F.resources([("GPU", 2)])],
                                   isDetached: false, receivedNs: F.t0)
        try g.recordAttempt(nowNs: F.t0 + 10)
        try g.recordFailure(infeasible: false, backoffMs: 100)
        #expect(g.tableEntry.repr == """
            {'placement_group_id': '94f9a0639aaf035354dc7bb983c301000000', 'name': 'mypg', \
            'bundles': {0: {'CPU': 1.0}, 1: {'GPU': 2.0}}, 'bundles_to_node_id': {0: '', 1: ''}, \
            'strategy': 'STRICT_SPREAD', 'state': 'PENDING', \
            'stats': {'end_to_end_creation_latency_ms': 0.0, 'scheduling_latency_ms': 0.0, \
            'scheduling_attempt': 1, 'highest_retry_delay_ms': 100.0, 'scheduling_state': 'NO_RESOURCES'}}
            """)
        var created = try createdExample()
        created.markRemoved()
        #expect(created.tableEntry["state"] == "REMOVED")
        #expect(created.tableEntry["bundles_to_node_id"] == [0: ""])
        #expect(created.tableEntry["stats"] == .object([
            ("end_to_end_creation_latency_ms", 0.0), ("scheduling_latency_ms", 0.0), ("scheduling_attempt", 1),
            ("highest_retry_delay_ms", 0.0), ("scheduling_state", "REMOVED"),
        ]))
    }

    @Test("placement_group_table() is keyed by hex id, removed groups included")
    func wholeTable() throws {
        var removed = try pendingExample()
        removed.markRemoved()
        let created = try createdExample()
        let table = PlacementGroupInfo.table([created, removed])
        #expect(table.keyStrings == ["94f9a0639aaf035354dc7bb983c301000000", "2ed189a49d230e426ec30a55826e01000000"])
        #expect(table["2ed189a49d230e426ec30a55826e01000000"] == removed.tableEntry)
        #expect(PlacementGroupInfo.table([]) == .dict([]))
    }

    @Test("list --detail record of the reference's PENDING group, field for field")
    func pendingDetail() throws {
        let g = try pendingExample()
        let pgid = "2ed189a49d230e426ec30a55826e01000000"
        let expected: PyValue = .object([
            ("placement_group_id", .str(pgid)),
            ("name", ""),
            ("creator_job_id", "01000000"),
            ("state", "PENDING"),
            ("bundles", [.object([
                ("bundle_id", .object([("placement_group_id", .str(pgid)), ("bundle_index", 0)])),
                ("unit_resources", .object([("CPU", 1.0)])),
                ("node_id", ""),
                ("label_selector", .dict([])),
            ])]),
            ("is_detached", false),
            ("stats", .object([
                ("creation_request_received_ns", "1795279605632316511"),
                ("scheduling_started_time_ns", "1795279616425944853"),
                ("scheduling_attempt", 12),
                ("highest_retry_delay_ms", 1000.0),
                ("scheduling_state", "NO_RESOURCES"),
                ("scheduling_latency_us", "0"),
                ("end_to_end_creation_latency_us", "0"),
            ])),
            ("topology_strategy", .dict([])),
            ("topology_assignments", .dict([])),
        ])
        #expect(g.detailRecord == expected)
    }

    @Test("list --detail record of a CREATED group: placed node ids, stats end with highest_retry_delay_ms")
    func createdDetail() throws {
        let g = try createdExample()
        let record = g.detailRecord
        #expect(record.keyStrings == ["placement_group_id", "name", "creator_job_id", "state", "bundles",
                                      "is_detached", "stats", "topology_strategy", "topology_assignments"])
        #expect(record["state"] == "CREATED")
        #expect(record["bundles"] == [.object([
            ("bundle_id", .object([("placement_group_id", .str(F.id.hex)), ("bundle_index", 0)])),
            ("unit_resources", .object([("GPU", 1.0), ("CPU", 1.0)])),
            ("node_id", "85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4"),
            ("label_selector", .dict([])),
        ])])
        #expect(record["stats"] == .object([
            ("creation_request_received_ns", .str(String(F.t0))),
            ("scheduling_started_time_ns", .str(String(F.t0 + 147_000))),
            ("scheduling_latency_us", "3617"),
            ("end_to_end_creation_latency_us", "3764"),
            ("scheduling_attempt", 1),
            ("scheduling_state", "FINISHED"),
            ("highest_retry_delay_ms", 0.0),
        ]))
    }

    @Test("a freshly queued group lists every stat as a default after the creation time")
    func queuedDetailStats() {
        let g = F.fresh(detached: true)
        #expect(g.detailRecord["is_detached"] == true)
        #expect(g.detailRecord["stats"]?.keyStrings == [
            "creation_request_received_ns", "scheduling_started_time_ns", "scheduling_latency_us",
            "end_to_end_creation_latency_us", "scheduling_attempt", "highest_retry_delay_ms", "scheduling_state",
        ])
        #expect(g.detailRecord["stats"]?["scheduling_state"] == "QUEUED")
        #expect(g.detailRecord["bundles"].map { if case .list(let b) = $0 { b.count } else { -1 } } == 3)
    }
}

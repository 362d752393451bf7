extension PlacementGroupInfo {
    /// The dict `ray.util.placement_group_table(pg)` returns for this group, key for key:
    /// `placement_group_id`, `name`, `bundles` (int index → resources as floats, user key order),
    /// `bundles_to_node_id` (int index → node hex, `''` when unplaced), `strategy`, `state`,
    /// `stats` (`end_to_end_creation_latency_ms` and `scheduling_latency_ms` as float ms,
    /// `scheduling_attempt`, `highest_retry_delay_ms`, `scheduling_state`).
    public var tableEntry: PyValue {
        .object([
            ("placement_group_id", .str(id.hex)),
            ("name", .str(name)),
            ("bundles", .dict(bundles.map { (key: .int($0.index), value: $0.resources.floatDict) })),
            ("bundles_to_node_id", .dict(bundles.map { (key: .int($0.index), value: .str($0.nodeID?.hex ?? "")) })),
            ("strategy", .str(strategy.rawValue)),
            ("state", .str(state.rawValue)),
            ("stats", .object([
                ("end_to_end_creation_latency_ms", .float(Double(stats.endToEndCreationLatencyUs) / 1000)),
                ("scheduling_latency_ms", .float(Double(stats.schedulingLatencyUs) / 1000)),
                ("scheduling_attempt", .int(stats.schedulingAttempt)),
                ("highest_retry_delay_ms", .float(stats.highestRetryDelayMs)),
                ("scheduling_state", .str(stats.schedulingState.rawValue)),
            ])),
        ])
    }

    /// `ray.util.placement_group_table()` with no argument: every group's `tableEntry` keyed by
    /// its hex id, in the order given (removed groups included).
    public static func table(_ groups: [PlacementGroupInfo]) -> PyValue {
        .dict(groups.map { (key: .str($0.id.hex), value: $0.tableEntry) })
    }
}

extension PlacementGroupInfo {
    /// One row of `list placement-groups --detail` (and `--format json|yaml`), as ordered pairs for
    /// a renderer: `placement_group_id`, `name`, `creator_job_id`, `state`, `bundles` (each
    /// `bundle_id` {`placement_group_id`, `bundle_index`}, `unit_resources` (floats), `node_id`
    /// (`''` when unplaced), `label_selector` {}), `is_detached`, `stats`, `topology_strategy` {},
    /// `topology_assignments` {}.
    ///
    /// Strings stay strings (the renderer quotes `'01000000'` as PyYAML does); int64 stats are
    /// strings, `scheduling_attempt` an int, `highest_retry_delay_ms` a float.
    public var detailRecord: PyValue {
        .object([
            ("placement_group_id", .str(id.hex)),
            ("name", .str(name)),
            ("creator_job_id", .str(creatorJobID.hex)),
            ("state", .str(state.rawValue)),
            ("bundles", .list(bundles.map { bundle in
                .object([
                    ("bundle_id", .object([
                        ("placement_group_id", .str(id.hex)),
                        ("bundle_index", .int(bundle.index)),
                    ])),
                    ("unit_resources", bundle.resources.floatDict),
                    ("node_id", .str(bundle.nodeID?.hex ?? "")),
                    ("label_selector", .dict([])),
                ])
            })),
            ("is_detached", .bool(isDetached)),
            ("stats", detailStats),
            ("topology_strategy", .dict([])),
            ("topology_assignments", .dict([])),
        ])
    }

    /// The stats as Ray's protobuf-to-dict conversion orders them: fields holding a non-default
    /// value in field-number order, then the default-valued ones in declaration order.
    var detailStats: PyValue {
        let fields: [(name: String, isDefault: Bool, value: PyValue)] = [
            ("creation_request_received_ns", stats.creationRequestReceivedNs == 0, .str(String(stats.creationRequestReceivedNs))),
            ("scheduling_started_time_ns", stats.schedulingStartedTimeNs == 0, .str(String(stats.schedulingStartedTimeNs))),
            ("scheduling_latency_us", stats.schedulingLatencyUs == 0, .str(String(stats.schedulingLatencyUs))),
            ("end_to_end_creation_latency_us", stats.endToEndCreationLatencyUs == 0, .str(String(stats.endToEndCreationLatencyUs))),
            ("scheduling_attempt", stats.schedulingAttempt == 0, .int(stats.schedulingAttempt)),
            ("highest_retry_delay_ms", stats.highestRetryDelayMs == 0, .float(stats.highestRetryDelayMs)),
            ("scheduling_state", stats.schedulingState == .queued, .str(stats.schedulingState.rawValue)),
        ]
        let ordered = fields.filter { !$0.isDefault } + fields.filter(\.isDefault)
        return .object(ordered.map { ($0.name, $0.value) })
    }
}

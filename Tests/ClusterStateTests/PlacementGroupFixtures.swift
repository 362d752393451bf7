import ClusterState

/// Shared builders for the placement-group tests.
enum PGFixture {
    static let job = JobID(counter: 1)
    static let nodeA = try! NodeID(hex: String(repeating: "a1", count: 28))
    static let nodeB = try! NodeID(hex: String(repeating: "b2", count: 28))
    static let nodeC = try! NodeID(hex: String(repeating: "c3", count: 28))
    static let id = try! PlacementGroupID(hex: "94f9a0639aaf035354dc7bb983c301000000")
    static let t0: Int64 = 1_795_279_605_632_316_511

    static func resources(_ pairs: [(String, Double)]) -> OrderedResources {
        var set = ResourceSet()
        for (k, v) in pairs { set[k] = ResourceQuantity(v) }
        return OrderedResources(keys: pairs.map(\.0), set: set)
    }

    static let bundles: [OrderedResources] = [
        resources([("CPU", 1)]),
        resources([("GPU", 1), ("CPU", 2)]),
        resources([("custom", 0.5)]),
    ]

    /// A fresh PENDING group with three bundles.
    static func fresh(detached: Bool = false) -> PlacementGroupInfo {
        PlacementGroupInfo(id: id, name: "pg", namespace: "ns", strategy: .pack, bundles: bundles,
                           isDetached: detached, receivedNs: t0)
    }

    /// A group in `state` with placements consistent with it: PREPARED / CREATED have bundles on
    /// A, B, A; RESCHEDULING has bundle 1 unplaced.
    static func group(in state: PlacementGroupState) -> PlacementGroupInfo {
        let nodes: [NodeID?]
        switch state {
        case .pending, .removed: nodes = [nil, nil, nil]
        case .prepared, .created: nodes = [nodeA, nodeB, nodeA]
        case .rescheduling: nodes = [nodeA, nil, nodeA]
        }
        let specs = bundles.enumerated().map { BundleSpec(index: $0.offset, resources: $0.element, nodeID: nodes[$0.offset]) }
        return try! PlacementGroupInfo(restoring: id, name: "pg", namespace: "ns", strategy: .pack, bundles: specs,
                                       state: state, isDetached: false, creatorJobDead: false,
                                       creatorActorDead: true,
                                       stats: PlacementGroupStats(creationRequestReceivedNs: t0))
    }
}

/// The message of the error `body` throws, or nil when it does not throw.
func thrownMessage(_ body: () throws -> Void) -> String? {
    do { try body(); return nil } catch { return "\(error)" }
}

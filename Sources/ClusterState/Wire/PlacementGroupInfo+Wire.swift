import Foundation
import SwiftProtobuf

extension BundleSpec {
    /// The wire/storage form of one bundle.
    public var record: Swiftray_BundleRecord {
        var r = Swiftray_BundleRecord()
        r.index = Int32(index)
        r.resources = resources.set.raw
        r.keyOrder = resources.keys
        r.nodeID = Data(nodeID?.bytes ?? [])
        return r
    }

    public init(record r: Swiftray_BundleRecord) throws(ClusterStateError) {
        var node: NodeID?
        if !r.nodeID.isEmpty {
            guard let id = NodeID(bytes: [UInt8](r.nodeID)) else {
                throw .invalidRecord("A bundle record carries a node id of \(r.nodeID.count) bytes; 28 are required.")
            }
            node = id
        }
        let set = ResourceSet(raw: r.resources)
        let keys = r.keyOrder.isEmpty ? set.names : r.keyOrder
        self.init(index: Int(r.index), resources: OrderedResources(keys: keys, set: set), nodeID: node)
    }
}

extension PlacementGroupInfo {
    /// The wire/storage form of this row.
    public var record: Swiftray_PlacementGroupRecord {
        var r = Swiftray_PlacementGroupRecord()
        r.placementGroupID = Data(id.bytes)
        r.name = name
        r.namespace = namespace
        r.strategy = strategy.rawValue
        r.bundles = bundles.map(\.record)
        r.state = state.rawValue
        r.isDetached = isDetached
        r.creatorJobDead = creatorJobDead
        r.creatorActorDead = creatorActorDead
        var s = Swiftray_PlacementGroupStatsRecord()
        s.creationRequestReceivedNs = stats.creationRequestReceivedNs
        s.schedulingStartedTimeNs = stats.schedulingStartedTimeNs
        s.schedulingLatencyUs = stats.schedulingLatencyUs
        s.endToEndCreationLatencyUs = stats.endToEndCreationLatencyUs
        s.schedulingAttempt = Int32(stats.schedulingAttempt)
        s.highestRetryDelayMs = stats.highestRetryDelayMs
        s.schedulingState = stats.schedulingState.rawValue
        r.stats = s
        return r
    }

    /// Rebuilds a row from its wire/storage form, checking every enum and invariant.
    public init(record r: Swiftray_PlacementGroupRecord) throws(ClusterStateError) {
        guard let id = PlacementGroupID(bytes: [UInt8](r.placementGroupID)) else {
            throw .invalidRecord("A placement group record carries an id of \(r.placementGroupID.count) bytes; 18 are required.")
        }
        guard let strategy = PlacementStrategy(rawValue: r.strategy) else {
            throw .invalidRecord("Placement group \(id.hex) has the unknown strategy '\(r.strategy)'.")
        }
        guard let state = PlacementGroupState(rawValue: r.state) else {
            throw .invalidRecord("Placement group \(id.hex) has the unknown state '\(r.state)'.")
        }
        guard let scheduling = PlacementGroupSchedulingState(rawValue: r.stats.schedulingState) else {
            throw .invalidRecord("Placement group \(id.hex) has the unknown scheduling state '\(r.stats.schedulingState)'.")
        }
        var bundles: [BundleSpec] = []
        for b in r.bundles { bundles.append(try BundleSpec(record: b)) }
        let stats = PlacementGroupStats(
            creationRequestReceivedNs: r.stats.creationRequestReceivedNs,
            schedulingStartedTimeNs: r.stats.schedulingStartedTimeNs,
            schedulingLatencyUs: r.stats.schedulingLatencyUs,
            endToEndCreationLatencyUs: r.stats.endToEndCreationLatencyUs,
            schedulingAttempt: Int(r.stats.schedulingAttempt),
            highestRetryDelayMs: r.stats.highestRetryDelayMs,
            schedulingState: scheduling)
        try self.init(restoring: id, name: r.name, namespace: r.namespace, strategy: strategy, bundles: bundles,
                      state: state, isDetached: r.isDetached, creatorJobDead: r.creatorJobDead,
                      creatorActorDead: r.creatorActorDead, stats: stats)
    }
}

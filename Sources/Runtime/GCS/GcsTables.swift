import ClusterState
import Scheduling

/// The GCS's in-memory tables, mirrored from SQLite. Owned by the `GcsServer` actor; every
/// change is written to the store first and applied here only after the write succeeded.
struct GcsTables {
    /// Nodes in registration order (alive and dead).
    var nodeOrder: [NodeID] = []
    var nodes: [NodeID: NodeInfo] = [:]
    /// Jobs in counter order.
    var jobOrder: [JobID] = []
    var jobs: [JobID: JobInfo] = [:]
    var view = ClusterResourceView()
    /// Totals including committed placement-group resources, as the raylets last reported them.
    var liveTotals: [NodeID: ResourceSet] = [:]

    /// Placement groups in creation order (REMOVED ones are kept: they are listed).
    var groupOrder: [PlacementGroupID] = []
    var groups: [PlacementGroupID: PlacementGroupInfo] = [:]

    init(snapshot: StateStoreSnapshotAdapter) {
        for node in snapshot.nodes { put(node) }
        for job in snapshot.jobs { put(job) }
        for group in snapshot.placementGroups { put(group) }
    }

    mutating func put(_ group: PlacementGroupInfo) {
        if groups[group.id] == nil { groupOrder.append(group.id) }
        groups[group.id] = group
    }

    var allGroups: [PlacementGroupInfo] { groupOrder.compactMap { groups[$0] } }

    /// The live group named `name` in `namespace`, if any (names are free again after removal).
    func liveGroup(named name: String, namespace: String) -> PlacementGroupInfo? {
        guard !name.isEmpty else { return nil }
        return allGroups.first { $0.name == name && $0.namespace == namespace && $0.state != .removed }
    }

    mutating func put(_ node: NodeInfo) {
        if nodes[node.nodeID] == nil { nodeOrder.append(node.nodeID) }
        nodes[node.nodeID] = node
        if node.state == .alive {
            view.upsert(.init(nodeID: node.nodeID, total: liveTotals[node.nodeID] ?? node.resourcesTotal,
                              available: node.resourcesAvailable))
        } else {
            liveTotals[node.nodeID] = nil
            view.remove(node.nodeID)
        }
    }

    /// Records a node's live total (registered total plus committed bundle resources).
    mutating func setLiveTotal(_ id: NodeID, _ total: ResourceSet) {
        guard let node = nodes[id], node.state == .alive else { return }
        liveTotals[id] = total
        view.upsert(.init(nodeID: id, total: total, available: node.resourcesAvailable))
    }

    mutating func put(_ job: JobInfo) {
        if jobs[job.jobID] == nil { jobOrder.append(job.jobID) }
        jobs[job.jobID] = job
    }

    var allNodes: [NodeInfo] { nodeOrder.compactMap { nodes[$0] } }
    var allJobs: [JobInfo] { jobOrder.compactMap { jobs[$0] } }
}

/// The parts of a store snapshot the tables load (keeps GcsTables independent of StateStore).
struct StateStoreSnapshotAdapter {
    var nodes: [NodeInfo]
    var jobs: [JobInfo]
    var placementGroups: [PlacementGroupInfo]
}

import ClusterState
import DequeModule
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

    /// Placement groups. REMOVED ones are kept, since they are listed, but only the
    /// `retention` most recently created of them, which are the rows the store keeps.
    private(set) var groups: [PlacementGroupID: PlacementGroupInfo] = [:]
    /// Creation order; may hold ids of groups dropped since (skipped, compacted now and then).
    private var groupOrder: [PlacementGroupID] = []
    /// Each known group's place in creation order.
    private var creationIndex: [PlacementGroupID: Int] = [:]
    private var nextCreationIndex = 0
    /// The REMOVED groups by creation index, ascending: the front is dropped first.
    private var removedByCreation: Deque<(index: Int, id: PlacementGroupID)> = []
    /// How many REMOVED groups are kept (the store's retention).
    let retention: Int

    init(snapshot: StateStoreSnapshotAdapter, retention: Int) {
        self.retention = retention
        for node in snapshot.nodes { put(node) }
        for job in snapshot.jobs { put(job) }
        for group in snapshot.placementGroups { put(group) }
    }

    /// Adds or updates a group; a group that just became REMOVED may push the oldest REMOVED
    /// group out (as the store's retention deletes its row).
    mutating func put(_ group: PlacementGroupInfo) {
        let previous = groups.updateValue(group, forKey: group.id)
        if previous == nil {
            groupOrder.append(group.id)
            creationIndex[group.id] = nextCreationIndex
            nextCreationIndex += 1
        }
        guard group.state == .removed, previous?.state != .removed, let index = creationIndex[group.id] else { return }
        removedByCreation.insert((index, group.id), at: insertionPoint(of: index))
        while removedByCreation.count > retention {
            let oldest = removedByCreation.removeFirst().id
            groups[oldest] = nil
            creationIndex[oldest] = nil
        }
        if groupOrder.count > 2 * groups.count + 64 { groupOrder.removeAll { groups[$0] == nil } }
    }

    /// Where `index` goes in `removedByCreation` (groups are mostly removed in creation order,
    /// so this is usually the end).
    private func insertionPoint(of index: Int) -> Int {
        if let last = removedByCreation.last, last.index < index { return removedByCreation.count }
        var low = 0, high = removedByCreation.count
        while low < high {
            let mid = (low + high) / 2
            if removedByCreation[mid].index < index { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Every kept group in creation order.
    var allGroups: [PlacementGroupInfo] { groupOrder.compactMap { groups[$0] } }

    /// The live group named `name` in `namespace`, if any (names are free again after removal).
    func liveGroup(named name: String, namespace: String) -> PlacementGroupInfo? {
        guard !name.isEmpty else { return nil }
        // At most one live group holds a name, so no order is needed (and no list is built).
        return groups.values.first { $0.name == name && $0.namespace == namespace && $0.state != .removed }
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

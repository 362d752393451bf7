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

    init(snapshot: StateStoreSnapshotAdapter) {
        for node in snapshot.nodes { put(node) }
        for job in snapshot.jobs { put(job) }
    }

    mutating func put(_ node: NodeInfo) {
        if nodes[node.nodeID] == nil { nodeOrder.append(node.nodeID) }
        nodes[node.nodeID] = node
        if node.state == .alive {
            view.upsert(.init(nodeID: node.nodeID, total: node.resourcesTotal, available: node.resourcesAvailable))
        } else {
            view.remove(node.nodeID)
        }
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
}

import ClusterState
import Foundation

/// A worker-lease request waiting at this raylet: for resources, for a worker process to start,
/// or (infeasible) for a node that can hold it. Answered exactly once through `reply`. Owned by
/// the `Raylet` actor.
struct PendingLease: Sendable {
    let id: UUID
    let request: ResourceSet
    let strategy: Swiftray_TaskStrategyData
    let jobID: JobID
    /// The owner's connection; the request is dropped when it closes.
    let connectionID: UInt64
    let grantOrReject: Bool
    /// How many tasks of this shape the owner has queued (for demand reporting).
    let backlog: Int
    let reply: CheckedContinuation<Swiftray_RequestWorkerLeaseReply, Never>
    /// No alive node can hold the request; re-examined when the cluster changes.
    var infeasible = false
    /// Resources already taken for it (waiting for a worker to start).
    var allocated = false
    var gpuIDs: [Int] = []
    /// The worker being started for it.
    var worker: WorkerID?
    /// Set for an actor's worker (requested by the GCS): the lease outlives the requesting
    /// connection and the actor's job.
    var actorID: ActorID?
    /// The owner's name for the request (empty when it gave none).
    var requestID = Data()
}

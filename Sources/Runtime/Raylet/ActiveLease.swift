import ClusterState
import Foundation

/// A granted worker lease: the worker, the resources it holds and the owner's connection.
/// Owned by the `Raylet` actor; ends when the owner returns it or the owner or worker goes away.
struct ActiveLease: Sendable {
    let leaseID: Data
    let workerID: WorkerID
    let jobID: JobID
    var resources: ResourceSet
    let gpuIDs: [Int]
    let connectionID: UInt64
    /// The actor whose dedicated worker this is (the lease ends only when the worker does).
    let actorID: ActorID?
    /// The worker is blocked in `ray.get` and has lent its CPU back.
    var blocked = false
}

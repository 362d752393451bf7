import ClusterState
import Foundation

/// A granted worker lease: the worker, the resources it holds and the owner's connection.
/// Owned by the `Raylet` actor; ends when the owner returns it or the owner or worker goes away.
struct ActiveLease: Sendable {
    let leaseID: Data
    let workerID: WorkerID
    let jobID: JobID
    let resources: ResourceSet
    let gpuIDs: [Int]
    let connectionID: UInt64
    /// The worker is blocked in `ray.get` and has lent its CPU back.
    var blocked = false
}

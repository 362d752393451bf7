import ClusterState
import Foundation

/// One core worker the raylet knows: a `swiftray worker` process its pool started, or a driver
/// that registered. Owned by the `Raylet` actor.
struct PoolWorker: Sendable {
    enum State: Sendable, Equatable {
        /// Started, not registered yet.
        case starting
        /// Registered and free; `since` is when it became idle.
        case idle(since: ContinuousClock.Instant)
        /// Running tasks for the lease with this id.
        case leased(Data)
    }

    var workerID: WorkerID
    var jobID: JobID
    var pid: Int32
    var host: String
    var port: Int = 0
    var isDriver: Bool
    var state: State
    /// The connection the worker registered on (its death is that connection closing).
    var connectionID: UInt64?
    var launchTimeMs: Int64
    var startTimeMs: Int64 = 0
    /// Set when the raylet itself ended the process (idle, job finished).
    var stoppedOnPurpose = false
    /// Set when the process said it is leaving (`raylet.DisconnectWorker`) before its
    /// connection closed; otherwise a closed connection means it was killed or crashed.
    var leavingOnPurpose = false
}

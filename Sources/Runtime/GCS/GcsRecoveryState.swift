import ClusterState

/// What a GCS that started on an existing database is still waiting for. Owned by the
/// `GcsServer` actor (`GcsServer+Recovery`).
///
/// Until every node that was ALIVE has registered again (or been declared dead), the gate is
/// closed: no placement group is scheduled and no actor placed, so nothing is decided on a view
/// the raylets have not confirmed yet. Jobs that were RUNNING stay so while their drivers may
/// still reconnect and claim them; unclaimed ones fail at their deadline.
struct GcsRecoveryState {
    /// Nodes reloaded as ALIVE that have not registered again yet.
    var awaitedNodes: Set<NodeID> = []
    /// Closed while `awaitedNodes` is not empty; opened once.
    var gateOpen = true
    /// RUNNING jobs whose drivers have not reattached, with the time each is failed.
    var unclaimedJobs: [JobID: ContinuousClock.Instant] = [:]
    /// When the GCS started (for the recovery time it logs).
    var startedAt: ContinuousClock.Instant

    init(startedAt: ContinuousClock.Instant) { self.startedAt = startedAt }
}

import ClusterState

/// The GCS's bundle calls to each raylet (prepare, reserve, commit, cancel) that are not yet
/// answered, the groups being reserved on each node, and each raylet's bundle version from the
/// latest answer. Owned by `GcsServer` (actor-isolated state).
///
/// It guarantees two orderings that the wire alone does not:
/// - a reservation on a node starts only after every cancel sent to that node before it was
///   answered, so a removal can be acknowledged before its raylet gave the bundles back without
///   the next group finding them still held (`cancelsPending`, `waitForCancels`);
/// - a resource report overwrites the GCS's view of a node only when no group placed there is
///   being reserved, no bundle call to it is under way and the report is not older than the
///   latest answer (`reportIsCurrent`): the GCS changes its view when it decides, and a report
///   taken before the raylet acted on that decision would undo it. (`GcsServer` still takes one
///   report in four periods under calls that never stop.)
struct BundleCallTracker {
    private var inFlight: [NodeID: Int] = [:]
    private var reserving: [NodeID: Int] = [:]
    private var cancelsInFlight: [NodeID: Int] = [:]
    private var cancelWaiters: [NodeID: [CheckedContinuation<Void, Never>]] = [:]
    private var answeredVersion: [NodeID: UInt64] = [:]

    /// A call to `node` was started (before its request is sent).
    mutating func started(_ node: NodeID, isCancel: Bool) {
        inFlight[node, default: 0] += 1
        if isCancel { cancelsInFlight[node, default: 0] += 1 }
    }

    /// A call to `node` ended: answered with the raylet's `version`, or failed (nil).
    /// - Returns: the reservations that waited for this node's cancels and may go on now.
    mutating func ended(_ node: NodeID, isCancel: Bool, version: UInt64?) -> [CheckedContinuation<Void, Never>] {
        inFlight[node, default: 1] -= 1
        if inFlight[node] == 0 { inFlight[node] = nil }
        if let version, version > answeredVersion[node, default: 0] { answeredVersion[node] = version }
        guard isCancel else { return [] }
        cancelsInFlight[node, default: 1] -= 1
        guard cancelsInFlight[node] == 0 else { return [] }
        cancelsInFlight[node] = nil
        return cancelWaiters.removeValue(forKey: node) ?? []
    }

    /// A group was placed on `nodes` (its bundles taken out of the view): reserving it starts.
    mutating func reservationStarted(on nodes: some Sequence<NodeID>) {
        for node in nodes { reserving[node, default: 0] += 1 }
    }

    /// The reservation on `nodes` ended: the group's own bundles account for the resources
    /// now, or the view got them back.
    mutating func reservationEnded(on nodes: some Sequence<NodeID>) {
        for node in nodes {
            reserving[node, default: 1] -= 1
            if reserving[node] == 0 { reserving[node] = nil }
        }
    }

    /// True while a cancel sent to `node` is unanswered.
    func cancelsPending(_ node: NodeID) -> Bool { cancelsInFlight[node] != nil }

    /// Parks a reservation until `node`'s pending cancels are answered.
    mutating func waitForCancels(_ node: NodeID, _ continuation: CheckedContinuation<Void, Never>) {
        cancelWaiters[node, default: []].append(continuation)
    }

    /// Whether a report carrying `version` from `node` may overwrite the GCS's view of it.
    func reportIsCurrent(_ node: NodeID, version: UInt64) -> Bool {
        inFlight[node] == nil && reserving[node] == nil && version >= answeredVersion[node, default: 0]
    }
}

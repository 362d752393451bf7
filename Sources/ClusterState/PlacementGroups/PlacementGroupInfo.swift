/// One row of the GCS placement-group table. Owned by the GCS; everybody else sees copies.
///
/// Guarantees kept by the mutating methods (each refuses an illegal move with
/// `ClusterStateError.illegalTransition` and then leaves the group unchanged):
/// - PENDING and REMOVED groups have no placed bundle;
/// - PREPARED and CREATED groups have every bundle placed;
/// - a RESCHEDULING group keeps its surviving bundles where they are and only lost ones are
///   unplaced;
/// - `creatorJobID` is always the job embedded in `id`.
public struct PlacementGroupInfo: Sendable, Hashable {
    public var id: PlacementGroupID
    /// The user's name, `""` when unnamed. Unique per namespace among live groups (the GCS checks).
    public var name: String
    public var namespace: String
    public var strategy: PlacementStrategy
    /// Bundles in index order (`bundles[i].index == i`).
    public private(set) var bundles: [BundleSpec]
    public private(set) var state: PlacementGroupState
    /// `lifetime="detached"`: never removed because its creator died.
    public var isDetached: Bool
    public private(set) var creatorJobDead: Bool
    public private(set) var creatorActorDead: Bool
    public private(set) var stats: PlacementGroupStats

    /// A freshly registered group: PENDING, scheduling state QUEUED, no bundle placed, the
    /// creation request stamped `receivedNs`.
    ///
    /// A group created by a driver starts with `creatorActorDead` true (the default); one
    /// created by an actor passes false; one created by a detached actor also passes
    /// `creatorJobDead: true`.
    public init(id: PlacementGroupID, name: String, namespace: String, strategy: PlacementStrategy,
                bundles: [OrderedResources], isDetached: Bool, creatorJobDead: Bool = false,
                creatorActorDead: Bool = true, receivedNs: Int64) {
        self.id = id
        self.name = name
        self.namespace = namespace
        self.strategy = strategy
        self.bundles = bundles.enumerated().map { BundleSpec(index: $0.offset, resources: $0.element) }
        self.state = .pending
        self.isDetached = isDetached
        self.creatorJobDead = creatorJobDead
        self.creatorActorDead = creatorActorDead
        self.stats = PlacementGroupStats(creationRequestReceivedNs: receivedNs)
    }

    /// Rebuilds a stored row (snapshot load, wire decoding), checking the invariants above.
    public init(restoring id: PlacementGroupID, name: String, namespace: String,
                strategy: PlacementStrategy, bundles: [BundleSpec], state: PlacementGroupState,
                isDetached: Bool, creatorJobDead: Bool, creatorActorDead: Bool,
                stats: PlacementGroupStats) throws(ClusterStateError) {
        for (i, bundle) in bundles.enumerated() where bundle.index != i {
            throw .invalidRecord("Placement group \(id.hex) lists bundle \(bundle.index) at position \(i).")
        }
        let placed = bundles.filter(\.isPlaced).count
        switch state {
        case .pending, .removed:
            guard placed == 0 else {
                throw .invalidRecord("Placement group \(id.hex) is \(state.rawValue) but has \(placed) placed bundle(s).")
            }
        case .prepared, .created:
            guard placed == bundles.count else {
                throw .invalidRecord("Placement group \(id.hex) is \(state.rawValue) but has \(bundles.count - placed) unplaced bundle(s).")
            }
        case .rescheduling:
            break
        }
        self.id = id
        self.name = name
        self.namespace = namespace
        self.strategy = strategy
        self.bundles = bundles
        self.state = state
        self.isDetached = isDetached
        self.creatorJobDead = creatorJobDead
        self.creatorActorDead = creatorActorDead
        self.stats = stats
    }

    /// The job that created the group (the last four bytes of its id).
    public var creatorJobID: JobID { id.jobID }

    /// The bundles' resources in index order.
    public var bundleResources: [OrderedResources] { bundles.map(\.resources) }

    /// Indices of the bundles without a node, ascending.
    public var unplacedBundleIndices: [Int] { bundles.filter { !$0.isPlaced }.map(\.index) }

    /// Ray's `IsPlacementGroupLifetimeDone`: not detached, and both the creator job and the
    /// creator actor are dead. The GCS removes a group once this holds.
    public var isLifetimeDone: Bool { !isDetached && creatorJobDead && creatorActorDead }

    /// Records that the creator job ended.
    public mutating func markCreatorJobDead() { creatorJobDead = true }

    /// Records that the creator actor died.
    public mutating func markCreatorActorDead() { creatorActorDead = true }

    private func refuse(_ next: PlacementGroupState) -> ClusterStateError {
        .illegalTransition(entity: "placement group", from: state.rawValue, to: next.rawValue)
    }

    /// A scheduling attempt starts at `nowNs` (PENDING or RESCHEDULING only): counts it, stamps
    /// its start and sets the scheduling state to SCHEDULING_STARTED.
    public mutating func recordAttempt(nowNs: Int64) throws(ClusterStateError) {
        guard state == .pending || state == .rescheduling else {
            throw .illegalTransition(entity: "placement group scheduling", from: state.rawValue,
                                     to: PlacementGroupSchedulingState.schedulingStarted.rawValue)
        }
        stats.schedulingAttempt += 1
        stats.schedulingStartedTimeNs = nowNs
        stats.schedulingState = .schedulingStarted
    }

    /// The attempt failed (PENDING or RESCHEDULING only; the state does not change). The
    /// scheduling state becomes INFEASIBLE when `infeasible`, else FAILED_TO_COMMIT_RESOURCES for
    /// a RESCHEDULING group and NO_RESOURCES for a PENDING one. `backoffMs` is the delay before the
    /// next attempt (0 when none); `highestRetryDelayMs` keeps the largest seen.
    public mutating func recordFailure(infeasible: Bool, backoffMs: Double) throws(ClusterStateError) {
        let next: PlacementGroupSchedulingState =
            infeasible ? .infeasible : (state == .rescheduling ? .failedToCommitResources : .noResources)
        guard state == .pending || state == .rescheduling else {
            throw .illegalTransition(entity: "placement group scheduling", from: state.rawValue, to: next.rawValue)
        }
        stats.schedulingState = next
        if backoffMs > stats.highestRetryDelayMs { stats.highestRetryDelayMs = backoffMs }
    }

    /// Every bundle is reserved (PENDING or RESCHEDULING → PREPARED). `nodes` maps exactly the
    /// unplaced bundles' indices to their nodes; placed bundles never move.
    public mutating func markPrepared(nodes: [Int: NodeID]) throws(ClusterStateError) {
        guard state.canMove(to: .prepared) else { throw refuse(.prepared) }
        let unplaced = unplacedBundleIndices
        for index in unplaced where nodes[index] == nil {
            throw .invalidRecord("Placement group \(id.hex) cannot be prepared: bundle \(index) has no node.")
        }
        for index in nodes.keys.sorted() where !unplaced.contains(index) {
            throw .invalidRecord(index >= 0 && index < bundles.count
                ? "Placement group \(id.hex) cannot be prepared: bundle \(index) is already placed."
                : "Placement group \(id.hex) has no bundle \(index).")
        }
        for (index, node) in nodes { bundles[index].nodeID = node }
        state = .prepared
    }

    /// Every commit succeeded at `nowNs` (PREPARED → CREATED): scheduling state FINISHED, the
    /// scheduling latency measured from the attempt's start and the end-to-end latency from the
    /// creation request (µs, never negative).
    public mutating func markCreated(nowNs: Int64) throws(ClusterStateError) {
        guard state.canMove(to: .created) else { throw refuse(.created) }
        state = .created
        stats.schedulingState = .finished
        stats.schedulingLatencyUs = max(0, (nowNs - stats.schedulingStartedTimeNs) / 1000)
        stats.endToEndCreationLatencyUs = max(0, (nowNs - stats.creationRequestReceivedNs) / 1000)
    }

    /// Some commits failed (PREPARED → RESCHEDULING): the bundles in `uncommitted` lose their node,
    /// committed ones stay; scheduling state FAILED_TO_COMMIT_RESOURCES (re-queue at top priority).
    public mutating func markCommitFailed(uncommitted: Set<Int>) throws(ClusterStateError) {
        guard state == .prepared else { throw refuse(.rescheduling) }
        for index in uncommitted.sorted() where !bundles.indices.contains(index) {
            throw .invalidRecord("Placement group \(id.hex) has no bundle \(index).")
        }
        for index in uncommitted { bundles[index].nodeID = nil }
        state = .rescheduling
        stats.schedulingState = .failedToCommitResources
    }

    /// Nodes died: the bundles on `lostNodes` lose their node and the indices of those bundles are
    /// returned (ascending). A CREATED or PREPARED group holding one becomes RESCHEDULING with
    /// scheduling state QUEUED; a RESCHEDULING group stays so. Surviving bundles keep their node.
    /// A group holding none of them is unchanged (returns `[]`).
    @discardableResult
    public mutating func markRescheduling(lostNodes: Set<NodeID>) throws(ClusterStateError) -> [Int] {
        try markRescheduling(lostBundles: Set(bundles.filter { $0.nodeID.map(lostNodes.contains) ?? false }.map(\.index)))
    }

    /// Placed bundles were lost (their node died, or its raylet no longer holds them after a GCS
    /// restart): as `markRescheduling(lostNodes:)`, for the placed bundles among `lostBundles`.
    @discardableResult
    public mutating func markRescheduling(lostBundles: Set<Int>) throws(ClusterStateError) -> [Int] {
        let lost = bundles.filter { $0.nodeID != nil && lostBundles.contains($0.index) }.map(\.index)
        guard !lost.isEmpty else { return [] }
        guard state == .rescheduling || state.canMove(to: .rescheduling) else { throw refuse(.rescheduling) }
        for index in lost { bundles[index].nodeID = nil }
        if state != .rescheduling {
            state = .rescheduling
            stats.schedulingState = .queued
        }
        return lost
    }

    /// The group is removed (any state → REMOVED; idempotent). Returns the placements it held
    /// (bundle index → node) so their reservations can be returned; `[:]` when already removed.
    /// Afterwards every bundle is unplaced, the scheduling state is REMOVED and the latencies are 0.
    @discardableResult
    public mutating func markRemoved() -> [Int: NodeID] {
        guard state != .removed else { return [:] }
        var released: [Int: NodeID] = [:]
        for i in bundles.indices {
            if let node = bundles[i].nodeID { released[i] = node }
            bundles[i].nodeID = nil
        }
        state = .removed
        stats.schedulingState = .removed
        stats.schedulingLatencyUs = 0
        stats.endToEndCreationLatencyUs = 0
        return released
    }
}

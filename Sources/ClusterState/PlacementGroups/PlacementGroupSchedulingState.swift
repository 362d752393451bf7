/// Where the GCS's scheduler stands with a placement group (`PlacementGroupStats.SchedulingState`).
///
/// - QUEUED: registered, or re-queued after a node holding one of its bundles died;
/// - SCHEDULING_STARTED: an attempt is under way;
/// - NO_RESOURCES: the last attempt failed but the group fits the cluster's total resources
///   (retried with backoff);
/// - INFEASIBLE: the group can never fit the current nodes (parked until a node joins);
/// - FAILED_TO_COMMIT_RESOURCES: a RESCHEDULING group failed again (re-queued at top priority);
/// - FINISHED: every bundle committed;
/// - REMOVED: the group was removed.
public enum PlacementGroupSchedulingState: String, Sendable, Hashable, CaseIterable {
    case queued = "QUEUED"
    case removed = "REMOVED"
    case schedulingStarted = "SCHEDULING_STARTED"
    case noResources = "NO_RESOURCES"
    case infeasible = "INFEASIBLE"
    case failedToCommitResources = "FAILED_TO_COMMIT_RESOURCES"
    case finished = "FINISHED"

    /// Ray's protobuf enum number (QUEUED 0 … FINISHED 6, in declaration order).
    public var wireValue: Int { Self.allCases.firstIndex(of: self)! }

    /// The scheduling state with Ray's protobuf enum number `wireValue`, or nil when unknown.
    public init?(wireValue: Int) {
        guard Self.allCases.indices.contains(wireValue) else { return nil }
        self = Self.allCases[wireValue]
    }
}

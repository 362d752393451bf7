/// A placement group's lifecycle state, as Ray names it (`PlacementGroupTableData.PlacementGroupState`).
///
/// Legal transitions (`canMove(to:)`), and nothing else:
/// - PENDING → PREPARED (every bundle reserved), PENDING → REMOVED;
/// - PREPARED → CREATED (every commit succeeded), PREPARED → RESCHEDULING (a commit failed or a
///   node holding a bundle died), PREPARED → REMOVED;
/// - CREATED → RESCHEDULING (a node holding a bundle died), CREATED → REMOVED;
/// - RESCHEDULING → PREPARED (the lost bundles reserved again), RESCHEDULING → REMOVED;
/// - REMOVED is terminal.
///
/// Staying in the same state is not a transition (`canMove(to: self)` is false); see
/// `PlacementGroupInfo` for the operations that leave the state unchanged.
public enum PlacementGroupState: String, Sendable, Hashable, CaseIterable {
    case pending = "PENDING"
    case prepared = "PREPARED"
    case created = "CREATED"
    case removed = "REMOVED"
    case rescheduling = "RESCHEDULING"

    /// Whether moving from `self` to `next` is one of the legal transitions listed above.
    public func canMove(to next: PlacementGroupState) -> Bool {
        switch (self, next) {
        case (.pending, .prepared), (.pending, .removed),
             (.prepared, .created), (.prepared, .rescheduling), (.prepared, .removed),
             (.created, .rescheduling), (.created, .removed),
             (.rescheduling, .prepared), (.rescheduling, .removed):
            return true
        default:
            return false
        }
    }

    /// True for every state but REMOVED: the group holds (or waits for) resources and its name.
    public var isLive: Bool { self != .removed }

    /// Ray's protobuf enum number (PENDING 0, PREPARED 1, CREATED 2, REMOVED 3, RESCHEDULING 4).
    public var wireValue: Int {
        switch self {
        case .pending: return 0
        case .prepared: return 1
        case .created: return 2
        case .removed: return 3
        case .rescheduling: return 4
        }
    }

    /// The state with Ray's protobuf enum number `wireValue`, or nil for an unknown number.
    public init?(wireValue: Int) {
        guard let state = Self.allCases.first(where: { $0.wireValue == wireValue }) else { return nil }
        self = state
    }

    /// The name `placement_group_table()` prints for a protobuf enum number: unknown numbers
    /// read as `REMOVED`, as Ray's Python client does.
    public static func tableName(wireValue: Int) -> String {
        (PlacementGroupState(wireValue: wireValue) ?? .removed).rawValue
    }
}

/// The state of an actor, with Ray's `ActorTableData.ActorState` names as raw values.
///
/// Guarantees: `DEAD` is terminal; `canMove(to:)` admits exactly the transitions Ray makes:
/// DEPENDENCIES_UNREADY → PENDING_CREATION → ALIVE ⇄ RESTARTING, PENDING_CREATION → RESTARTING
/// (its worker died while the constructor ran), and any live state → DEAD.
public enum ActorState: String, Sendable, Hashable, CaseIterable {
    case dependenciesUnready = "DEPENDENCIES_UNREADY"
    case pendingCreation = "PENDING_CREATION"
    case alive = "ALIVE"
    case restarting = "RESTARTING"
    case dead = "DEAD"

    /// True for `DEAD`.
    public var isTerminal: Bool { self == .dead }

    /// Whether Ray moves an actor from this state to `next`.
    public func canMove(to next: ActorState) -> Bool {
        switch (self, next) {
        case (.dead, _): return false
        case (_, .dead): return true
        case (.dependenciesUnready, .pendingCreation), (.pendingCreation, .alive), (.pendingCreation, .restarting),
             (.alive, .restarting), (.restarting, .alive), (.restarting, .pendingCreation):
            return true
        default: return false
        }
    }
}

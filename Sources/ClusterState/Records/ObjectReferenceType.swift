/// How a process holds an object reference, with the names of Ray's memory table as raw values.
///
/// Guarantees: `rawValue` is Ray's name. Ray picks the first that applies, in this order:
/// `ACTOR_HANDLE` (the id of an actor creation task's return), `PINNED_IN_MEMORY` (an
/// in-flight get), `USED_BY_PENDING_TASK`, `LOCAL_REFERENCE`, `CAPTURED_IN_OBJECT`, else
/// `UNKNOWN_STATUS`.
public enum ObjectReferenceType: String, Sendable, Hashable, CaseIterable {
    case localReference = "LOCAL_REFERENCE"
    case usedByPendingTask = "USED_BY_PENDING_TASK"
    case capturedInObject = "CAPTURED_IN_OBJECT"
    case pinnedInMemory = "PINNED_IN_MEMORY"
    case actorHandle = "ACTOR_HANDLE"
    case unknownStatus = "UNKNOWN_STATUS"
}

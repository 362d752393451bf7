/// Why an actor died: Ray's `ActorDiedErrorContext.reason` names as raw values.
public enum ActorDeathReason: String, Sendable, Hashable, CaseIterable {
    case unspecified = "UNSPECIFIED"
    case workerDied = "WORKER_DIED"
    case ownerDied = "OWNER_DIED"
    case nodeDied = "NODE_DIED"
    case rayKill = "RAY_KILL"
    case outOfScope = "OUT_OF_SCOPE"
    case refDeleted = "REF_DELETED"
}

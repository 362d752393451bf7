/// What kind of work a task is, with Ray's `TaskType` names as raw values.
///
/// Guarantees: `rawValue` is Ray's name; `DRIVER_TASK` is the pseudo task of a driver, which
/// `list tasks` hides by default.
public enum TaskType: String, Sendable, Hashable, CaseIterable {
    case normalTask = "NORMAL_TASK"
    case actorCreationTask = "ACTOR_CREATION_TASK"
    case actorTask = "ACTOR_TASK"
    case driverTask = "DRIVER_TASK"
}

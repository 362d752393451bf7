/// One state change of a task attempt: the state entered and when (Unix milliseconds).
///
/// Guarantees: a plain value; `TaskInfo.events` keeps them in the order they were reported.
public struct TaskStateEvent: Sendable, Hashable {
    public var state: TaskState
    public var createdMs: Int64

    public init(state: TaskState, createdMs: Int64) {
        self.state = state
        self.createdMs = createdMs
    }
}

/// The result of running a task or actor method on the worker side.
public enum TaskOutcome: Sendable, Equatable {
    /// The returned value.
    case value(ScriptData)
    /// The Python exception the call raised.
    case failure(TaskFailure)
}

/// An actor's `lifetime=` option when given: `"detached"` (lives on after its creator and job) or
/// `"non_detached"` (explicitly tied to its creator). No value (`None`) means the job's default.
public enum ActorLifetime: String, Hashable, Sendable {
    case detached
    case nonDetached = "non_detached"
}

/// Where an actor's interpreter takes its next method call from (`Interpreter.serveActor`).
/// Implemented by the worker process; thread-safe.
public protocol ActorMailbox: AnyObject, Sendable {
    /// Blocks until a call arrives or `timeout` seconds pass (nil: no limit). Returns
    /// `.timedOut` on timeout, and `.closed` once the actor is being shut down (serving then ends).
    func next(timeout: Double?) -> ActorMailboxItem
}

/// What `ActorMailbox.next` returns.
public enum ActorMailboxItem: Sendable {
    case call(ActorCall)
    case timedOut
    case closed
}

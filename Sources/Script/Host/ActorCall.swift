/// One method call delivered to an actor's interpreter (`Interpreter.serveActor`), in the
/// order the worker decided (per-caller submission order).
///
/// `complete` is called exactly once, on the interpreter's thread, with the call's outcome;
/// it must not block (hand the result off to another thread).
public struct ActorCall: Sendable {
    /// `name` is `Class.method`; arguments are resolved values.
    public var spec: RemoteCallSpec
    /// `.options(concurrency_group=)` of the call; nil uses the method's own group
    /// (`@ray.method(concurrency_group=)`), else the default group.
    public var concurrencyGroup: String?
    /// Runs just before the call's Python code starts (e.g. to set the print prefix).
    public var starting: @Sendable () -> Void
    public var complete: @Sendable (TaskOutcome) -> Void

    public init(spec: RemoteCallSpec, concurrencyGroup: String?, starting: @escaping @Sendable () -> Void = {},
                complete: @escaping @Sendable (TaskOutcome) -> Void) {
        self.spec = spec
        self.concurrencyGroup = concurrencyGroup
        self.starting = starting
        self.complete = complete
    }
}

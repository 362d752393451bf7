/// An actor method call admitted by `Interpreter.serveActor` outside the inline path: the call,
/// the concurrency group whose slot it holds, and its outcome once its code has ended.
///
/// Guarantees: `started` turns true just before `call.starting()` runs; `outcome` is set at most
/// once, by the call's task.
final class ActorRunningCall {
    let call: ActorCall
    /// The spec actually run (its `actorID` is the served actor's).
    let spec: RemoteCallSpec
    /// The group's key in `ActorCallScheduler.groups` (`""` is the default group).
    let group: String
    var started = false
    var outcome: TaskOutcome?

    init(call: ActorCall, spec: RemoteCallSpec, group: String) {
        self.call = call
        self.spec = spec
        self.group = group
    }
}

/// The state of an actor served with concurrency (`Interpreter.serveActor` for async and
/// threaded actors): the actor's one persistent event loop, each concurrency group's slots and
/// waiting calls, and every admitted call not yet completed.
///
/// Guarantees (kept by the serving loop): a group never runs more calls than its limit; a
/// group's waiting calls start in arrival order; every admitted call is completed exactly once
/// (`complete` removes it from `open`).
final class ActorCallScheduler {
    let loop: EventLoop
    /// By group key; `""` is the default group.
    var groups: [String: ActorGroupState]
    /// Calls admitted to a slot (running or about to start), in admission order.
    var open: [ActorRunningCall] = []

    init(loop: EventLoop, defaultLimit: Int, groups: [(name: String, limit: Int)]) {
        self.loop = loop
        var table = ["": ActorGroupState(limit: defaultLimit)]
        for g in groups { table[g.name] = ActorGroupState(limit: g.limit) }
        self.groups = table
    }

    /// Reports `outcome` for `running` and frees its group slot. Returns the group's next
    /// waiting call, now holding the slot, if any.
    func complete(_ running: ActorRunningCall, _ outcome: TaskOutcome) -> (call: ActorCall, spec: RemoteCallSpec)? {
        guard let index = open.firstIndex(where: { $0 === running }) else { return nil }
        open.remove(at: index)
        running.call.complete(outcome)
        groups[running.group]?.running -= 1
        // Changed in place: a copy of the group would copy its whole waiting queue.
        guard let group = groups[running.group], !group.waiting.isEmpty, group.hasFreeSlot else { return nil }
        return groups[running.group]!.waiting.popFirst()
    }
}

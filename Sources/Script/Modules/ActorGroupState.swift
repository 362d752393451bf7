import DequeModule

/// One concurrency group of an actor being served: its limit, how many of its calls are
/// running, and the calls waiting for a slot.
///
/// Guarantees (kept by `ActorCallScheduler`): `running <= limit`; `waiting` is in arrival order.
struct ActorGroupState {
    let limit: Int
    var running = 0
    var waiting = Deque<(call: ActorCall, spec: RemoteCallSpec)>()

    init(limit: Int) { self.limit = max(1, limit) }

    var hasFreeSlot: Bool { running < limit }
}

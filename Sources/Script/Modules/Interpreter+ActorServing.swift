/// Serving an actor's method calls with Ray's concurrency rules (the worker process of an
/// actor calls `serveActor` once, after `createActorInstance` succeeded).
extension Interpreter {
    /// Runs the method calls `mailbox` delivers on the actor created under `actorID`, until
    /// `mailbox.next` returns `.closed`. Call it on the interpreter's thread; it blocks.
    ///
    /// - Calls start in the order the mailbox delivers them (subject to their group's limit).
    /// - A call's concurrency group is `call.concurrencyGroup` (empty counts as unset), else
    ///   the method's `@ray.method(concurrency_group=)`, else the default group. A group the
    ///   actor does not define completes the call at once with a `ValueError` naming it.
    /// - The default group's limit is `concurrency.maxConcurrency`, else 1000 for an async
    ///   actor (its class defines an `async def` method) and 1 for a threaded one; each named
    ///   group has its own limit. Calls over a limit wait in the group's FIFO queue.
    /// - A sync actor with one slot and no groups runs each call inline, in order.
    /// - Otherwise calls are tasks on one event loop kept for the actor's life; coroutine
    ///   methods are awaited, `await asyncio.sleep` lets other calls run, and on a threaded
    ///   actor `time.sleep` does too (on an async actor it blocks the loop, as in Python).
    ///   While nothing is ready the loop blocks in `mailbox.next(timeout:)` until the next
    ///   sleeper is due, so new calls start promptly.
    /// - `call.starting()` runs just before the call's code; `call.complete` runs exactly once,
    ///   on this thread, with the value or the Python failure (as `executeActorMethod`).
    /// - On `.closed`, calls still suspended get `CancelledError` (their failure is reported);
    ///   calls that never ran complete with `ActorDiedError`.
    public func serveActor(actorID: String, concurrency: ActorConcurrencySpec, mailbox: ActorMailbox) {
        onLargeStack { serveActorOnCurrentThread(actorID: actorID, concurrency: concurrency, mailbox: mailbox) }
    }

    func serveActorOnCurrentThread(actorID: String, concurrency: ActorConcurrencySpec, mailbox: ActorMailbox) {
        var actorClass: PyType?
        if case .instance(let inst)? = actorInstances[actorID] { actorClass = inst.type }
        let isAsync = actorClass.map(definesAsyncMethod) ?? false
        let defaultLimit = max(1, concurrency.maxConcurrency ?? (isAsync ? 1000 : 1))
        var resolver = ActorGroupResolver(actorClass: actorClass, groupNames: concurrency.groups.map(\.name))
        if !isAsync && defaultLimit == 1 && concurrency.groups.isEmpty {
            serveInline(actorID: actorID, mailbox: mailbox, resolver: &resolver)
            return
        }
        let loop = EventLoop()
        loop.timeSleepYields = !isAsync
        let scheduler = ActorCallScheduler(loop: loop, defaultLimit: defaultLimit, groups: concurrency.groups)
        serveOnLoop(actorID: actorID, scheduler: scheduler, mailbox: mailbox, resolver: &resolver)
    }

    /// True when the class (or a base) defines an `async def` method: Ray's async actor.
    func definesAsyncMethod(_ type: PyType) -> Bool {
        for t in type.mro where t !== types.object {
            for value in t.dict.values {
                var v = value
                if case .wrapper(let w) = v { v = w.function }
                if case .function(let f) = v, f.code.isAsync { return true }
            }
        }
        return false
    }

    /// The throughput path: one call at a time, in order, no fibers.
    private func serveInline(actorID: String, mailbox: ActorMailbox, resolver: inout ActorGroupResolver) {
        while true {
            switch mailbox.next(timeout: nil) {
            case .closed: return
            case .timedOut: continue
            case .call(let call):
                var spec = call.spec
                spec.actorID = actorID
                var name = ""
                guard resolver.groupKey(of: call, method: Self.methodName(of: spec), name: &name) != nil else {
                    call.complete(unknownGroupFailure(name, spec: spec, resolver: resolver))
                    continue
                }
                handling = []
                generatorSinks = []
                call.starting()
                call.complete(workerCall(spec) { try self.actorMethodValue(spec) })
            }
        }
    }

    private func serveOnLoop(actorID: String, scheduler: ActorCallScheduler, mailbox: ActorMailbox,
                             resolver: inout ActorGroupResolver) {
        let loop = scheduler.loop
        let outer = eventLoop
        eventLoop = loop
        defer { eventLoop = outer }
        while true {
            let timeout: Double?
            if !loop.ready.isEmpty {
                timeout = 0
            } else if let wake = loop.sleeping.lazy.map(\.wake).min() {
                timeout = max(0, wake - host.monotonicSeconds())
            } else {
                timeout = nil
            }
            switch mailbox.next(timeout: timeout) {
            case .closed:
                shutDown(scheduler)
                return
            case .call(let call):
                admit(call, actorID: actorID, scheduler: scheduler, resolver: &resolver)
            case .timedOut:
                break
            }
            wakeDueSleepers(loop)
            guard !loop.ready.isEmpty else { continue }
            let task = loop.ready.removeFirst()
            if let running = task.actorCall, !running.started {
                running.started = true
                running.call.starting()
            }
            switchTo(task, loop)
            guard task.done else { continue }
            loop.allTasks.removeAll { $0 === task }
            if let running = task.actorCall {
                task.actorCall = nil
                let outcome = running.outcome ?? .failure(TaskFailure(typeName: "SystemError", message: "the call ended without a result",
                                                                      traceback: "SystemError: the call ended without a result\n"))
                if let next = scheduler.complete(running, outcome) {
                    start(next.call, spec: next.spec, group: running.group, scheduler: scheduler)
                }
            }
        }
    }

    /// Moves sleepers whose wake time has come to the ready queue (earliest first); once one is
    /// due, those due within the next millisecond wake with it (CPython's loop waits in whole
    /// milliseconds, so calls that slept alike wake together).
    private func wakeDueSleepers(_ loop: EventLoop) {
        guard !loop.sleeping.isEmpty else { return }
        let now = host.monotonicSeconds()
        guard loop.sleeping.contains(where: { $0.wake <= now }) else { return }
        let horizon = now + 0.001
        let due = loop.sleeping.filter { $0.wake <= horizon }.sorted { ($0.wake, $0.order) < ($1.wake, $1.order) }
        loop.sleeping.removeAll { $0.wake <= horizon }
        loop.ready.append(contentsOf: due.map(\.task))
    }

    /// Resolves the call's group and starts it, queues it behind the group's limit, or fails it.
    private func admit(_ call: ActorCall, actorID: String, scheduler: ActorCallScheduler, resolver: inout ActorGroupResolver) {
        var spec = call.spec
        spec.actorID = actorID
        var name = ""
        guard let key = resolver.groupKey(of: call, method: Self.methodName(of: spec), name: &name),
              let group = scheduler.groups[key] else {
            call.complete(unknownGroupFailure(name, spec: spec, resolver: resolver))
            return
        }
        if group.hasFreeSlot {
            start(call, spec: spec, group: key, scheduler: scheduler)
        } else {
            scheduler.groups[key]?.waiting.append((call, spec))
        }
    }

    /// Takes a slot of `group` and schedules the call as a task (it starts when the loop
    /// reaches it, after the tasks already ready).
    private func start(_ call: ActorCall, spec: RemoteCallSpec, group: String, scheduler: ActorCallScheduler) {
        scheduler.groups[group]?.running += 1
        let running = ActorRunningCall(call: call, spec: spec, group: group)
        scheduler.open.append(running)
        let coroutine = PyCoroutine(name: Self.methodName(of: spec)) { [unowned self] in
            running.outcome = self.workerCall(running.spec) { try self.actorMethodValue(running.spec) }
            return .none
        }
        let task = spawn(coroutine, on: scheduler.loop)
        task.savedFrames = []
        task.savedHandling = []
        task.savedGeneratorSinks = []
        task.actorCall = running
    }

    /// Ends serving: suspended tasks are cancelled (`CancelledError` unwinds them), then every
    /// call not yet completed is completed, with its own outcome if it has one.
    private func shutDown(_ scheduler: ActorCallScheduler) {
        cancelPending(scheduler.loop)
        let died = TaskOutcome.failure(TaskFailure(
            typeName: "ActorDiedError", message: "The actor was shut down before this call finished.",
            traceback: "ray.exceptions.ActorDiedError: The actor was shut down before this call finished.\n"))
        for running in scheduler.open { running.call.complete(running.outcome ?? died) }
        scheduler.open = []
        for key in scheduler.groups.keys.sorted() {
            for waiting in scheduler.groups[key]?.waiting ?? [] { waiting.call.complete(died) }
            scheduler.groups[key]?.waiting.removeAll()
        }
        for task in scheduler.loop.allTasks { task.actorCall = nil }
        scheduler.loop.ready = []
        scheduler.loop.sleeping = []
        scheduler.loop.allTasks = []
    }

    private func unknownGroupFailure(_ name: String, spec: RemoteCallSpec, resolver: ActorGroupResolver) -> TaskOutcome {
        let className = spec.name.split(separator: ".").first.map(String.init) ?? spec.name
        let message = resolver.unknownGroupMessage(name, className: className)
        return .failure(TaskFailure(typeName: "ValueError", message: message, traceback: "ValueError: \(message)\n"))
    }
}

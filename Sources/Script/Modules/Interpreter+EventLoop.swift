/// Cooperative scheduling of coroutines for `asyncio.run`, `gather`, `create_task`, `sleep`.
extension Interpreter {
    /// Runs `main` to completion on a fresh event loop.
    func runEventLoop(_ main: PyCoroutine) throws -> Value {
        let outer = eventLoop
        if let outer, !outer.timeSleepYields {
            throw raise("RuntimeError", .str("asyncio.run() cannot be called from a running event loop"))
        }
        let loop = EventLoop()
        eventLoop = loop
        defer { eventLoop = outer }
        defer { cancelPending(loop) }
        let mainTask = spawn(main, on: loop)
        while !mainTask.done {
            if !loop.ready.isEmpty {
                switchTo(loop.ready.removeFirst(), loop)
                continue
            }
            if let next = loop.sleeping.min(by: { ($0.wake, $0.order) < ($1.wake, $1.order) }) {
                let now = host.monotonicSeconds()
                if next.wake > now { host.sleep(seconds: next.wake - now) }
                if host.pollInterrupt() { throw raise("KeyboardInterrupt", nil) }
                let woken = host.monotonicSeconds()
                let due = loop.sleeping.filter { $0.wake <= woken || $0.order == next.order }.sorted { ($0.wake, $0.order) < ($1.wake, $1.order) }
                loop.sleeping.removeAll { entry in due.contains { $0.order == entry.order } }
                loop.ready.append(contentsOf: due.map { $0.task })
                continue
            }
            throw raise("RuntimeError", .str("Event loop stopped before Future completed."))
        }
        if let e = mainTask.error { throw e }
        return mainTask.result ?? .none
    }

    /// Unwinds tasks still suspended when the loop ends (as CPython cancels them), so their
    /// fibers finish instead of waiting forever.
    func cancelPending(_ loop: EventLoop) {
        for _ in 0..<3 {
            let pending = loop.allTasks.filter { !$0.done && ($0.fiber?.started ?? false) }
            if pending.isEmpty { return }
            for t in pending {
                t.cancelled = true
                switchTo(t, loop)
            }
        }
    }

    func cancelledError() -> ScriptError {
        guard case .type(let t)? = (try? importModule(["asyncio"]))?.attrs["CancelledError"] else { return raise("RuntimeError", .str("cancelled")) }
        let inst = PyInstance(type: t)
        inst.attrs["args"] = .tuple([])
        return .exception(newException(inst))
    }

    /// Schedules a coroutine as a task on the loop.
    @discardableResult
    func spawn(_ coroutine: PyCoroutine, on loop: EventLoop) -> AsyncTask {
        let task = AsyncTask(coroutine: coroutine)
        task.savedFrames = frames
        task.fiber = Fiber { [unowned self, unowned task] in
            do { task.result = try task.coroutine.run() } catch { task.error = error }
            _ = self
        }
        loop.ready.append(task)
        loop.allTasks.append(task)
        return task
    }

    /// Runs `task` until it suspends or finishes, giving it its own frames, handled-exception
    /// stack and generator sinks; marks it done (waking its waiters) when its fiber finished.
    func switchTo(_ task: AsyncTask, _ loop: EventLoop) {
        let savedFrames = frames, savedHandling = handling, savedSinks = generatorSinks
        frames = task.savedFrames
        handling = task.savedHandling
        generatorSinks = task.savedGeneratorSinks
        loop.current = task
        task.fiber?.resume()
        task.savedFrames = frames
        task.savedHandling = handling
        task.savedGeneratorSinks = generatorSinks
        frames = savedFrames
        handling = savedHandling
        generatorSinks = savedSinks
        loop.current = nil
        if task.fiber?.finished ?? true {
            task.done = true
            loop.ready.append(contentsOf: task.waiters)
            task.waiters = []
        }
    }

    /// `await asyncio.sleep(s)` inside a task: yields to the loop until the time has passed.
    func asyncSleep(_ seconds: Double) throws {
        guard let loop = eventLoop, let task = loop.current, let fiber = task.fiber else {
            host.sleep(seconds: max(0, seconds))
            if host.pollInterrupt() { throw raise("KeyboardInterrupt", nil) }
            return
        }
        loop.sleepCounter += 1
        loop.sleeping.append((host.monotonicSeconds() + max(0, seconds), loop.sleepCounter, task))
        fiber.suspend()
        if task.cancelled { throw cancelledError() }
    }

    /// `await task`: waits (yielding to the loop) until the task is done.
    func awaitTask(_ task: AsyncTask) throws -> Value {
        while !task.done {
            guard let loop = eventLoop, let current = loop.current, current !== task, let fiber = current.fiber else {
                throw raise("RuntimeError", .str("cannot await a task outside its event loop"))
            }
            task.waiters.append(current)
            fiber.suspend()
            if current.cancelled { throw cancelledError() }
        }
        if let e = task.error { throw e }
        return task.result ?? .none
    }

    /// Wraps a task as a Python `asyncio.Task` object.
    func taskValue(_ task: AsyncTask) -> Value {
        let type = asyncioTaskType
        let inst = PyInstance(type: type)
        inst.payload = task
        return .instance(inst)
    }

    var asyncioTaskType: PyType {
        if let t = viewTypes["asyncio.Task"] { return t }
        let t = PyType(name: "Task", bases: [types.object], module: "asyncio")
        t.dict["__await_value__"] = .builtin(PyBuiltin("__await_value__") { i, a in
            guard case .instance(let inst)? = a.positional.first, let task = inst.payload as? AsyncTask else { return .none }
            return try i.awaitTask(task)
        })
        t.dict["done"] = .builtin(PyBuiltin("done") { _, a in
            guard case .instance(let inst)? = a.positional.first, let task = inst.payload as? AsyncTask else { return .bool(false) }
            return .bool(task.done)
        })
        t.dict["result"] = .builtin(PyBuiltin("result") { i, a in
            guard case .instance(let inst)? = a.positional.first, let task = inst.payload as? AsyncTask else { return .none }
            guard task.done else { throw i.raise("RuntimeError", .str("Result is not set.")) }
            if let e = task.error { throw e }
            return task.result ?? .none
        })
        t.dict["__repr__"] = .builtin(PyBuiltin("__repr__") { _, a in
            guard case .instance(let inst)? = a.positional.first, let task = inst.payload as? AsyncTask else { return .str("<Task>") }
            return .str("<Task \(task.done ? "finished" : "pending") coro=<\(task.coroutine.name)()>>")
        })
        viewTypes["asyncio.Task"] = t
        return t
    }

    /// Turns an awaitable into a task (coroutines are scheduled; tasks pass through).
    func ensureTask(_ v: Value, _ loop: EventLoop) throws -> AsyncTask {
        switch v {
        case .coroutine(let c): return spawn(c, on: loop)
        case .instance(let inst):
            if let t = inst.payload as? AsyncTask { return t }
            if inst.type.lookup("__await_value__") != nil {
                return spawn(PyCoroutine(name: "await") { [unowned self] in try self.awaitValue(v) }, on: loop)
            }
        default: break
        }
        throw raise("TypeError", .str("An asyncio.Future, a coroutine or an awaitable is required"))
    }
}

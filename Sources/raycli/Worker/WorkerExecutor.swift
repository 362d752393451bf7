import ClusterState
import Dispatch
import Foundation
import NIOConcurrencyHelpers
import Runtime
import Script

/// Runs pushed tasks in a worker process: loads each function's definition from the GCS KV
/// once (then caches it), resolves the arguments (inline values, or objects read from the
/// object store), runs the call on the interpreter's own thread, and turns the result into
/// return objects — inline when small, in the node's object store when large — or into the
/// exception `ray.get` re-raises. A normal task goes from the connection's event loop straight
/// to the interpreter thread, which runs a lease's tasks in arrival order and builds each
/// answer itself; it waits for async work (loading a definition or an object, storing a large
/// result) only when a task needs it. Actor calls take the async path through the mailbox.
final class WorkerExecutor: TaskExecutor, @unchecked Sendable {
    private let thread = InterpreterThread()
    private let host: WorkerHost
    private let bridge: DriverBridge
    private let definitions = NIOLockedValueBox<[String: String]>([:])
    private let coreBox = NIOLockedValueBox<CoreWorker?>(nil)
    private var interpreter: Interpreter?
    /// Runs a plain actor's calls in the order each caller pushed them.
    private let sequencer = PushSequencer()

    /// Set once this worker runs an actor: its method calls go through the mailbox.
    private let actor = NIOLockedValueBox<(mailbox: ActorMailboxQueue, ordered: Bool)?>(nil)

    init(host: WorkerHost, bridge: DriverBridge) {
        self.host = host
        self.bridge = bridge
    }

    func attach(_ core: CoreWorker) { coreBox.withLockedValue { $0 = core } }

    var core: CoreWorker { coreBox.withLockedValue { $0! } }

    func start(_ request: Swiftray_PushTaskRequest, done: @escaping @Sendable (Swiftray_PushTaskReply) -> Void) {
        let spec = request.spec
        guard spec.actorCreation || !spec.actorID.isEmpty else {
            thread.submit {
                let start = Self.nowMs()
                done(self.stamped(self.run(request), start: start))
            }
            return
        }
        let start = Self.nowMs()
        Task {
            let reply = spec.actorCreation ? await self.createActor(request) : await self.callActor(request)
            done(self.stamped(reply, start: start))
        }
    }

    private static func nowMs() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// `reply` with where and when it ran.
    private func stamped(_ reply: Swiftray_PushTaskReply, start: Int64) -> Swiftray_PushTaskReply {
        var reply = reply
        reply.nodeID = Data(core.nodeID.bytes)
        reply.workerID = Data(core.workerID.bytes)
        reply.workerPid = getpid()
        reply.startMs = start
        reply.endMs = Self.nowMs()
        return reply
    }

    /// A pushed call ready for the interpreter, or the answer when it could not be prepared.
    private enum Prepared {
        case call(RemoteCallSpec)
        case answer(Swiftray_PushTaskReply)
    }

    /// The call as the interpreter takes it: the definition (loaded once) and decoded arguments.
    private func prepare(_ spec: Swiftray_TaskSpec, name: String, actorID: String? = nil) async -> Prepared {
        let core = self.core
        let codec = ValueCodec(core: core)
        do {
            let source = spec.functionKey.isEmpty ? "" : try await definition(spec.functionKey, name: spec.name)
            var loaded: [Int: ScriptData] = [:]
            for (i, a) in (spec.args + spec.kwargs).enumerated() {
                guard case .resolved(let payload)? = a.kind else { continue }
                guard let id = ObjectID(bytes: [UInt8](a.resolvedObjectID)) else {
                    throw BridgeError("RaySystemError", "A resolved argument carries a malformed object id.")
                }
                loaded[i] = try codec.deserialize(try await core.bytes(of: payload, id: id))
            }
            if let call = call(spec, name: name, actorID: actorID, source: source, loaded: loaded) { return .call(call) }
            throw BridgeError("RaySystemError", "An argument kind is not known to this worker.")
        } catch {
            return .answer(Self.failure(spec, typeName: "RaySystemError", message: "System error: the task's arguments or definition could not be loaded: \(error)"))
        }
    }

    /// `prepare` on the interpreter thread: at once when the definition is cached and every
    /// argument travels inline (the usual case), else it waits for the loading.
    private func prepareNow(_ spec: Swiftray_TaskSpec, name: String) -> Prepared {
        let cached = spec.functionKey.isEmpty ? "" : definitions.withLockedValue { $0[spec.functionKey] }
        if !spec.hasResolvedArguments, let call = call(spec, name: name, actorID: nil, source: cached, loaded: [:]) { return .call(call) }
        return BlockingAsync.wait { await self.prepare(spec, name: name) }
    }

    /// The call built from the definition's `source` and the arguments: inline ones decoded here,
    /// objects taken from `loaded` (by position, keyword arguments after positional ones). Nil
    /// when the source or an object is not at hand.
    private func call(_ spec: Swiftray_TaskSpec, name: String, actorID: String?, source: String?,
                      loaded: [Int: ScriptData]) -> RemoteCallSpec? {
        guard let source else { return nil }
        let codec = ValueCodec(core: core)
        func value(_ a: Swiftray_TaskArg, at i: Int) -> ScriptData? {
            switch a.kind {
            case .value(let v)?: return codec.decode(v)
            case .resolved?: return loaded[i]
            case nil: return ScriptData.none
            }
        }
        var args: [ScriptData] = []
        for (i, a) in spec.args.enumerated() {
            guard let v = value(a, at: i) else { return nil }
            args.append(v)
        }
        var kwargs: [ScriptDataEntry] = []
        for (j, (name, a)) in zip(spec.kwargNames, spec.kwargs).enumerated() {
            guard let v = value(a, at: spec.args.count + j) else { return nil }
            kwargs.append(ScriptDataEntry(.string(name), v))
        }
        return RemoteCallSpec(name: name, moduleSource: "", definitionSource: source, arguments: args,
                              keywordArguments: kwargs, options: [], actorID: actorID)
    }

    /// `OMP_NUM_THREADS` and `CUDA_VISIBLE_DEVICES` for what the lease holds.
    private static func environment(_ request: Swiftray_PushTaskRequest) -> [String: String] {
        let resources = ResourceSet(raw: request.resources)
        var environment = ["OMP_NUM_THREADS": String(max(1, Int(resources["CPU"].doubleValue)))]
        if !request.gpuIds.isEmpty || resources["GPU"].raw > 0 {
            environment["CUDA_VISIBLE_DEVICES"] = request.gpuIds.map(String.init).joined(separator: ",")
        }
        return environment
    }

    /// `(name pid=N)`, with `, ip=` when this node is not the driver's.
    private func printPrefix(_ name: String, driver: Swiftray_WorkerAddress) -> String {
        var prefix = "(\(name) pid=\(getpid())"
        if driver.host != core.nodeIP { prefix += ", ip=\(core.nodeIP)" }
        return prefix + ")"
    }

    /// Runs a normal task on the interpreter thread, which it holds until the answer is built.
    private func run(_ request: Swiftray_PushTaskRequest) -> Swiftray_PushTaskReply {
        let spec = request.spec
        let core = self.core
        let call: RemoteCallSpec
        switch prepareNow(spec, name: spec.name) {
        case .call(let c): call = c
        case .answer(let reply): return reply
        }
        guard let taskID = TaskID(bytes: [UInt8](spec.taskID)) else {
            return Self.failure(spec, typeName: "RaySystemError", message: "System error: the task id is malformed.")
        }
        core.currentTask = taskID
        core.currentDriver = spec.driver
        core.currentStrategy = spec.strategy
        bridge.setTaskContext(taskID: taskID.hex, gpuIDs: request.gpuIds.map(Int.init))
        core.recordTaskState(spec, "RUNNING", pid: getpid())
        let interpreter = self.interpreter(prefix: printPrefix(spec.name, driver: spec.driver), driver: spec.driver,
                                           environment: Self.environment(request))
        let outcome = interpreter.executeTask(call)
        host.flush()
        host.forwarder.drainBlocking()
        core.currentTask = nil
        core.currentStrategy = nil
        switch answer(spec, outcome) {
        case .ready(let reply): return reply
        case .store(let values): return BlockingAsync.wait { await self.store(spec, values) }
        }
    }

    /// The worker's interpreter (made on first use), with the host set up for the next call.
    /// Runs on the interpreter thread.
    private func interpreter(prefix: String, driver: Swiftray_WorkerAddress, environment: [String: String]) -> Interpreter {
        let changed = host.setTask(prefix: prefix, driver: driver, environment: environment)
        let interpreter = self.interpreter ?? Interpreter(host: host, bridge: bridge)
        interpreter.runsOnLargeStack = false  // this thread already has a large stack
        self.interpreter = interpreter
        if changed { interpreter.refreshEnvironment() }
        return interpreter
    }

    /// Runs an actor's constructor; when it succeeds, the interpreter thread goes on serving the
    /// actor's method calls from the mailbox for the rest of the process's life.
    private func createActor(_ request: Swiftray_PushTaskRequest) async -> Swiftray_PushTaskReply {
        let spec = request.spec
        guard let actorID = ActorID(bytes: [UInt8](spec.actorID)) else {
            return Self.failure(spec, typeName: "RaySystemError", message: "System error: the actor id is malformed.")
        }
        guard actor.withLockedValue({ $0 == nil }) else {
            return Self.failure(spec, typeName: "RaySystemError", message: "System error: this worker already runs an actor.")
        }
        let call: RemoteCallSpec
        switch await prepare(spec, name: spec.className, actorID: actorID.hex) {
        case .call(let c): call = c
        case .answer(let reply): return reply
        }
        let core = self.core
        let gpuIDs = request.gpuIds.map(Int.init)
        let prefix = printPrefix(spec.className, driver: spec.driver), environment = Self.environment(request)
        core.currentDriver = spec.driver
        core.currentStrategy = spec.strategy
        core.currentTask = TaskID(bytes: [UInt8](spec.taskID))
        bridge.setTaskContext(taskID: nil, gpuIDs: gpuIDs)
        bridge.setActor(actorID.hex)
        let c = request.actorConcurrency
        let concurrency = ActorConcurrencySpec(
            maxConcurrency: c.maxConcurrency > 0 ? Int(c.maxConcurrency) : nil,
            groups: zip(c.groupNames, c.groupLimits).map { (name: $0.0, limit: Int($0.1)) })
        let mailbox = ActorMailboxQueue()
        let outcome: TaskOutcome = await withCheckedContinuation { done in
            thread.submit {
                let interpreter = self.interpreter(prefix: prefix, driver: spec.driver, environment: environment)
                let result = interpreter.createActorInstance(call, actorID: actorID.hex)
                self.host.flush()
                guard case .value = result else {
                    done.resume(returning: result)
                    return
                }
                // Calls of a plain actor (one call at a time) run in each caller's order; async
                // and threaded actors take calls as they come (Ray's out-of-order execution).
                let ordered = !interpreter.actorIsAsync(actorID.hex) && (concurrency.maxConcurrency ?? 1) <= 1
                    && concurrency.groups.isEmpty
                self.actor.withLockedValue { $0 = (mailbox, ordered) }
                done.resume(returning: result)
                interpreter.serveActor(actorID: actorID.hex, concurrency: concurrency, mailbox: mailbox)
            }
        }
        await host.forwarder.drain()
        if case .failure = outcome { return await reply(spec, outcome) }
        return Swiftray_PushTaskReply()
    }

    /// Hands a method call to the actor's interpreter (in the caller's order for plain actors)
    /// and answers with its result.
    private func callActor(_ request: Swiftray_PushTaskRequest) async -> Swiftray_PushTaskReply {
        let spec = request.spec
        guard let (mailbox, ordered) = actor.withLockedValue({ $0 }) else {
            return Self.failure(spec, typeName: "RaySystemError", message: "System error: this worker runs no actor.")
        }
        if spec.sequenceOnly {
            // The caller gave this call up; it only holds its place in the caller's order.
            if ordered {
                await sequencer.turn(spec.callerID, spec.sequenceNumber, floor: spec.callerProcessedUpTo)
                sequencer.finished(spec.callerID, spec.sequenceNumber)
            }
            return Swiftray_PushTaskReply()
        }
        let prepared = await prepare(spec, name: spec.name, actorID: ActorID(bytes: [UInt8](spec.actorID))?.hex)
        if ordered { await sequencer.turn(spec.callerID, spec.sequenceNumber, floor: spec.callerProcessedUpTo) }
        let call: RemoteCallSpec
        switch prepared {
        case .call(let c): call = c
        case .answer(let reply):
            if ordered { sequencer.finished(spec.callerID, spec.sequenceNumber) }
            return reply
        }
        let taskID = TaskID(bytes: [UInt8](spec.taskID))
        let core = self.core, bridge = self.bridge, host = self.host
        let outcome: TaskOutcome = await withCheckedContinuation { done in
            mailbox.put(ActorCall(
                spec: call, concurrencyGroup: spec.concurrencyGroup.isEmpty ? nil : spec.concurrencyGroup,
                starting: {
                    core.currentTask = taskID
                    bridge.setTaskContext(taskID: taskID?.hex, gpuIDs: bridge.gpuIDs())
                },
                complete: { outcome in
                    host.flush()
                    done.resume(returning: outcome)
                }))
            if ordered { self.sequencer.finished(spec.callerID, spec.sequenceNumber) }
        }
        await host.forwarder.drain()
        return await reply(spec, outcome)
    }

    /// The answer for a finished call, or the serialized return values that must first be
    /// stored (some are too large to travel inline).
    private enum Answer {
        case ready(Swiftray_PushTaskReply)
        case store([(id: ObjectID, bytes: Data)])
    }

    /// The answer for a finished call: its return objects, or the exception `ray.get` re-raises.
    private func reply(_ spec: Swiftray_TaskSpec, _ outcome: TaskOutcome) async -> Swiftray_PushTaskReply {
        switch answer(spec, outcome) {
        case .ready(let reply): return reply
        case .store(let values): return await store(spec, values)
        }
    }

    /// Builds the answer without waiting when it can: for an exception, and for return values
    /// (one, or one per element when `num_returns` > 1) that are all small enough to go inline.
    private func answer(_ spec: Swiftray_TaskSpec, _ outcome: TaskOutcome) -> Answer {
        let value: ScriptData
        switch outcome {
        case .value(let v): value = v
        case .failure(let f):
            var e = Swiftray_TaskError()
            e.typeName = f.typeName
            let body = f.traceback.hasPrefix("Traceback (most recent call last):\n")
                ? String(f.traceback.dropFirst("Traceback (most recent call last):\n".count)) : f.traceback
            e.message = "ray::\(spec.name)() (pid=\(getpid()), ip=\(core.nodeIP))\n"
                + String(body.reversed().drop { $0 == "\n" }.reversed())
            e.traceback = f.traceback
            e.errorType = "TASK_EXECUTION_EXCEPTION"
            var reply = Swiftray_PushTaskReply()
            reply.hasError_p = true
            reply.error = e
            return .ready(reply)
        }
        let n = max(1, Int(spec.numReturns))
        var values = [value]
        if n > 1 {
            switch value {
            case .tuple(let items) where items.count == n, .list(let items) where items.count == n: values = items
            default:
                return .ready(Self.failure(spec, typeName: "ValueError",
                                           message: "Task returned \(Self.count(value)) objects, but num_returns=\(n)."))
            }
        }
        guard let task = TaskID(bytes: [UInt8](spec.taskID)) else { return .ready(Swiftray_PushTaskReply()) }
        let codec = ValueCodec(core: core)
        let serialized: [(id: ObjectID, bytes: Data)]
        do {
            serialized = try values.enumerated().map {
                (id: ObjectID(task: task, index: UInt32($0.offset + 1)), bytes: try codec.serialize($0.element))
            }
        } catch {
            return .ready(Self.failure(spec, typeName: "ObjectStoreFullError", message: "\(error)"))
        }
        var reply = Swiftray_PushTaskReply()
        for (id, bytes) in serialized {
            guard let payload = CoreWorker.inlinePayload(bytes) else { return .store(serialized) }
            var r = Swiftray_ReturnObject()
            r.objectID = Data(id.bytes)
            r.payload = payload
            reply.returns.append(r)
        }
        return .ready(reply)
    }

    /// The answer for return values of which some go to the object store.
    private func store(_ spec: Swiftray_TaskSpec, _ values: [(id: ObjectID, bytes: Data)]) async -> Swiftray_PushTaskReply {
        var reply = Swiftray_PushTaskReply()
        do {
            for (id, bytes) in values {
                var r = Swiftray_ReturnObject()
                r.objectID = Data(id.bytes)
                r.payload = try await core.store(id, bytes)
                reply.returns.append(r)
            }
        } catch {
            return Self.failure(spec, typeName: "ObjectStoreFullError", message: "\(error)")
        }
        return reply
    }

    private static func count(_ v: ScriptData) -> Int {
        switch v {
        case .tuple(let t): return t.count
        case .list(let l): return l.count
        default: return 1
        }
    }

    private func definition(_ key: String, name: String) async throws -> String {
        if let cached = definitions.withLockedValue({ $0[key] }) { return cached }
        var request = Swiftray_KVGetRequest()
        request.namespace = "fun"
        request.key = Data(key.utf8)
        let reply: Swiftray_KVGetReply = try await core.gcs.rpc.call("gcs.KVGet", request)
        guard reply.found else {
            throw BridgeError("RaySystemError", "The definition of \(name) was not found in the GCS (key \(key)).")
        }
        let source = String(decoding: reply.value, as: UTF8.self)
        definitions.withLockedValue { $0[key] = source }
        return source
    }

    private static func failure(_ spec: Swiftray_TaskSpec, typeName: String, message: String) -> Swiftray_PushTaskReply {
        var e = Swiftray_TaskError()
        e.typeName = typeName
        e.message = message
        e.errorType = "TASK_EXECUTION_EXCEPTION"
        var reply = Swiftray_PushTaskReply()
        reply.hasError_p = true
        reply.error = e
        return reply
    }
}

import ClusterState
import Dispatch
import Foundation
import NIOConcurrencyHelpers
import Runtime
import Script

/// Runs pushed tasks in a worker process: loads each function's definition from the GCS KV
/// once (then caches it), resolves the arguments (inline values, or objects read from the
/// object store), runs the call on the interpreter's own thread (tasks of one lease run
/// one after another), and turns the result into return objects — inline when small, in the
/// node's object store when large — or into the exception `ray.get` re-raises.
final class WorkerExecutor: TaskExecutor, @unchecked Sendable {
    private let thread = InterpreterThread()
    private let host: WorkerHost
    private let bridge: DriverBridge
    private let definitions = NIOLockedValueBox<[String: String]>([:])
    private let coreBox = NIOLockedValueBox<CoreWorker?>(nil)
    private var interpreter: Interpreter?
    /// Runs a lease's tasks in the order the owner pushed them.
    private let sequencer = LeaseSequencer()

    init(host: WorkerHost, bridge: DriverBridge) {
        self.host = host
        self.bridge = bridge
    }

    func attach(_ core: CoreWorker) { coreBox.withLockedValue { $0 = core } }

    var core: CoreWorker { coreBox.withLockedValue { $0! } }

    func execute(_ request: Swiftray_PushTaskRequest) async -> Swiftray_PushTaskReply {
        let start = Int64(Date().timeIntervalSince1970 * 1000)
        var reply = await run(request)
        reply.nodeID = Data(core.nodeID.bytes)
        reply.workerID = Data(core.workerID.bytes)
        reply.workerPid = getpid()
        reply.startMs = start
        reply.endMs = Int64(Date().timeIntervalSince1970 * 1000)
        return reply
    }

    private func run(_ request: Swiftray_PushTaskRequest) async -> Swiftray_PushTaskReply {
        let spec = request.spec
        let core = self.core
        let codec = ValueCodec(core: core)
        let call: RemoteCallSpec
        do {
            let source = try await definition(spec.functionKey, name: spec.name)
            var args: [ScriptData] = []
            for a in spec.args { args.append(try await argument(a, codec: codec, core: core)) }
            var kwargs: [ScriptDataEntry] = []
            for (name, a) in zip(spec.kwargNames, spec.kwargs) {
                kwargs.append(ScriptDataEntry(.string(name), try await argument(a, codec: codec, core: core)))
            }
            call = RemoteCallSpec(name: spec.name, moduleSource: "", definitionSource: source, arguments: args,
                                  keywordArguments: kwargs, options: [])
        } catch {
            return Self.failure(spec, typeName: "RaySystemError", message: "System error: the task's arguments or definition could not be loaded: \(error)")
        }
        guard let taskID = TaskID(bytes: [UInt8](spec.taskID)) else {
            return Self.failure(spec, typeName: "RaySystemError", message: "System error: the task id is malformed.")
        }
        let gpuIDs = request.gpuIds.map(Int.init)
        let cpus = ResourceSet(raw: request.resources)["CPU"]
        var environment = ["OMP_NUM_THREADS": String(max(1, Int(cpus.doubleValue)))]
        if !gpuIDs.isEmpty || ResourceSet(raw: request.resources)["GPU"].raw > 0 {
            environment["CUDA_VISIBLE_DEVICES"] = gpuIDs.map(String.init).joined(separator: ",")
        }
        var prefix = "(\(spec.name) pid=\(getpid())"
        if spec.driver.host != core.nodeIP { prefix += ", ip=\(core.nodeIP)" }
        prefix += ")"
        core.currentTask = taskID
        core.currentDriver = spec.driver
        core.currentStrategy = spec.strategy
        bridge.setTaskContext(taskID: taskID.hex, gpuIDs: gpuIDs)
        core.recordTaskState(spec, "RUNNING", pid: getpid())
        let taskPrefix = prefix, taskEnvironment = environment
        await sequencer.turn(request.leaseID, request.sequenceNumber)
        let outcome: TaskOutcome = await withCheckedContinuation { done in
            defer { Task { await self.sequencer.finished(request.leaseID, request.sequenceNumber) } }
            thread.submit {
                let changed = self.host.setTask(prefix: taskPrefix, driver: spec.driver, environment: taskEnvironment)
                let interpreter = self.interpreter ?? Interpreter(host: self.host, bridge: self.bridge)
                interpreter.runsOnLargeStack = false  // this thread already has a large stack
                self.interpreter = interpreter
                if changed { interpreter.refreshEnvironment() }
                let result = interpreter.executeTask(call)
                self.host.flush()
                done.resume(returning: result)
            }
        }
        await host.forwarder.drain()
        core.currentTask = nil
        core.currentStrategy = nil
        switch outcome {
        case .value(let value):
            return await returns(spec, value, codec: codec, core: core)
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
            return reply
        }
    }

    /// Stores the return value(s): one object, or one per element when `num_returns` > 1.
    private func returns(_ spec: Swiftray_TaskSpec, _ value: ScriptData, codec: ValueCodec, core: CoreWorker) async -> Swiftray_PushTaskReply {
        let n = max(1, Int(spec.numReturns))
        var values = [value]
        if n > 1 {
            switch value {
            case .tuple(let items) where items.count == n, .list(let items) where items.count == n: values = items
            default:
                return Self.failure(spec, typeName: "ValueError",
                                    message: "Task returned \(Self.count(value)) objects, but num_returns=\(n).")
            }
        }
        guard let task = TaskID(bytes: [UInt8](spec.taskID)) else { return Swiftray_PushTaskReply() }
        var reply = Swiftray_PushTaskReply()
        do {
            for (k, v) in values.enumerated() {
                let id = ObjectID(task: task, index: UInt32(k + 1))
                var r = Swiftray_ReturnObject()
                r.objectID = Data(id.bytes)
                r.payload = try await core.store(id, codec.serialize(v))
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

    private func argument(_ a: Swiftray_TaskArg, codec: ValueCodec, core: CoreWorker) async throws -> ScriptData {
        switch a.kind {
        case .value(let v)?:
            return codec.decode(v)
        case .resolved(let payload)?:
            guard let id = ObjectID(bytes: [UInt8](a.resolvedObjectID)) else {
                throw BridgeError("RaySystemError", "A resolved argument carries a malformed object id.")
            }
            return try codec.deserialize(try await core.bytes(of: payload, id: id))
        case nil:
            return .none
        }
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

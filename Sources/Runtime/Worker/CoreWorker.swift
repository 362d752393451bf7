import ClusterState
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SwiftProtobuf

/// The part of every driver and worker process that talks to the cluster (Ray's core worker):
/// it owns the objects its tasks and `ray.put` create, submits tasks through worker leases,
/// fetches objects (inline from owners, large ones through its node's object store), answers
/// other core workers' calls (pushed tasks, object lookups, forwarded output), and reports
/// task events to the GCS. One per process; thread-safe.
public final class CoreWorker: RpcService {
    public let workerID: WorkerID
    public let jobID: JobID
    public let nodeID: NodeID
    public let nodeIP: String
    public let isDriver: Bool
    public let objects = ObjectTable()
    public let gcs: GcsClient
    let pool: ClientPool
    let rayletHost: String
    let rayletPort: Int
    let events = TaskEventBuffer()
    let logger: Logger
    private let config: CoreWorkerConfig
    private let mutable = NIOLockedValueBox(Mutable())
    /// The event loop of this core worker's connections to raylets and leased workers; the
    /// task submitter runs on it, so a worker's answer is handled, and the next task pushed,
    /// on the thread that read it.
    let loop: any EventLoop
    let submitter: TaskSubmitter
    let actorSubmitter = ActorSubmitter()

    struct Mutable {
        var server: RpcServer?
        var port = 0
        var storeDir = ""
        var putIndex: UInt32 = ObjectID.firstPutIndex
        var exported: Set<String> = []
        var currentTask: TaskID?
        var currentDriver: Swiftray_WorkerAddress?
        var currentStrategy: Swiftray_TaskStrategyData?
        var executor: (any TaskExecutor)?
        var printSink: (@Sendable (String, [String], Bool) -> Void)?
        var nodes: [NodeID: NodeInfo] = [:]
        var flusher: Task<Void, Never>?
        var rng = SystemRandomNumberGenerator()
    }

    private init(config: CoreWorkerConfig, gcs: GcsClient, logger: Logger) {
        self.config = config
        workerID = config.workerID
        jobID = config.jobID
        nodeID = config.nodeID
        nodeIP = config.nodeIP
        isDriver = config.isDriver
        rayletHost = config.rayletHost
        rayletPort = config.rayletPort
        self.gcs = gcs
        self.logger = logger
        loop = MultiThreadedEventLoopGroup.singleton.next()
        pool = ClientPool(token: config.token, peerKind: config.isDriver ? "driver" : "worker", group: loop)
        submitter = TaskSubmitter(loop: loop)
    }

    /// Listens on an ephemeral port, registers with the node's raylet and starts reporting task
    /// events. `executor` runs pushed tasks (workers); `printSink` shows forwarded output (drivers).
    public static func start(config: CoreWorkerConfig, gcs: GcsClient, executor: (any TaskExecutor)? = nil,
                             printSink: (@Sendable (String, [String], Bool) -> Void)? = nil,
                             logger: Logger = Logger(label: "swiftray.core")) async throws -> CoreWorker {
        let core = CoreWorker(config: config, gcs: gcs, logger: logger)
        await core.submitter.bind(core)
        await core.actorSubmitter.bind(core)
        core.mutable.withLockedValue {
            $0.executor = executor
            $0.printSink = printSink
        }
        let identity = RpcServerIdentity(token: config.token, sessionName: config.sessionName, tempDir: config.tempDir,
                                         component: config.isDriver ? "driver" : "worker")
        let server = try await RpcServer.start(host: config.nodeIP, port: 0, identity: identity, service: core, logger: logger)
        core.mutable.withLockedValue {
            $0.server = server
            $0.port = server.port
        }
        var request = Swiftray_RegisterWorkerRequest()
        request.workerID = Data(config.workerID.bytes)
        request.pid = getpid()
        request.port = Int32(server.port)
        request.isDriver = config.isDriver
        request.jobID = Data(config.jobID.bytes)
        let raylet = try await core.raylet()
        let reply: Swiftray_RegisterWorkerReply = try await raylet.call("raylet.RegisterWorker", request, timeout: .seconds(10))
        core.mutable.withLockedValue { $0.storeDir = reply.storeDir }
        let flusher = Task { await core.events.run(gcs: gcs) }
        core.mutable.withLockedValue { $0.flusher = flusher }
        return core
    }

    /// Flushes task events and closes the listener and connections.
    public func shutdown() async {
        var bye = Swiftray_DisconnectWorkerRequest()
        bye.workerID = Data(workerID.bytes)
        let _: Swiftray_Empty? = try? await raylet().call("raylet.DisconnectWorker", bye, timeout: .seconds(2))
        await submitter.stop()
        await actorSubmitter.stop()
        let (server, flusher) = mutable.withLockedValue { ($0.server, $0.flusher) }
        flusher?.cancel()
        await events.flush(gcs: gcs, waitAtMost: .seconds(2))  // exiting: do not wait out a GCS restart
        await server?.close()
        await pool.closeAll()
    }

    /// Where other core workers reach this one.
    public var address: Swiftray_WorkerAddress {
        var a = Swiftray_WorkerAddress()
        a.host = nodeIP
        a.port = Int32(mutable.withLockedValue { $0.port })
        a.workerID = Data(workerID.bytes)
        a.nodeID = Data(nodeID.bytes)
        return a
    }

    var storeDir: String { mutable.withLockedValue { $0.storeDir } }

    /// The connection to this node's raylet.
    func raylet() async throws -> RpcClient { try await pool.client(host: rayletHost, port: rayletPort) }

    /// Completes when the raylet connection breaks (a worker then exits: it fate-shares with its node).
    public func rayletClosed() async {
        guard let r = try? await raylet() else { return }
        await r.closed()
    }

    /// The task this process is executing (workers), whose id parents nested tasks and puts.
    public var currentTask: TaskID? {
        get { mutable.withLockedValue { $0.currentTask } }
        set { mutable.withLockedValue { $0.currentTask = newValue } }
    }

    /// The driver of the task being executed (workers).
    public var currentDriver: Swiftray_WorkerAddress? {
        get { mutable.withLockedValue { $0.currentDriver } }
        set { mutable.withLockedValue { $0.currentDriver = newValue } }
    }

    /// The scheduling strategy of the task being executed (workers): child tasks of a task in a
    /// placement group that captures its children go to the same group.
    public var currentStrategy: Swiftray_TaskStrategyData? {
        get { mutable.withLockedValue { $0.currentStrategy } }
        set { mutable.withLockedValue { $0.currentStrategy = newValue } }
    }

    /// The parent of tasks submitted now: the executing task, or the driver's pseudo task.
    var parentTaskID: TaskID { currentTask ?? TaskID.driver(of: jobID) }

    /// Runs `body` with the process's random generator.
    func mutableRandom<T>(_ body: (inout SystemRandomNumberGenerator) -> T) -> T {
        mutable.withLockedValue { body(&$0.rng) }
    }

    /// `n` random bytes, drawn eight at a time (one `getrandom` call per eight bytes, not per byte).
    func randomBytes(_ n: Int) -> [UInt8] {
        mutable.withLockedValue { m in
            var out: [UInt8] = []
            out.reserveCapacity(n)
            while out.count < n {
                var word = m.rng.next()
                for _ in 0..<min(8, n - out.count) {
                    out.append(UInt8(truncatingIfNeeded: word))
                    word >>= 8
                }
            }
            return out
        }
    }

    func nextPutID() -> ObjectID {
        let index = mutable.withLockedValue { m -> UInt32 in
            defer { m.putIndex += 1 }
            return m.putIndex
        }
        if let task = currentTask { return ObjectID(task: task, index: index) }
        // A driver's puts: `00` + 19 `ff` bytes + job id, then the index.
        return ObjectID(task: TaskID(uncheckedBytes: [0] + [UInt8](repeating: 0xff, count: 19) + jobID.bytes), index: index)
    }

    /// Exports a function definition to the GCS KV once per process; returns its key.
    func export(name: String, source: String) async throws -> String {
        let key = "fn:\(jobID.hex):\(name):\(Self.fingerprint(source))"
        if mutable.withLockedValue({ $0.exported.contains(key) }) { return key }
        var request = Swiftray_KVPutRequest()
        request.namespace = "fun"
        request.key = Data(key.utf8)
        request.value = Data(source.utf8)
        request.overwrite = false
        let _: Swiftray_KVPutReply = try await gcs.rpc.call("gcs.KVPut", request)
        mutable.withLockedValue { _ = $0.exported.insert(key) }
        return key
    }

    /// FNV-1a 64 of the text, as hex: a stable name for a function definition.
    static func fingerprint(_ text: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return String(h, radix: 16)
    }

    /// The raylet address of a node (from the GCS node table, refreshed on a miss).
    func rayletAddress(of node: NodeID) async -> (host: String, port: Int, alive: Bool)? {
        if let n = mutable.withLockedValue({ $0.nodes[node] }) { return (n.ip, n.nodeManagerPort, n.state == .alive) }
        guard let all = try? await gcs.allNodes() else { return nil }
        mutable.withLockedValue { m in for n in all { m.nodes[n.nodeID] = n } }
        guard let n = all.first(where: { $0.nodeID == node }) else { return nil }
        return (n.ip, n.nodeManagerPort, n.state == .alive)
    }

    // MARK: RpcService

    public func handle(method: String, payload: Data, connection: RpcConnection) async throws -> Data {
        switch method {
        case "core.GetObject":
            return try await answerGetObject(RpcPayload.decode(payload)).serializedData()
        case "core.PrintLines":
            let request: Swiftray_PrintLinesRequest = try RpcPayload.decode(payload)
            mutable.withLockedValue { $0.printSink }?(request.prefix, request.lines, request.stderr)
            return Data()
        case "core.ListObjects":
            return try listObjects().serializedData()
        default:
            throw RuntimeError.remote(code: Swiftray_ErrorCode.unknownMethod.rawValue,
                                      message: "The core worker has no call named \(method).")
        }
    }

    /// Pushed tasks go straight from the connection's event loop to the executor, in arrival order.
    public func handleInline(method: String, payload: Data, connection: RpcConnection,
                             answer: @escaping @Sendable (Result<Data, any Error>) -> Void) -> Bool {
        guard method == "core.PushTask" else { return false }
        do {
            let request: Swiftray_PushTaskRequest = try RpcPayload.decode(payload)
            guard let executor = mutable.withLockedValue({ $0.executor }) else {
                throw RuntimeError.invalidArgument("This core worker (a driver) does not execute tasks.")
            }
            executor.start(request) { reply in answer(Result { try reply.serializedData() }) }
        } catch {
            answer(.failure(error))
        }
        return true
    }

    public func connectionClosed(_ connection: RpcConnection) async {}

    /// Sends output lines to the driver at `address` (best effort, in order per caller).
    public func forwardOutput(to driver: Swiftray_WorkerAddress, prefix: String, lines: [String], stderr: Bool) async {
        guard driver.port != 0 else { return }
        var request = Swiftray_PrintLinesRequest()
        request.prefix = prefix
        request.lines = lines
        request.stderr = stderr
        guard let client = try? await pool.client(host: driver.host, port: Int(driver.port)) else { return }
        let _: Swiftray_Empty? = try? await client.call("core.PrintLines", request, timeout: .seconds(10))
    }

    /// Records a state change of a task this process runs (workers) or owns.
    public func recordTaskState(_ spec: Swiftray_TaskSpec, _ state: String, pid: Int32? = nil) {
        events.state(spec, state) { e in
            if let pid {
                e.nodeID = Data(self.nodeID.bytes)
                e.workerID = Data(self.workerID.bytes)
                e.workerPid = pid
            }
        }
    }

    private func listObjects() -> Swiftray_ListObjectsReply {
        var reply = Swiftray_ListObjectsReply()
        let pid = getpid()
        for (id, state, size, origin) in objects.ownedSnapshot() {
            var r = Swiftray_ObjectRecord()
            r.objectID = Data(id.bytes)
            r.objectSize = size
            switch (origin, state) {
            case (.put, _): r.taskStatus = "NIL"  // a put has no task (Ray prints NIL)
            case (_, .pending): r.taskStatus = "PENDING_NODE_ASSIGNMENT"
            case (_, .ready): r.taskStatus = "FINISHED"
            case (_, .failed): r.taskStatus = "FAILED"
            }
            if case .task(let attempt) = origin { r.attemptNumber = Int32(attempt) }
            r.referenceType = "LOCAL_REFERENCE"
            r.callSite = "disabled"
            r.type = isDriver ? "DRIVER" : "WORKER"
            r.pid = pid
            r.ip = nodeIP
            reply.objects.append(r)
        }
        return reply
    }
}

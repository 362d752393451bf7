import ClusterState
import Foundation
import Logging
import StateStore
import SwiftProtobuf

/// The Global Control Service: node table and health checks, job table, internal KV and the
/// cluster status. One per cluster, in the `swiftray gcs-server` process. Every state change is
/// written to SQLite (`GcsStore`) before the call that caused it is acknowledged.
public actor GcsServer: RpcService {
    public let config: GcsConfig
    let store: GcsStore
    let logger: Logger
    var tables: GcsTables
    private var lastReport: [NodeID: ContinuousClock.Instant] = [:]
    /// Placement groups waiting to be scheduled, with the earliest time to try (rank); RESCHEDULING
    /// groups go first. Groups are decided one at a time, in rank order; their reservations run
    /// concurrently.
    var pgQueue: [(rank: ContinuousClock.Instant, id: PlacementGroupID)] = []
    /// Groups that cannot fit even the idle cluster; retried when a node joins.
    var infeasibleGroups: [PlacementGroupID] = []
    var pgScheduling = false
    /// Groups whose reservation is under way, with what `attempt` took out of each node in the
    /// view for them (set by `startReserving`, cleared by `endReserving`).
    var pgReserving: [PlacementGroupID: [NodeID: ResourceSet]] = [:]
    /// Callers of `gcs.WaitPlacementGroupReady`, woken when the group is CREATED or REMOVED.
    var pgWaiters: [PlacementGroupID: [UUID: (waiter: CheckedContinuation<Void, Never>, timer: Task<Void, any Error>?)]] = [:]
    /// Connections to raylets for the two-phase commit, opened on first use.
    var rayletClients: [NodeID: RpcClient] = [:]
    /// Bundle calls under way per raylet, and each raylet's latest answered bundle version.
    var bundleCalls = BundleCallTracker()
    /// When each node's resources were last taken from one of its reports.
    private var lastAppliedReport: [NodeID: ContinuousClock.Instant] = [:]
    /// Driver connections and the job each registered.
    var driverJobs: [UInt64: JobID] = [:]
    /// Task attempts by task id + attempt number, merged from owners' and executors' events
    /// (GcsServer+Tasks), in first-seen order. Kept in memory with a cap.
    var taskRecords: [Data: Swiftray_TaskEventRecord] = [:]
    var taskOrder: [Data] = []
    /// Workers and drivers the raylets reported, by worker id, in first-seen order.
    var workerRecords: [Data: Swiftray_WorkerRecord] = [:]
    var workerOrder: [Data] = []
    /// Each node's queued lease shapes from its last report.
    var nodeDemands: [NodeID: [Swiftray_ResourceDemand]] = [:]
    /// Jobs that ended recently; raylets drop their idle workers.
    var recentlyFinishedJobs: [JobID] = []
    /// Actors (GcsServer+Actors).
    var actorTable: GcsActorTable
    /// The internal KV, answered from memory (`GcsKVTable`, thread-safe: used without the actor).
    nonisolated let kv: GcsKVTable
    /// What a GCS restarted on an existing database still waits for (GcsServer+Recovery).
    var recovery: GcsRecoveryState
    private var server: RpcServer?

    /// Opens the database and reloads every table (fresh database: empty tables).
    public init(config: GcsConfig, logger: Logger) throws {
        self.config = config
        self.logger = logger
        store = try GcsStore(path: config.databasePath)
        let snapshot = try store.loadSnapshot()
        tables = GcsTables(snapshot: StateStoreSnapshotAdapter(nodes: snapshot.nodes, jobs: snapshot.jobs,
                                                               placementGroups: snapshot.placementGroups),
                           retention: store.retention)
        actorTable = GcsActorTable(records: snapshot.actors)
        kv = GcsKVTable(store: store, entries: snapshot.kv)
        let now = ContinuousClock.now
        for node in snapshot.nodes where node.state == .alive { lastReport[node.nodeID] = now }
        recovery = GcsRecoveryState(startedAt: now)
        recovery.awaitedNodes = Set(snapshot.nodes.filter { $0.state == .alive }.map(\.nodeID))
        recovery.gateOpen = recovery.awaitedNodes.isEmpty
        for job in snapshot.jobs where job.status == .running {
            recovery.unclaimedJobs[job.jobID] = now + config.driverReconnectWindow
        }
        for group in snapshot.placementGroups where group.state == .pending || group.state == .rescheduling {
            pgQueue.append((group.state == .rescheduling ? now - .seconds(3600) : now, group.id))
        }
    }

    /// Starts listening; returns the bound port.
    public func start() async throws -> Int {
        let identity = RpcServerIdentity(token: config.token, sessionName: config.sessionName,
                                         tempDir: config.tempDir, component: "gcs")
        let server = try await RpcServer.start(host: config.host, port: config.port, identity: identity,
                                               service: self, logger: logger)
        self.server = server
        logger.info("GCS listening on \(config.host):\(server.port), database \(config.databasePath), \(tables.nodes.count) node(s), \(tables.jobs.count) job(s), \(tables.groups.count) placement group(s) and \(actorTable.records.count) actor(s) reloaded.")
        if recovery.gateOpen {
            placeAwaitingActors()
        } else {
            logger.info("Waiting for \(recovery.awaitedNodes.count) node(s) to register again before scheduling.")
        }
        return server.port
    }

    /// Runs the health checker until the task is cancelled, then closes the listener.
    public func run() async {
        var lastCheck = ContinuousClock.now
        while !Task.isCancelled {
            try? await Task.sleep(for: config.healthCheckPeriod)
            let now = ContinuousClock.now
            checkHealth(now: now, sinceLastCheck: now - lastCheck)
            advanceRecovery(now: now)
            lastCheck = now
            kickPlacementGroupScheduler()
        }
        await server?.close()
    }

    /// Declares silent nodes dead. When the checker itself ran late (the GCS was starved of
    /// CPU, stopped or suspended), reports may be sitting unread, so every node gets a fresh
    /// window instead of a verdict.
    private func checkHealth(now: ContinuousClock.Instant, sinceLastCheck: Duration) {
        if sinceLastCheck > config.healthCheckPeriod * 4 {
            logger.warning("The health checker ran \(sinceLastCheck) after its previous run; giving every node a fresh window.")
            for id in lastReport.keys { lastReport[id] = now }
            return
        }
        for node in tables.allNodes where node.state == .alive {
            let last = lastReport[node.nodeID] ?? now
            if now - last > config.healthCheckTimeout {
                do {
                    try markNodeDead(node.nodeID, reason: .unexpectedTermination,
                                     message: "health check failed due to missing too many heartbeats")
                } catch {
                    logger.error("Could not record the death of node \(node.nodeID); will retry: \(error)")
                }
            }
        }
    }

    /// Records a node's death (SQLite first, then memory). Throws when the write fails, so
    /// nothing is acknowledged or applied that is not on disk.
    private func markNodeDead(_ id: NodeID, reason: NodeDeathReason, message: String) throws {
        guard var node = tables.nodes[id], node.state == .alive else { return }
        try node.markDead(reason: reason, message: message, timeMs: Self.nowMs())
        try store.saveNode(node)
        tables.put(node)
        lastReport[id] = nil
        lastAppliedReport[id] = nil
        recovery.awaitedNodes.remove(id)
        logger.warning("Node \(id) (\(node.ip)) is DEAD: \(node.stateMessage ?? "").")
        nodeDied(id)
        actorsNodeDied(id)
    }

    // MARK: RpcService

    public nonisolated func handle(method: String, payload: Data, connection: RpcConnection) async throws -> Data {
        switch method {
        case "gcs.RegisterNode":
            return try await registerNode(Self.decode(payload), connection: connection).serializedData()
        case "gcs.ReportResources":
            return try await reportResources(Self.decode(payload)).serializedData()
        case "gcs.UnregisterNode":
            try await unregisterNode(Self.decode(payload))
            return Data()
        case "gcs.GetAllNodes":
            var reply = Swiftray_GetAllNodesReply()
            reply.nodes = await tables.allNodes.map(\.record)
            return try reply.serializedData()
        case "gcs.GetAllJobs":
            var reply = Swiftray_GetAllJobsReply()
            reply.jobs = await tables.allJobs.map(\.record)
            return try reply.serializedData()
        case "gcs.GetClusterStatus":
            return try await clusterStatus().serializedData()
        case "gcs.AddJob":
            return try await addJob(Self.decode(payload), connection: connection).serializedData()
        case "gcs.ReattachJob":
            try await reattachJob(Self.decode(payload), connection: connection)
            return Data()
        case "gcs.MarkJobFinished":
            try await markJobFinished(Self.decode(payload))
            return Data()
        case "gcs.CreatePlacementGroup", "gcs.RemovePlacementGroup", "gcs.GetPlacementGroup",
             "gcs.GetAllPlacementGroups", "gcs.WaitPlacementGroupReady":
            return try await handlePlacementGroupCall(method, payload)
        case "gcs.RegisterActor", "gcs.CreateActor", "gcs.GetActor", "gcs.WaitActor", "gcs.KillActor", "gcs.GetAllActors":
            return try await handleActorCall(method, payload)
        case "gcs.AddTaskEvents", "gcs.GetAllTasks", "gcs.ReportWorker", "gcs.GetAllWorkers", "gcs.ListObjects":
            return try await handleTaskCall(method, payload)
        case "gcs.KVPut", "gcs.KVGet", "gcs.KVDelete":
            return try handleKVCall(method, payload)
        default:
            throw RuntimeError.remote(code: Swiftray_ErrorCode.unknownMethod.rawValue,
                                      message: "The GCS has no call named \(method).")
        }
    }

    public func connectionClosed(_ connection: RpcConnection) async {
        guard let jobID = driverJobs.removeValue(forKey: connection.id),
              let job = tables.jobs[jobID], job.status == .running else { return }
        failVanishedDriver(job)
    }

    func failVanishedDriver(_ job: JobInfo) {
        do {
            try finishJob(job, status: .failed,
                          message: "The driver (pid \(job.driverPid)) disconnected from the GCS without finishing its job.",
                          errorType: "DRIVER_DIED", exitCode: nil)
        } catch {
            logger.error("Could not record the end of job \(job.jobID): \(error)")
        }
    }

    // MARK: nodes

    private func registerNode(_ request: Swiftray_RegisterNodeRequest, connection: RpcConnection) throws -> Swiftray_RegisterNodeReply {
        var node: NodeInfo
        do { node = try NodeInfo(record: request.node) } catch {
            throw RuntimeError.invalidArgument("The node registration was rejected: \(error)")
        }
        if let existing = tables.nodes[node.nodeID] {
            guard existing.state == .alive else {
                throw RuntimeError.invalidArgument("Node \(node.nodeID) was already declared DEAD (\(existing.stateMessage ?? "")); a raylet that comes back must register as a new node.")
            }
            node.startTimeMs = existing.startTimeMs  // a raylet re-registering after a GCS restart
        } else {
            node.startTimeMs = Self.nowMs()
        }
        node.state = .alive
        node.endTimeMs = 0
        node.deathReason = nil
        node.deathMessage = ""
        try store.saveNode(node)
        tables.put(node)
        lastReport[node.nodeID] = ContinuousClock.now
        lastAppliedReport[node.nodeID] = ContinuousClock.now  // the registration carried its resources
        connection.setTag("node", node.nodeID.hex)
        logger.info("Node \(node.nodeID) \(request.reconnecting ? "registered again" : "registered") from \(node.ip):\(node.nodeManagerPort) (head: \(node.isHead)).")
        // Only a GCS restarted on its database reconciles: a live one never lost track, and a
        // raylet's snapshot taken before calls still in flight would mislead it.
        var reply = recovery.awaitedNodes.contains(node.nodeID) ? reconcile(node.nodeID, holding: request)
                                                                 : Swiftray_RegisterNodeReply()
        recovery.awaitedNodes.remove(node.nodeID)
        advanceRecovery(now: ContinuousClock.now)
        nodeAdded()
        reply.healthReportPeriodMs = Int64(config.reportPeriod.components.seconds * 1000
                                           + config.reportPeriod.components.attoseconds / 1_000_000_000_000_000)
        return reply
    }

    private func reportResources(_ request: Swiftray_ReportResourcesRequest) throws -> Swiftray_ReportResourcesReply {
        var reply = Swiftray_ReportResourcesReply()
        guard let id = NodeID(bytes: [UInt8](request.nodeID)), var node = tables.nodes[id] else {
            throw RuntimeError.remote(code: Swiftray_ErrorCode.notFound.rawValue,
                                      message: "The GCS does not know the reporting node; it must register first.")
        }
        guard node.state == .alive else {
            reply.nodeIsDead = true
            return reply
        }
        let now = ContinuousClock.now
        lastReport[id] = now
        // The GCS changes its view when it decides (a group placed here and being reserved)
        // and when it sends a bundle call; a report taken before the raylet acted would undo
        // that, so the next report brings the node's resources instead. Under a constant
        // stream of bundle calls one report in four periods (a second) is still taken, so the
        // node's task usage does not go stale.
        if bundleCalls.reportIsCurrent(id, version: request.bundleVersion)
            || lastAppliedReport[id].map({ now - $0 >= config.reportPeriod * 4 }) ?? true {
            lastAppliedReport[id] = now
            let available = ResourceSet(raw: request.resourcesAvailable)
            if available != node.resourcesAvailable {
                node.resourcesAvailable = available
                tables.put(node)
            }
            // The live total adds committed bundles' formatted resources to the registered total.
            // Volatile (re-reported after a GCS restart), so kept in memory only; `list nodes`
            // keeps showing the registered total, as Ray does.
            if !request.resourcesTotal.isEmpty {
                tables.setLiveTotal(id, ResourceSet(raw: request.resourcesTotal))
            }
        }
        if request.hasDemands_p { nodeDemands[id] = request.demands }
        reply.nodes = liveNodeRecords()
        reply.finishedJobIds = recentlyFinishedJobs.map { Data($0.bytes) }
        return reply
    }

    private func unregisterNode(_ request: Swiftray_UnregisterNodeRequest) throws {
        guard let id = NodeID(bytes: [UInt8](request.nodeID)) else {
            throw RuntimeError.invalidArgument("The node id to unregister is malformed.")
        }
        let reason = NodeDeathReason(rawValue: request.reason) ?? .expectedTermination
        try markNodeDead(id, reason: reason, message: request.message)
    }

    private func clusterStatus() -> Swiftray_GetClusterStatusReply {
        var reply = Swiftray_GetClusterStatusReply()
        reply.timeUs = Int64(Date().timeIntervalSince1970 * 1_000_000)
        reply.nodes = liveNodeRecords()
        reply.placementGroupDemands = placementGroupDemands()
        reply.taskDemands = taskDemands()
        return reply
    }

    /// Every node with its live total (registered total plus committed bundle resources).
    private func liveNodeRecords() -> [Swiftray_NodeRecord] {
        tables.allNodes.map { node in
            var live = node
            if let total = tables.liveTotals[node.nodeID] { live.resourcesTotal = total }
            return live.record
        }
    }

    // MARK: jobs

    private func addJob(_ request: Swiftray_AddJobRequest, connection: RpcConnection) throws -> Swiftray_AddJobReply {
        let now = Self.nowMs()
        let job = try store.addJob { id in
            JobInfo(jobID: id, namespace: request.namespace, entrypoint: request.entrypoint,
                    driverPid: request.driverPid, driverIp: request.driverIp,
                    driverNodeID: NodeID(bytes: [UInt8](request.driverNodeID)), startTimeMs: now)
        }
        tables.put(job)
        if connection.isClosed {
            failVanishedDriver(job)  // the driver vanished while its AddJob was in flight
        } else {
            driverJobs[connection.id] = job.jobID
        }
        logger.info("Job \(job.jobID) started by driver pid \(job.driverPid) at \(job.driverIp).")
        var reply = Swiftray_AddJobReply()
        reply.job = job.record
        return reply
    }

    private func markJobFinished(_ request: Swiftray_MarkJobFinishedRequest) throws {
        guard let id = JobID(bytes: [UInt8](request.jobID)), let job = tables.jobs[id] else {
            throw RuntimeError.remote(code: Swiftray_ErrorCode.notFound.rawValue, message: "The GCS has no such job.")
        }
        guard job.status == .running else { return }  // idempotent
        let status: JobStatus = request.status == .jobFailed ? .failed : .succeeded
        try finishJob(job, status: status, message: request.message, errorType: request.errorType,
                      exitCode: request.hasExitCode_p ? request.exitCode : nil)
        driverJobs = driverJobs.filter { $0.value != id }
    }

    /// Ends a job (SQLite first, then memory); throws when the write fails.
    func finishJob(_ job: JobInfo, status: JobStatus, message: String, errorType: String, exitCode: Int32?) throws {
        var job = job
        try job.finish(status: status, message: message, errorType: errorType, exitCode: exitCode, timeMs: Self.nowMs())
        try store.saveJob(job)
        tables.put(job)
        logger.info("Job \(job.jobID) ended: \(status.rawValue). \(message)")
        recentlyFinishedJobs.append(job.jobID)
        if recentlyFinishedJobs.count > 64 { recentlyFinishedJobs.removeFirst() }
        jobEnded(job.jobID)
        actorsJobEnded(job.jobID)
    }

    // MARK: helpers

    static func decode<M: SwiftProtobuf.Message>(_ payload: Data) throws -> M { try RpcPayload.decode(payload) }

    static func nowMs() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
    static func nowNs() -> Int64 { Int64(Date().timeIntervalSince1970 * 1_000_000_000) }
}

import ClusterState
import Foundation
import Logging
import Scheduling
import SwiftProtobuf

/// The node manager of one node, in the `swiftray raylet` process: registers the node with the
/// GCS under a fresh NodeID, reports its resources periodically (the GCS's health signal),
/// listens on the node-manager port, and exits cleanly when the GCS stays unreachable past the
/// reconnect window or declares the node dead. It also runs the node's worker pool, grants
/// worker leases (or spills them back to a better node), keeps placement-group bundle
/// reservations, and keeps the node's object store (see the `Raylet+…` extensions).
public actor Raylet: RpcService {
    public let config: RayletConfig
    public let nodeID: NodeID
    let logger: Logger
    private var gcs: RpcClient?
    private var server: RpcServer?
    var available: ResourceSet
    /// The node's total: the configured resources plus committed bundles' formatted resources.
    var total: ResourceSet
    private var bundles = NodeBundleLedger()
    private var reportPeriod: Duration = .milliseconds(250)
    /// Set once the node registered; later registrations re-report what it holds.
    private var registeredOnce = false
    var boundPort = 0

    // Worker pool and leases (Raylet+Leases, Raylet+Workers).
    var workers: [WorkerID: PoolWorker] = [:]
    var pendingLeases: [PendingLease] = []
    var leases: [Data: ActiveLease] = [:]
    var gpus: GPUInstances
    /// Every node as the GCS last reported it (this node's own entry is replaced by live values).
    var clusterNodes: [NodeInfo] = []
    var spreadCursor = SpreadCursor()
    var rng = SystemRandomNumberGenerator()
    var finishedJobs: Set<JobID> = []
    /// Connections to other raylets (object transfer) and to local core workers (listing objects).
    let peers: ClientPool
    // Object store (Raylet+Objects).
    var objectStore: LocalObjectStore
    var pulls: [ObjectID: Task<String, any Error>] = [:]

    public init(config: RayletConfig, logger: Logger) {
        self.config = config
        self.logger = logger
        var rng = SystemRandomNumberGenerator()
        nodeID = NodeID.random(using: &rng)
        available = config.resources
        total = config.resources
        gpus = GPUInstances(count: Int(config.resources["GPU"].raw / ResourceQuantity(units: 1).raw))
        peers = ClientPool(token: config.token, peerKind: "raylet")
        let capacity = Int64(config.resources["object_store_memory"].doubleValue)
        objectStore = LocalObjectStore(directory: SessionPaths.objectStoreDir(sessionDir: config.sessionDir, sessionName: config.sessionName,
                                                                              nodePrefix: String(nodeID.hex.prefix(16))),
                                       capacity: capacity)
    }

    /// Listens on the node-manager port and registers with the GCS. Returns the bound port.
    public func start() async throws -> Int {
        let identity = RpcServerIdentity(token: config.token, sessionName: config.sessionName,
                                         tempDir: config.tempDir, component: "raylet")
        let server = try await RpcServer.start(host: config.nodeIP, port: config.nodeManagerPort,
                                               identity: identity, service: self, logger: logger)
        self.server = server
        boundPort = server.port
        try await connectAndRegister(deadline: ContinuousClock.now + .seconds(10))
        logger.info("Raylet \(nodeID) listening on \(config.nodeIP):\(server.port), resources \(config.resources).")
        return server.port
    }

    /// Reports to the GCS until cancelled (graceful stop) or until the GCS is gone for good.
    /// - Returns: normally on cancellation; throws when the raylet must exit with an error.
    public func run() async throws {
        while !Task.isCancelled {
            try? await Task.sleep(for: reportPeriod)
            if Task.isCancelled { break }
            housekeeping()
            do {
                try await report()
            } catch let error as RuntimeError {
                if case .failed = error { throw error }  // declared dead
                logger.warning("Lost the GCS at \(config.gcsHost):\(config.gcsPort): \(error) Reconnecting for up to \(config.gcsReconnectWindow).")
                await gcs?.close()
                gcs = nil
                try await connectAndRegister(deadline: ContinuousClock.now + config.gcsReconnectWindow)
            }
        }
    }

    /// Tells the GCS this node is leaving on purpose, then closes the listener.
    public func shutdown(reason: String) async {
        stopAllWorkers()
        objectStore.removeAll()
        if let gcs {
            var request = Swiftray_UnregisterNodeRequest()
            request.nodeID = Data(nodeID.bytes)
            request.reason = NodeDeathReason.expectedTermination.rawValue
            request.message = reason
            let _: Swiftray_Empty? = try? await gcs.call("gcs.UnregisterNode", request, timeout: .seconds(2))
            await gcs.close()
        }
        await server?.close()
        logger.info("Raylet \(nodeID) stopped: \(reason).")
    }

    private func report() async throws {
        guard let gcs else { throw RuntimeError.connectionClosed(peer: "GCS") }
        var request = Swiftray_ReportResourcesRequest()
        request.nodeID = Data(nodeID.bytes)
        request.resourcesAvailable = available.raw
        request.resourcesTotal = total.raw
        request.demands = leaseDemands()
        request.hasDemands_p = true
        request.bundleVersion = bundles.version
        let reply: Swiftray_ReportResourcesReply = try await gcs.call("gcs.ReportResources", request, timeout: .seconds(2))
        if reply.nodeIsDead {
            throw RuntimeError.failed("The GCS declared node \(nodeID) dead; this raylet exits. Start a new node to rejoin.")
        }
        clusterChanged(nodes: reply.nodes.compactMap { try? NodeInfo(record: $0) },
                       finishedJobs: reply.finishedJobIds.compactMap { JobID(bytes: [UInt8]($0)) })
    }

    /// Sends a one-way report to the GCS, trying up to `attempts` times half a second apart
    /// (also while the raylet is reconnecting); failures are only logged.
    func tellGcs(_ method: String, _ request: some SwiftProtobuf.Message, attempts: Int = 1) async {
        for attempt in 1...max(1, attempts) {
            guard let gcs else {
                if attempt == attempts { logger.warning("\(method) was not sent: the GCS is unreachable.") }
                try? await Task.sleep(for: .milliseconds(500))
                continue
            }
            do {
                let _: Swiftray_Empty = try await gcs.call(method, request, timeout: .seconds(5))
                return
            } catch {
                if attempt == attempts { logger.warning("\(method) to the GCS failed: \(error)") }
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    private func connectAndRegister(deadline: ContinuousClock.Instant) async throws {
        var lastError: any Error = RuntimeError.unreachable(address: "\(config.gcsHost):\(config.gcsPort)", reason: "no attempt was made.")
        while ContinuousClock.now < deadline {
            if registeredOnce { housekeeping() }  // workers keep being reaped while the GCS is away
            var attempt: RpcClient?
            do {
                let client = try await RpcClient.connect(host: config.gcsHost, port: config.gcsPort,
                                                         token: config.token, peerKind: "raylet",
                                                         timeout: .seconds(2))
                attempt = client
                var request = Swiftray_RegisterNodeRequest()
                request.node = NodeInfo(nodeID: nodeID, ip: config.nodeIP, nodeManagerPort: boundPort,
                                        isHead: config.isHead, nodeName: config.nodeName,
                                        resourcesTotal: config.resources, resourcesAvailable: available,
                                        labels: config.labels.merging(["ray.io/node-id": nodeID.hex]) { a, _ in a },
                                        startTimeMs: 0, rayletPid: getpid(), localIndex: config.localIndex).record
                if registeredOnce {
                    request.reconnecting = true
                    request.bundles = heldBundles()
                    request.workers = heldWorkers()
                }
                let reply: Swiftray_RegisterNodeReply = try await client.call("gcs.RegisterNode", request, timeout: .seconds(5))
                if reply.healthReportPeriodMs > 0 { reportPeriod = .milliseconds(reply.healthReportPeriodMs) }
                gcs = client
                if registeredOnce {
                    logger.info("Registered again with the GCS at \(config.gcsHost):\(config.gcsPort); it asked to give back \(reply.releaseBundles.count) bundle(s) and end \(reply.killWorkerIds.count) worker(s).")
                    settle(reply)
                }
                registeredOnce = true
                return
            } catch let RuntimeError.handshakeRefused(message) {
                await attempt?.close()
                throw RuntimeError.handshakeRefused(message)
            } catch let RuntimeError.remote(code, message) where code == Swiftray_ErrorCode.badRequest.rawValue {
                await attempt?.close()
                throw RuntimeError.failed(message)
            } catch {
                await attempt?.close()
                lastError = error
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        throw RuntimeError.unreachable(address: "\(config.gcsHost):\(config.gcsPort)",
                                       reason: "the GCS did not answer in time (\(lastError)). The raylet exits.")
    }

    // MARK: RpcService

    public nonisolated func handle(method: String, payload: Data, connection: RpcConnection) async throws -> Data {
        switch method {
        case "raylet.Ping":
            return try Swiftray_Empty().serializedData()
        case "raylet.PrepareBundles", "raylet.CommitBundles", "raylet.CancelBundles", "raylet.ReserveBundles":
            let request: Swiftray_BundleReservationRequest = try RpcPayload.decode(payload)
            return try await reserve(method: method, request).serializedData()
        case "raylet.RegisterWorker":
            return try await registerWorker(RpcPayload.decode(payload), connection: connection).serializedData()
        case "raylet.RequestWorkerLease":
            return try await requestLease(RpcPayload.decode(payload), connection: connection).serializedData()
        case "raylet.ReturnWorker":
            await returnLease(try RpcPayload.decode(payload))
            return Data()
        case "raylet.CancelWorkerLease":
            await cancelLease(try RpcPayload.decode(payload))
            return Data()
        case "raylet.ShrinkLease":
            await shrinkLease(try RpcPayload.decode(payload))
            return Data()
        case "raylet.KillWorker":
            await killWorker(try RpcPayload.decode(payload))
            return Data()
        case "raylet.DisconnectWorker":
            await disconnecting(try RpcPayload.decode(payload))
            return Data()
        case "raylet.NotifyBlocked", "raylet.NotifyUnblocked":
            let request: Swiftray_WorkerBlockedRequest = try RpcPayload.decode(payload)
            await setBlocked(request, blocked: method == "raylet.NotifyBlocked")
            return Data()
        case "raylet.SealObject":
            try await sealObject(RpcPayload.decode(payload))
            return Data()
        case "raylet.PullObject":
            return try await pullObject(RpcPayload.decode(payload)).serializedData()
        case "raylet.ReadObjectChunk":
            return try await readChunk(RpcPayload.decode(payload)).serializedData()
        case "raylet.FreeObjects":
            await freeObjects(try RpcPayload.decode(payload))
            return Data()
        case "raylet.ListObjects":
            return try await listObjects().serializedData()
        default:
            throw RuntimeError.remote(code: Swiftray_ErrorCode.unknownMethod.rawValue,
                                      message: "The raylet has no call named \(method).")
        }
    }

    public func connectionClosed(_ connection: RpcConnection) async {
        connectionEnded(connection.id)
    }

    // MARK: placement-group bundles (two-phase commit driven by the GCS)

    /// Every bundle this node holds, prepared or committed, for a registration.
    private func heldBundles() -> [Swiftray_HeldBundle] {
        bundles.holds.sorted { $0.key.hex < $1.key.hex }.flatMap { group, holds in
            holds.keys.sorted().map { index in
                var b = Swiftray_HeldBundle()
                b.placementGroupID = Data(group.bytes)
                b.index = Int32(index)
                if case .committed = holds[index]! { b.committed = true }
                return b
            }
        }
    }

    /// Applies a registration reply: gives back the bundles the GCS does not place here and
    /// ends the workers it does not know.
    private func settle(_ reply: Swiftray_RegisterNodeReply) {
        for held in reply.releaseBundles {
            guard let group = PlacementGroupID(bytes: [UInt8](held.placementGroupID)) else { continue }
            bundles.release(group: group, indexes: [Int(held.index)], formatted: Self.formatter(group),
                            total: &total, available: &available)
        }
        for id in reply.killWorkerIds {
            var request = Swiftray_KillWorkerRequest()
            request.workerID = id
            request.reason = "the restarted GCS does not place its actor here"
            request.force = true
            killWorker(request)
        }
        dispatchLeases()
    }

    /// The formatted resources (`CPU_group_<i>_<pg>` …) a committed bundle of `group` adds.
    private static func formatter(_ group: PlacementGroupID) -> (Int, ResourceSet) -> ResourceSet {
        { index, resources in PlacementGroupResourceNames.committed(bundleIndex: index, resources: resources, group: group) }
    }

    private func reserve(method: String, _ request: Swiftray_BundleReservationRequest) throws -> Swiftray_BundleReservationReply {
        guard let group = PlacementGroupID(bytes: [UInt8](request.placementGroupID)) else {
            throw RuntimeError.invalidArgument("The placement group id in \(method) is malformed.")
        }
        let formatted = Self.formatter(group)
        var reply = Swiftray_BundleReservationReply()
        reply.ok = true
        switch method {
        case "raylet.PrepareBundles", "raylet.ReserveBundles":
            let wanted = request.bundles.map { (index: Int($0.index), resources: ResourceSet(raw: $0.resources)) }
            if let reason = bundles.prepare(group: group, bundles: wanted, available: &available) {
                reply.ok = false
                reply.reason = reason
            } else if method == "raylet.ReserveBundles" {
                // Prepared just now, so the commit cannot miss a bundle.
                _ = bundles.commit(group: group, indexes: wanted.map(\.index), formatted: formatted,
                                   total: &total, available: &available)
            }
        case "raylet.CommitBundles":
            let missing = bundles.commit(group: group, indexes: request.bundles.map { Int($0.index) }, formatted: formatted,
                                         total: &total, available: &available)
            if !missing.isEmpty {
                reply.ok = false
                reply.reason = "Bundles \(missing) of placement group \(group.hex) were never prepared on this node."
            }
        default:
            bundles.release(group: group, indexes: request.allBundles ? nil : request.bundles.map { Int($0.index) },
                            formatted: formatted, total: &total, available: &available)
        }
        reply.bundleVersion = bundles.version
        dispatchLeases()
        if reply.ok {
            logger.debug("\(method) for placement group \(group.hex): ok")
        } else {
            logger.warning("\(method) for placement group \(group.hex) failed: \(reply.reason)")
        }
        return reply
    }
}

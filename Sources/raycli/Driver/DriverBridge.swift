import ClusterState
import Foundation
import NIOConcurrencyHelpers
import Runtime
import Script

/// The driver's connection to the cluster, as the interpreter sees it (`ClusterBridge`).
/// Connecting registers a job with the GCS (the GCS assigns the id); the job stays RUNNING
/// while the driver's connection is open and is ended by `finish` with how the driver ended.
/// If the driver process dies, the GCS sees the connection drop and marks the job FAILED.
/// Tasks and objects go through a core worker started on first use (DriverBridge+Tasks).
/// In a worker process the same bridge serves the tasks' own cluster calls (`init(worker:job:)`):
/// it is already connected to its job and never ends it.
/// Used from the interpreter's thread only (the task context setter excepted).
final class DriverBridge: ClusterBridge, @unchecked Sendable {
    let paths: SessionPaths
    private let defaultAddress: String?
    private let entrypoint: String
    var gcs: GcsClient?
    private(set) var job: JobInfo?
    /// The process's core worker: started on the first task or object call (drivers), or given
    /// (workers).
    var core: CoreWorker?
    let isWorker: Bool
    /// Placement-group bundles by group id, for the bundle checks of tasks scheduled into them.
    var groupBundles: [String: [ResourceSet]] = [:]
    private let taskContext = NIOLockedValueBox<(taskID: String?, gpuIDs: [Int])>((nil, []))
    /// The actor this worker process runs, if any.
    let actorContext = NIOLockedValueBox<String?>(nil)

    init(paths: SessionPaths, address: String?, entrypoint: String) {
        self.paths = paths
        self.defaultAddress = address
        self.entrypoint = entrypoint
        isWorker = false
    }

    /// A worker process's bridge: connected to `job` through `core`.
    init(worker core: CoreWorker, job: JobInfo, paths: SessionPaths) {
        self.paths = paths
        defaultAddress = nil
        entrypoint = ""
        self.core = core
        gcs = core.gcs
        self.job = job
        isWorker = true
    }

    /// The task a worker is running and the GPUs it was given (`ray.get_gpu_ids()`).
    func setTaskContext(taskID: String?, gpuIDs: [Int]) {
        taskContext.withLockedValue { $0 = (taskID, gpuIDs) }
    }

    func gpuIDs() -> [Int] { taskContext.withLockedValue { $0.gpuIDs } }

    func currentTaskID() -> String? { taskContext.withLockedValue { $0.taskID } }

    func connect(_ options: ConnectOptions) throws -> JobConnection {
        if isWorker, let job, let core {
            return JobConnection(jobID: job.jobID.hex, namespace: job.namespace, nodeID: core.nodeID.hex,
                                 address: core.gcs.address.text, nodeIPAddress: core.nodeIP)
        }
        if let ns = options.namespace, ns.isEmpty {
            throw BridgeError("ValueError", "\"\" is not a valid namespace. Pass None to not specify a namespace.")
        }
        var address = options.address ?? defaultAddress
        if address == "auto" || address == "" { address = defaultAddress }
        if let address, address.hasPrefix("ray://") || address.hasPrefix("http") {
            throw BridgeError("ValueError", "The address \(address) is not supported: swiftray drivers connect to the GCS address HOST:PORT.")
        }
        let paths = self.paths
        let target = address
        let entrypoint = self.entrypoint
        let namespace = options.namespace ?? UUID().uuidString.lowercased()
        let (client, job, nodes): (GcsClient, JobInfo, [NodeInfo])
        do {
            (client, job, nodes) = try BlockingAsync.run {
                let client = try await GcsClient.connect(explicitAddress: target, paths: paths, peerKind: "driver",
                                                         reconnectWindow: GcsConnection.clientWindow())
                let ip = client.address.host
                let nodes = try await client.allNodes()
                let job = try await client.addJob(namespace: namespace, entrypoint: entrypoint,
                                                  driverPid: getpid(), driverIp: ip,
                                                  driverNodeID: DriverBridge.attachNode(nodes, ip: ip)?.nodeID)
                client.reattachOnReconnect(job.jobID)
                return (client, job, nodes)
            }
        } catch let error as RuntimeError {
            throw BridgeError("ConnectionError", error.description)
        }
        gcs = client
        self.job = job
        let node = Self.attachNode(nodes, ip: job.driverIp)
        return JobConnection(jobID: job.jobID.hex, namespace: job.namespace, nodeID: node?.nodeID.hex ?? "",
                             address: client.address.text, nodeIPAddress: job.driverIp)
    }

    func shutdown() throws {
        finish(status: .succeeded, message: "Shutdown by ray.shutdown().")
    }

    /// Ends the driver's job (idempotent) and closes the connection.
    func finish(status: JobStatus, message: String, errorType: String = "", exitCode: Int32? = nil) {
        guard !isWorker, let gcs, let job else { return }
        self.gcs = nil
        self.job = nil
        let core = self.core
        self.core = nil
        _ = try? BlockingAsync.run {
            await core?.shutdown()
            // Closed even when the GCS cannot be told (gone, or it already ended the job).
            try? await gcs.markJobFinished(job.jobID, status: status, message: message, errorType: errorType, exitCode: exitCode)
            await gcs.close()
        }
    }

    func clusterResources() throws -> [ScriptDataEntry] {
        try entries(nodes: aliveNodes(), \.resourcesTotal)
    }

    func availableResources() throws -> [ScriptDataEntry] {
        try entries(nodes: aliveNodes(), \.resourcesAvailable)
    }

    func nodes() throws -> [ScriptData] {
        try allNodes().map { n in
            var fields: [ScriptDataEntry] = [
                ScriptDataEntry(.string("NodeID"), .string(n.nodeID.hex)),
                ScriptDataEntry(.string("Alive"), .bool(n.state == .alive)),
                ScriptDataEntry(.string("NodeManagerAddress"), .string(n.ip)),
                ScriptDataEntry(.string("NodeManagerHostname"), .string(ProcessInfo.processInfo.hostName)),
                ScriptDataEntry(.string("NodeManagerPort"), .int(n.nodeManagerPort)),
                ScriptDataEntry(.string("NodeName"), .string(n.nodeName)),
                ScriptDataEntry(.string("alive"), .bool(n.state == .alive)),
                ScriptDataEntry(.string("Resources"), .dict(resourceEntries(n.resourcesTotal))),
                ScriptDataEntry(.string("Labels"), .dict(n.labels.keys.sorted().map {
                    ScriptDataEntry(.string($0), .string(n.labels[$0]!)) })),
            ]
            if n.state == .dead {
                fields.append(ScriptDataEntry(.string("DeathReason"), .int(n.deathReason == .expectedTermination ? 1 : 2)))
                fields.append(ScriptDataEntry(.string("DeathReasonMessage"), .string(n.stateMessage ?? "")))
            }
            return .dict(fields)
        }
    }

    // MARK: placement groups

    func createPlacementGroup(bundles: [ScriptData], strategy: String, name: String, lifetime: String?) throws -> String {
        let request: PlacementGroupRequest
        do {
            request = try BundleValidation.validate(bundles: .list(bundles.map(PyValueBridge.pyValue)),
                                                    strategy: .str(strategy), name: .str(name),
                                                    lifetime: lifetime.map { .str($0) } ?? .none)
        } catch {
            throw BridgeError("ValueError", error.description)
        }
        guard let job else { throw BridgeError("RuntimeError", "The driver is not connected to a swiftray cluster. Call ray.init() first.") }
        let gcs = try client()
        let namespace = job.namespace, jobID = job.jobID
        return try call { try await gcs.createPlacementGroup(job: jobID, namespace: namespace, request: request).id.hex }
    }

    func removePlacementGroup(_ id: String) throws {
        let gcs = try client()
        let group = try Self.groupID(id)
        try call { try await gcs.removePlacementGroup(group) }
    }

    func placementGroupTable(_ id: String?) throws -> ScriptData {
        let gcs = try client()
        if let id {
            let group = try Self.groupID(id)
            guard let info = try call({ try await gcs.placementGroup(id: group) }) else {
                throw BridgeError("ValueError", "Placement group \(id) does not exist.")
            }
            return PyValueBridge.scriptData(info.tableEntry)
        }
        return PyValueBridge.scriptData(PlacementGroupInfo.table(try call { try await gcs.allPlacementGroups() }))
    }

    func waitPlacementGroupReady(_ id: String, timeout: Double?) throws -> Bool {
        let gcs = try client()
        let group = try Self.groupID(id)
        let (ready, removed) = try call { try await gcs.waitPlacementGroupReady(group, timeout: timeout) }
        if removed { throw BridgeError("RayError", "Placement group PlacementGroupID(\(id)) does not exist.") }
        return ready
    }

    func placementGroup(named name: String) throws -> (id: String, bundles: [ScriptData])? {
        let gcs = try client()
        guard let namespace = job?.namespace else { return nil }
        guard let group = try call({ try await gcs.placementGroup(name: name, namespace: namespace) }) else { return nil }
        return (group.id.hex, group.bundles.map { PyValueBridge.scriptData($0.resources.floatDict) })
    }

    private static func groupID(_ hex: String) throws -> PlacementGroupID {
        do { return try PlacementGroupID(hex: hex) } catch { throw BridgeError("ValueError", error.description) }
    }

    /// Runs a GCS call, turning transport and remote failures into Python exceptions.
    func call<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        do {
            return try BlockingAsync.run(body)
        } catch let error as RuntimeError {
            if case .remote = error { throw BridgeError("ValueError", error.description) }
            throw BridgeError("ConnectionError", error.description)
        }
    }

    // MARK: helpers

    /// The node a driver at `ip` attaches to: the head if it has that IP, else any alive node
    /// with that IP, else the first alive node.
    static func attachNode(_ nodes: [NodeInfo], ip: String) -> NodeInfo? {
        let alive = nodes.filter { $0.state == .alive }
        return alive.first { $0.ip == ip && $0.isHead } ?? alive.first { $0.ip == ip } ?? alive.first
    }

    func client() throws -> GcsClient {
        guard let gcs else { throw BridgeError("RuntimeError", "The driver is not connected to a swiftray cluster. Call ray.init() first.") }
        return gcs
    }

    func allNodes() throws -> [NodeInfo] {
        let gcs = try client()
        do {
            return try BlockingAsync.run { try await gcs.allNodes() }
        } catch let error as RuntimeError {
            throw BridgeError("ConnectionError", error.description)
        }
    }

    private func aliveNodes() throws -> [NodeInfo] { try allNodes().filter { $0.state == .alive } }

    private func entries(nodes: [NodeInfo], _ key: KeyPath<NodeInfo, ResourceSet>) throws -> [ScriptDataEntry] {
        resourceEntries(nodes.reduce(into: ResourceSet()) { $0.add($1[keyPath: key]) })
    }

    /// Resources as a Python dict of floats; placement-group-internal names are kept (Ray shows them).
    private func resourceEntries(_ set: ResourceSet) -> [ScriptDataEntry] {
        set.names.map { ScriptDataEntry(.string($0), .float(set[$0].doubleValue)) }
    }
}

import ClusterState
import Foundation
import Logging
import Runtime
import Scheduling
import Script

/// Remote functions and objects: `f.remote()`, `ray.get`, `ray.put`, `ray.wait`, through the
/// process's core worker.
extension DriverBridge {
    /// The core worker, started (and registered with the local raylet) on first use.
    func coreWorker() throws -> CoreWorker {
        if let core { return core }
        guard let job else { throw BridgeError("RuntimeError", "The driver is not connected to a swiftray cluster. Call ray.init() first.") }
        let gcs = try client()
        guard let node = DriverBridge.attachNode(try allNodes(), ip: job.driverIp) else {
            throw BridgeError("RuntimeError", "No alive node to attach the driver to; start a node first.")
        }
        let token = AuthToken.find(paths: paths) ?? ""
        let config = CoreWorkerConfig(workerID: WorkerID.driver(of: job.jobID), jobID: job.jobID, nodeID: node.nodeID,
                                      nodeIP: job.driverIp, isDriver: true, rayletHost: node.ip, rayletPort: node.nodeManagerPort,
                                      token: token)
        var logger = Logger(label: "swiftray.driver")
        logger.logLevel = .error  // the driver's terminal is the user's: only real problems
        let quietLogger = logger
        let started = try call {
            try await CoreWorker.start(config: config, gcs: gcs, printSink: { prefix, lines, stderr in
                let text = lines.map { "\(prefix) \($0)\n" }.joined()
                (stderr ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
            }, logger: quietLogger)
        }
        core = started
        return started
    }

    func submitTask(_ spec: RemoteCallSpec) throws -> [String] {
        let core = try coreWorker()
        let codec = ValueCodec(core: core)
        let options: TaskOptions
        do {
            options = try TaskOptionsParser.task(spec.options.compactMap { e in
                guard case .string(let k) = e.key else { return nil }
                return (key: k, value: PyValueBridge.pyValue(e.value))
            })
        } catch {
            throw Self.pythonError(error)
        }
        let (formatted, strategy, group) = try placement(options.strategy, [options.resources]) { (bundles) throws(ClusterStateError) in
            try PlacementGroupFit.check(options, function: spec.name, bundles: bundles)
        }
        let resources = formatted[0]
        let arguments = try codec.encodeArguments(of: spec)
        let request = TaskRequest(
            name: spec.name, definitionSource: spec.definitionSource,
            args: arguments.args, kwargNames: arguments.kwargNames, kwargs: arguments.kwargs,
            resources: resources, strategy: strategy, numReturns: max(1, options.numReturns),
            maxRetries: options.maxRetries, retryExceptions: options.retryExceptions, placementGroupID: group)
        return try call { try await core.submitTask(request) }.map(\.hex)
    }

    /// The strategy message for `strategy`, the resource requests formatted for its placement
    /// group (if any) and the group. `check` validates the requests against the group's bundles.
    func placement(_ strategy: TaskStrategy, _ requests: [ResourceSet],
                   check: ([ResourceSet]) throws(ClusterStateError) -> Void) throws -> ([ResourceSet], Swiftray_TaskStrategyData, PlacementGroupID?) {
        let core = try coreWorker()
        var data = Swiftray_TaskStrategyData()
        switch strategy {
        case .default:
            // Inside a task of a placement group that captures its children, a child with no
            // strategy of its own runs in the same group (any bundle).
            if let parent = core.currentStrategy, parent.kind == .placementGroup, parent.captureChildTasks,
               let id = PlacementGroupID(bytes: [UInt8](parent.placementGroupID)) {
                data = parent
                data.bundleIndex = -1
                return (requests.map { PlacementGroupResourceNames.request($0, group: id, bundleIndex: -1) }, data, id)
            }
        case .spread:
            data.kind = .spread
        case .nodeAffinity(let node, let soft, let spill, let fail):
            data.kind = .nodeAffinity
            data.nodeID = Data(node.bytes)
            data.soft = soft
            data.spillOnUnavailable = spill
            data.failOnUnavailable = fail
        case .placementGroup(let id, let index, let capture):
            let bundles = try bundlesOf(id)
            do {
                try check(bundles)
            } catch {
                throw Self.pythonError(error)
            }
            data.kind = .placementGroup
            data.placementGroupID = Data(id.bytes)
            data.bundleIndex = Int32(index)
            data.captureChildTasks = capture
            return (requests.map { PlacementGroupResourceNames.request($0, group: id, bundleIndex: index) }, data, id)
        }
        return (requests, data, nil)
    }

    /// The placement group of the running task when it captures child tasks (`get_current_placement_group()`).
    func currentPlacementGroup() -> String? {
        guard let parent = core?.currentStrategy, parent.kind == .placementGroup, parent.captureChildTasks else { return nil }
        return PlacementGroupID(bytes: [UInt8](parent.placementGroupID))?.hex
    }

    /// The Python exception for an option that failed validation: TypeError for wrong types,
    /// ValueError otherwise.
    static func pythonError(_ error: ClusterStateError) -> BridgeError {
        if case .invalidType = error { return BridgeError("TypeError", error.description) }
        return BridgeError("ValueError", error.description)
    }

    /// A placement group's bundles (fetched once per group).
    private func bundlesOf(_ id: PlacementGroupID) throws -> [ResourceSet] {
        if let known = groupBundles[id.hex] { return known }
        let gcs = try client()
        guard let info = try call({ try await gcs.placementGroup(id: id) }) else {
            throw BridgeError("ValueError", "Placement group \(id.hex) does not exist.")
        }
        let bundles = info.bundles.map { $0.resources.set }
        groupBundles[id.hex] = bundles
        return bundles
    }

    func get(_ objectIDs: [String], timeout: Double?) throws -> [ScriptData] {
        let core = try coreWorker()
        let codec = ValueCodec(core: core)
        let ids = try objectIDs.map(ValueCodec.objectID)
        let limit = timeout.map { Duration.milliseconds(Int64(max(0, $0) * 1000)) }
        let results = try BlockingAsync.run { await core.get(ids, timeout: limit) }
        var values: [ScriptData] = []
        for r in results {
            switch r {
            case .value(let bytes):
                do { values.append(try codec.deserialize(bytes)) } catch {
                    throw BridgeError("RaySystemError", "System error: an object could not be decoded: \(error)")
                }
            case .error(let e): throw Self.raised(e)
            case .timedOut: throw BridgeError("GetTimeoutError", "Get timed out: some object(s) not ready.")
            case .lost(let message): throw BridgeError("OwnerDiedError", message)
            }
        }
        if values.count < ids.count { throw BridgeError("GetTimeoutError", "Get timed out: some object(s) not ready.") }
        return values
    }

    /// The Python exception for a task's error.
    static func raised(_ e: Swiftray_TaskError) -> BridgeError {
        if e.errorType == "TASK_EXECUTION_EXCEPTION" && !e.traceback.isEmpty {
            return BridgeError("RayTaskError(\(e.typeName))", e.message)
        }
        return BridgeError(e.typeName, e.message)
    }

    func put(_ value: ScriptData) throws -> String {
        let core = try coreWorker()
        let bytes = try ValueCodec(core: core).serialize(value)
        return try call { try await core.put(bytes) }.hex
    }

    func wait(_ objectIDs: [String], numReturns: Int, timeout: Double?) throws -> (ready: [String], remaining: [String]) {
        if Set(objectIDs).count != objectIDs.count {
            throw BridgeError("ValueError", "Wait requires a list of unique object refs.")
        }
        if numReturns <= 0 {
            throw BridgeError("ValueError", "Invalid number of objects to return \(numReturns).")
        }
        if numReturns > objectIDs.count {
            throw BridgeError("ValueError", "num_returns cannot be greater than the number of ray.ObjectRef in object_refs")
        }
        let core = try coreWorker()
        let ids = try objectIDs.map(ValueCodec.objectID)
        let limit = timeout.map { Duration.milliseconds(Int64(max(0, $0) * 1000)) }
        let flags = try BlockingAsync.run { await core.wait(ids, numReturns: numReturns, timeout: limit) }
        var ready: [String] = []
        var remaining: [String] = []
        for (k, id) in objectIDs.enumerated() {
            if flags[k] && ready.count < numReturns { ready.append(id) } else { remaining.append(id) }
        }
        return (ready, remaining)
    }
}

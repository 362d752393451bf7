import ClusterState
import Foundation
import Runtime
import Scheduling
import Script

/// Actors: `Cls.remote()`, `handle.method.remote()`, `ray.kill`, `ray.get_actor`, through the
/// process's core worker.
extension DriverBridge {
    func createActor(_ spec: RemoteCallSpec) throws -> String {
        let core = try coreWorker()
        let codec = ValueCodec(core: core)
        let keyed: [(key: String, value: PyValue)] = spec.options.compactMap { e in
            guard case .string(let k) = e.key else { return nil }
            return (key: k, value: PyValueBridge.pyValue(e.value))
        }
        let options: ActorOptions
        do {
            options = try TaskOptionsParser.actor(keyed)
        } catch {
            throw Self.pythonError(error)
        }
        let (formatted, strategy, group) = try placement(options.strategy, [options.placementResources, options.lifetimeResources]) { (bundles) throws(ClusterStateError) in
            try PlacementGroupFit.check(options, className: spec.name, bundles: bundles)
        }
        var concurrency = Swiftray_ActorConcurrency()
        concurrency.maxConcurrency = Int32(options.maxConcurrency ?? 0)
        for (name, limit) in try Self.concurrencyGroups(spec.options) {
            concurrency.groupNames.append(name)
            concurrency.groupLimits.append(Int32(limit))
        }
        guard let job else { throw BridgeError("RuntimeError", "The driver is not connected to a swiftray cluster. Call ray.init() first.") }
        let namespace = options.namespace ?? job.namespace
        let arguments = try codec.encodeArguments(of: spec)
        let request = ActorRequest(
            className: spec.name, definitionSource: spec.definitionSource,
            args: arguments.args, kwargNames: arguments.kwargNames, kwargs: arguments.kwargs,
            placementResources: formatted[0], lifetimeResources: formatted[1], strategy: strategy, placementGroupID: group,
            name: options.name ?? "", namespace: namespace, isDetached: options.isDetached,
            maxRestarts: options.maxRestarts, maxTaskRetries: options.maxTaskRetries, getIfExists: options.getIfExists,
            concurrency: concurrency, methodNames: spec.methodNames)
        switch try call({ try await core.createActor(request) }) {
        case .created(let id):
            return id.hex
        case .existing(let id, _):
            return id.hex
        case .nameTaken:
            let name = options.name ?? ""
            let shown = options.namespace ?? "None"
            throw BridgeError("ActorAlreadyExistsError", "The name \(name) (namespace=\(shown)) is already taken. Please use a different name or get the existing actor using ray.get_actor('\(name)', namespace='\(shown)')")
        }
    }

    /// `concurrency_groups={"io": 2}` of the class decorator, in declaration order.
    static func concurrencyGroups(_ options: [ScriptDataEntry]) throws -> [(String, Int)] {
        guard let entry = options.first(where: { $0.key == .string("concurrency_groups") }) else { return [] }
        guard case .dict(let groups) = entry.value else { return [] }
        return try groups.map { g in
            guard case .string(let name) = g.key else {
                throw BridgeError("TypeError", "Concurrency group names must be strings.")
            }
            guard case .int(let limit) = g.value, limit > 0 else {
                throw BridgeError("ValueError", "The concurrency of group \(name) must be a positive integer.")
            }
            return (name, limit)
        }
    }

    func callActorMethod(_ spec: RemoteCallSpec) throws -> [String] {
        let core = try coreWorker()
        let codec = ValueCodec(core: core)
        guard let hex = spec.actorID, let actor = try? ActorID(hex: hex) else {
            throw BridgeError("ValueError", "The actor handle carries a malformed actor id.")
        }
        let parts = spec.name.split(separator: ".", maxSplits: 1).map(String.init)
        let className = parts.count == 2 ? parts[0] : ""
        let method = parts.last ?? spec.name
        var numReturns = 1
        var group = ""
        for e in spec.options {
            switch (e.key, e.value) {
            case (.string("num_returns"), .int(let n)): numReturns = n
            case (.string("concurrency_group"), .string(let g)): group = g
            case (.string("concurrency_group"), .none), (.string("num_returns"), _): break
            case (.string(let k), _):
                throw BridgeError("ValueError", "Invalid option keyword \(k) for actor methods. Valid ones are ['concurrency_group', 'num_returns'].")
            default: break
            }
        }
        let (args, kwargNames, kwargs) = try codec.encodeArguments(of: spec)
        let returns = numReturns, concurrencyGroup = group
        let ids = try BlockingAsync.run {
            await core.callActor(actor, className: className, method: method, args: args, kwargNames: kwargNames,
                                 kwargs: kwargs, numReturns: returns, concurrencyGroup: concurrencyGroup)
        }
        return ids.map(\.hex)
    }

    func killActor(_ actorID: String, noRestart: Bool) throws {
        let core = try coreWorker()
        guard let actor = try? ActorID(hex: actorID) else { throw BridgeError("ValueError", "The actor handle carries a malformed actor id.") }
        try call { try await core.killActor(actor, noRestart: noRestart) }
    }

    func getActor(named name: String, namespace: String?) throws -> ScriptData? {
        let gcs = try client()
        guard let job else { throw BridgeError("RuntimeError", "The driver is not connected to a swiftray cluster. Call ray.init() first.") }
        let ns = namespace ?? job.namespace
        guard let record = try call({ try await gcs.actor(name: name, namespace: ns) }) else { return nil }
        guard let id = ActorID(bytes: [UInt8](record.actorID)) else { return nil }
        return .actorHandle(id: id.hex, className: record.className, methods: record.methodNames)
    }

    func currentActorID() -> String? { actorContext.withLockedValue { $0 } }

    /// Marks this worker process as running the actor `id`.
    func setActor(_ id: String) { actorContext.withLockedValue { $0 = id } }
}

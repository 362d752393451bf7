import ClusterState
import Foundation
import Scheduling

/// Creating actors, calling their methods, killing and looking them up.
extension CoreWorker {
    /// What `createActor` did.
    public enum ActorCreation: Sendable {
        case created(ActorID)
        /// `get_if_exists=True` and a live actor of that name existed.
        case existing(ActorID, className: String)
        /// The name is taken in the namespace.
        case nameTaken
    }

    /// Registers the actor with the GCS (synchronously: a taken name fails here), exporting its
    /// class definition first; the GCS then places it. Constructor arguments that are
    /// ObjectRefs are resolved here first (the actor is DEPENDENCIES_UNREADY meanwhile).
    public func createActor(_ r: ActorRequest) async throws -> ActorCreation {
        let functionKey = try await export(name: r.className, source: r.definitionSource)
        let actorID = mutableRandom { ActorID.make(job: jobID, using: &$0) }
        var spec = Swiftray_TaskSpec()
        spec.taskID = Data(TaskID.actorCreation(actor: actorID).bytes)
        spec.jobID = Data(jobID.bytes)
        spec.parentTaskID = Data(parentTaskID.bytes)
        spec.name = r.className + ".__init__"
        spec.className = r.className
        spec.functionKey = functionKey
        spec.args = r.args.map(Self.valueArg)
        spec.kwargNames = r.kwargNames
        spec.kwargs = r.kwargs.map(Self.valueArg)
        spec.resources = r.placementResources.raw
        spec.owner = address
        spec.driver = driverAddress
        spec.strategy = r.strategy
        spec.namespace = r.namespace
        spec.actorID = Data(actorID.bytes)
        spec.actorCreation = true
        spec.maxTaskRetries = Int32(r.maxTaskRetries)
        spec.submittedMs = TaskEventBuffer.nowMs()
        var record = Swiftray_ActorRecord()
        record.actorID = Data(actorID.bytes)
        record.className = r.className
        record.jobID = Data(jobID.bytes)
        record.name = r.name
        record.rayNamespace = r.namespace
        if let pg = r.placementGroupID { record.placementGroupID = Data(pg.bytes) }
        record.requiredResources = ResourceSet(r.lifetimeResources.amounts.filter { !PlacementGroupResourceNames.isBundleMarker($0.key) }).raw
        record.lifetimeResources = r.lifetimeResources.raw
        record.isDetached = r.isDetached
        record.maxRestarts = Int32(r.maxRestarts)
        record.maxTaskRetries = Int32(r.maxTaskRetries)
        record.owner = address
        record.creationSpec = spec
        record.concurrency = r.concurrency
        record.methodNames = r.methodNames
        let unresolved = spec.hasObjectRefArguments
        var request = Swiftray_RegisterActorRequest()
        request.record = record
        request.dependenciesUnready = unresolved
        request.getIfExists = r.getIfExists
        let reply: Swiftray_RegisterActorReply = try await gcs.rpc.call("gcs.RegisterActor", request)
        if !reply.alreadyExists.isEmpty { return .nameTaken }
        if reply.actor.actorID != record.actorID, let existing = ActorID(bytes: [UInt8](reply.actor.actorID)) {
            return .existing(existing, className: reply.actor.className)
        }
        events.state(spec, "PENDING_ARGS_AVAIL") { e in
            Self.describe(spec, into: &e)
            e.type = "ACTOR_CREATION_TASK"
            e.actorID = spec.actorID
            if let pg = r.placementGroupID { e.placementGroupID = Data(pg.bytes) }
        }
        if unresolved {
            Task {
                var create = Swiftray_CreateActorRequest()
                create.actorID = record.actorID
                create.record = record
                do {
                    create.record.creationSpec.args = try await self.resolveArguments(spec.args)
                    create.record.creationSpec.kwargs = try await self.resolveArguments(spec.kwargs)
                } catch let ObjectFetchProblem.error(e) {
                    create.dependencyError = "\(e.typeName): \(e.message)"
                } catch {
                    create.dependencyError = "\(error)"
                }
                // Retried until the GCS has it: without it the actor would wait forever.
                for attempt in 0..<20 {
                    do {
                        let _: Swiftray_Empty = try await self.gcs.rpc.call("gcs.CreateActor", create)
                        return
                    } catch {
                        if attempt == 19 { self.logger.error("The GCS did not take the creation of actor \(actorID.hex): \(error)") }
                        try? await Task.sleep(for: .milliseconds(250))
                    }
                }
            }
        }
        return .created(actorID)
    }

    /// Submits a method call; returns its return object ids (registered, pending).
    public func callActor(_ actor: ActorID, className: String, method: String, args: [Swiftray_Value], kwargNames: [String],
                          kwargs: [Swiftray_Value], numReturns: Int, concurrencyGroup: String) async -> [ObjectID] {
        let taskID = TaskID.actorTask(actor: actor, unique: randomBytes(8))
        var spec = Swiftray_TaskSpec()
        spec.taskID = Data(taskID.bytes)
        spec.jobID = Data(jobID.bytes)
        spec.parentTaskID = Data(parentTaskID.bytes)
        spec.name = className + "." + method
        spec.className = className
        spec.args = args.map(Self.valueArg)
        spec.kwargNames = kwargNames
        spec.kwargs = kwargs.map(Self.valueArg)
        spec.numReturns = Int32(max(1, numReturns))
        spec.owner = address
        spec.driver = driverAddress
        spec.actorID = Data(actor.bytes)
        spec.callerID = Data(workerID.bytes)
        spec.concurrencyGroup = concurrencyGroup
        spec.submittedMs = TaskEventBuffer.nowMs()
        let ids = Self.returnIDs(spec)
        for id in ids { objects.addPending(id, origin: .task(attempt: 0)) }
        events.state(spec, "PENDING_ARGS_AVAIL") { e in
            Self.describe(spec, into: &e)
            e.type = "ACTOR_TASK"
            e.actorID = spec.actorID
        }
        await actorSubmitter.submit(actor, spec)
        return ids
    }

    /// `ray.kill(handle, no_restart=)`.
    public func killActor(_ actor: ActorID, noRestart: Bool) async throws {
        var request = Swiftray_KillActorRequest()
        request.actorID = Data(actor.bytes)
        request.noRestart = noRestart
        request.killID = Data(randomBytes(16))
        let _: Swiftray_Empty = try await gcs.rpc.call("gcs.KillActor", request)
        if noRestart { await actorSubmitter.killed(actor) }
    }

    /// Replaces top-level ObjectRef arguments by their payloads (the executor reads them directly).
    func resolveArguments(_ args: [Swiftray_TaskArg]) async throws -> [Swiftray_TaskArg] {
        var out = args
        for (k, arg) in args.enumerated() {
            guard case .value(let v)? = arg.kind, case .objectRef(let ref)? = v.kind,
                  let id = ObjectID(bytes: [UInt8](ref.objectID)) else { continue }
            if !objects.owns(id) { objects.noteBorrowed(id, owner: ref.owner) }
            switch await payload(of: id, timeout: nil) {
            case .success(let p):
                var resolved = Swiftray_TaskArg()
                resolved.resolved = p
                resolved.resolvedObjectID = ref.objectID
                out[k] = resolved
            case .failure(let problem):
                throw problem
            }
        }
        return out
    }

    static func valueArg(_ v: Swiftray_Value) -> Swiftray_TaskArg {
        var a = Swiftray_TaskArg()
        a.value = v
        return a
    }
}

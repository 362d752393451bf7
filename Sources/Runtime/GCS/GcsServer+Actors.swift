import ClusterState
import Foundation

/// The actor manager: registration (names unique per namespace), placement through raylet
/// leases, the constructor pushed to the leased worker, restarts, deaths and their causes.
/// Every state change is persisted before it is acknowledged or acted on.
extension GcsServer {
    func handleActorCall(_ method: String, _ payload: Data) async throws -> Data {
        switch method {
        case "gcs.RegisterActor":
            return try registerActor(Self.decode(payload)).serializedData()
        case "gcs.CreateActor":
            let r: Swiftray_CreateActorRequest = try Self.decode(payload)
            try createActor(r)
            return Data()
        case "gcs.GetActor":
            let r: Swiftray_GetActorRequest = try Self.decode(payload)
            var reply = Swiftray_GetActorReply()
            let found: Swiftray_ActorRecord?
            if let id = ActorID(bytes: [UInt8](r.actorID)) {
                found = actorTable.records[id]
            } else {
                found = actorTable.live(named: r.name, namespace: r.namespace)
            }
            if let found {
                reply.found = true
                reply.actor = found
            }
            return try reply.serializedData()
        case "gcs.WaitActor":
            return try await waitActor(Self.decode(payload)).serializedData()
        case "gcs.KillActor":
            try killActor(Self.decode(payload))
            return Data()
        default:  // gcs.GetAllActors
            var reply = Swiftray_GetAllActorsReply()
            reply.actors = actorTable.all.map { r in
                var listed = r
                listed.creationSpec = Swiftray_TaskSpec()  // the constructor's arguments are not listed
                return listed
            }
            return try reply.serializedData()
        }
    }

    // MARK: registration

    private func registerActor(_ r: Swiftray_RegisterActorRequest) throws -> Swiftray_RegisterActorReply {
        var reply = Swiftray_RegisterActorReply()
        guard let id = ActorID(bytes: [UInt8](r.record.actorID)) else {
            throw RuntimeError.invalidArgument("The actor registration carries a malformed actor id.")
        }
        if let existing = actorTable.records[id] {  // a retried registration
            reply.actor = existing
            return reply
        }
        if let other = actorTable.live(named: r.record.name, namespace: r.record.rayNamespace) {
            if r.getIfExists {
                reply.actor = other
            } else {
                reply.alreadyExists = "The name \(r.record.name) is already taken in namespace \(r.record.rayNamespace)."
            }
            return reply
        }
        var record = r.record
        record.state = (r.dependenciesUnready ? ActorState.dependenciesUnready : .pendingCreation).rawValue
        record.numRestarts = 0
        record.incarnation = 0
        try saveActor(record)
        logger.info("Actor \(id.hex) (\(record.className)) registered for job \(JobID(bytes: [UInt8](record.jobID))?.hex ?? "?").")
        if !r.dependenciesUnready { scheduleActor(id) }
        reply.actor = record
        return reply
    }

    private func createActor(_ r: Swiftray_CreateActorRequest) throws {
        guard let id = ActorID(bytes: [UInt8](r.actorID)), var record = actorTable.records[id] else {
            throw RuntimeError.remote(code: Swiftray_ErrorCode.notFound.rawValue, message: "The GCS has no such actor.")
        }
        guard record.state == ActorState.dependenciesUnready.rawValue else { return }
        if !r.dependencyError.isEmpty {
            markActorDead(id, reason: .unspecified,
                          message: "The actor could not be created: an argument of its constructor could not be resolved (\(r.dependencyError)).",
                          neverStarted: true)
            return
        }
        record.creationSpec = r.record.creationSpec
        record.state = ActorState.pendingCreation.rawValue
        try saveActor(record)
        scheduleActor(id)
    }

    /// Persists `record`, applies it and wakes the actor's waiters. A state change Ray never
    /// makes (e.g. out of DEAD) is refused.
    func saveActor(_ record: Swiftray_ActorRecord) throws {
        if let id = ActorID(bytes: [UInt8](record.actorID)), let old = actorTable.records[id],
           let from = ActorState(rawValue: old.state), let to = ActorState(rawValue: record.state),
           from != to, !from.canMove(to: to) {
            throw RuntimeError.invalidArgument("Actor \(id.hex) cannot go from \(from.rawValue) to \(to.rawValue).")
        }
        try store.saveActor(record)
        actorTable.put(record)
        if let id = ActorID(bytes: [UInt8](record.actorID)), let waiting = actorTable.waiters.removeValue(forKey: id) {
            for c in waiting.values { c.resume() }
        }
    }

    // MARK: placement

    func scheduleActor(_ id: ActorID) {
        guard recovery.gateOpen else { return }  // opening the gate places every awaiting actor
        Task { await self.placeActor(id) }
    }

    /// Leases a worker for the actor (following spillbacks) and runs its constructor there.
    private func placeActor(_ id: ActorID) async {
        guard let start = actorTable.records[id], Self.awaitingPlacement(start) else { return }
        let incarnation = start.incarnation
        var request = Swiftray_RequestWorkerLeaseRequest()
        request.resources = start.creationSpec.resources
        request.strategy = start.creationSpec.strategy
        request.jobID = start.jobID
        request.owner = start.owner
        request.functionName = start.className
        request.actorID = start.actorID
        // Ask the affinity target's raylet directly (it knows its own resources best), else the
        // owner's; either may spill back to a better node.
        let first = start.creationSpec.strategy.kind == .nodeAffinity
            ? NodeID(bytes: [UInt8](start.creationSpec.strategy.nodeID)) : NodeID(bytes: [UInt8](start.owner.nodeID))
        var target = firstRaylet(preferring: first)
        while true {
            guard let current = actorTable.records[id], Self.awaitingPlacement(current), current.incarnation == incarnation else { return }
            guard let node = target else {
                try? await Task.sleep(for: .milliseconds(200))
                target = firstRaylet(preferring: nil)
                continue
            }
            let reply: Swiftray_RequestWorkerLeaseReply
            do {
                let client = try await raylet(node)
                reply = try await client.call("raylet.RequestWorkerLease", request, timeout: .seconds(365 * 86400))
            } catch {
                try? await Task.sleep(for: .milliseconds(200))
                target = firstRaylet(preferring: nil)
                request.grantOrReject = false
                continue
            }
            switch reply.outcome {
            case .granted(let grant):
                await runConstructor(id, incarnation: incarnation, grant: grant, node: node)
                return
            case .spillback(let spill):
                target = NodeID(bytes: [UInt8](spill.nodeID)).flatMap { tables.nodes[$0] }.flatMap { $0.state == .alive ? $0 : nil }
                request.grantOrReject = true
            case .failed(let message):
                // A raylet drops the requests of a finished job; a detached actor outlives its
                // job, so it asks again.
                if current.isDetached, let job = JobID(bytes: [UInt8](current.jobID)), tables.jobs[job]?.status != .running {
                    try? await Task.sleep(for: .milliseconds(100))
                    request.grantOrReject = false
                    target = firstRaylet(preferring: first)
                    continue
                }
                markActorDead(id, reason: .unspecified, message: "The actor could not be scheduled: \(message)", neverStarted: true)
                return
            case .rejected, nil:
                try? await Task.sleep(for: .milliseconds(20))
                target = firstRaylet(preferring: first)
                request.grantOrReject = false
            }
        }
    }

    static func awaitingPlacement(_ r: Swiftray_ActorRecord) -> Bool {
        r.state == ActorState.pendingCreation.rawValue || r.state == ActorState.restarting.rawValue
    }

    /// The alive node to ask first: `preferred` when alive, else the first alive node.
    private func firstRaylet(preferring preferred: NodeID?) -> NodeInfo? {
        if let preferred, let node = tables.nodes[preferred], node.state == .alive { return node }
        return tables.allNodes.first { $0.state == .alive }
    }

    /// Pushes the constructor to the granted worker; ALIVE when it returns, DEAD when it raises.
    private func runConstructor(_ id: ActorID, incarnation: Int32, grant: Swiftray_LeaseGrant, node: NodeInfo) async {
        guard var record = actorTable.records[id], Self.awaitingPlacement(record), record.incarnation == incarnation else {
            await returnLease(grant.leaseID, on: node, failed: true)
            return
        }
        record.address = grant.worker
        record.nodeID = grant.worker.nodeID
        record.leaseID = grant.leaseID
        actorTable.put(record)  // volatile until ALIVE: a worker death now matches this record
        var push = Swiftray_PushTaskRequest()
        push.spec = record.creationSpec
        push.gpuIds = grant.gpuIds
        push.resources = grant.resources
        push.leaseID = grant.leaseID
        push.actorConcurrency = record.concurrency
        let answer: Swiftray_PushTaskReply
        do {
            let worker = try await RpcClient.connect(host: grant.worker.host, port: Int(grant.worker.port), token: config.token,
                                                     peerKind: "gcs", timeout: .seconds(5))
            defer { Task { await worker.close() } }
            answer = try await worker.call("core.PushTask", push, timeout: .seconds(365 * 86400))
        } catch {
            // Whether the worker died or could not be reached, it must not keep the lease (or
            // run a second copy of the actor after the restart).
            await returnLease(grant.leaseID, on: node, failed: true)
            actorWorkerDied(workerID: grant.worker.workerID, reason: .workerDied,
                            message: "The actor is dead because its worker process has died. Worker exit type: SYSTEM_ERROR Worker exit detail: the worker could not be reached while running the constructor (\(error)).")
            return
        }
        guard var now = actorTable.records[id], now.incarnation == incarnation, Self.awaitingPlacement(now),
              now.address.workerID == grant.worker.workerID else { return }
        recordCreationTask(now.creationSpec, answer, failed: answer.hasError_p)
        if answer.hasError_p {
            markActorDead(id, reason: .unspecified,
                          message: "The actor died because of an error raised in its creation task, \(answer.error.message)")
            return
        }
        now.state = ActorState.alive.rawValue
        now.pid = answer.workerPid
        now.incarnation = incarnation + 1
        if now.startTimeMs == 0 { now.startTimeMs = Self.nowMs() }
        do {
            try saveActor(now)
        } catch {
            logger.error("Could not record actor \(id.hex) as ALIVE: \(error)")
            return
        }
        logger.info("Actor \(id.hex) (\(now.className)) is ALIVE on node \(node.nodeID) pid \(now.pid).")
        var shrink = Swiftray_ShrinkLeaseRequest()
        shrink.leaseID = grant.leaseID
        shrink.resources = now.lifetimeResources
        if let client = try? await raylet(node) {
            let _: Swiftray_Empty? = try? await client.call("raylet.ShrinkLease", shrink)
        }
    }

    /// The creation task's RUNNING and FINISHED/FAILED events (the GCS ran it, so it records them).
    private func recordCreationTask(_ spec: Swiftray_TaskSpec, _ answer: Swiftray_PushTaskReply, failed: Bool) {
        var e = Swiftray_TaskEventRecord()
        e.taskID = spec.taskID
        e.attemptNumber = spec.attemptNumber
        e.nodeID = answer.nodeID
        e.workerID = answer.workerID
        e.workerPid = answer.workerPid
        e.states = ["RUNNING", failed ? "FAILED" : "FINISHED"]
        e.stateTimesMs = [answer.startMs, answer.endMs]
        if failed {
            e.errorType = answer.error.errorType
            e.errorMessage = answer.error.typeName + ": " + answer.error.message
        }
        merge(e)
    }

    private func returnLease(_ leaseID: Data, on node: NodeInfo, failed: Bool) async {
        var r = Swiftray_ReturnWorkerRequest()
        r.leaseID = leaseID
        r.workerFailed = failed
        if let client = try? await raylet(node) {
            let _: Swiftray_Empty? = try? await client.call("raylet.ReturnWorker", r)
        }
    }

    // MARK: waiting

    /// Answers when the actor is ALIVE with an incarnation above the caller's, or DEAD.
    private func waitActor(_ r: Swiftray_WaitActorRequest) async throws -> Swiftray_ActorRecord {
        guard let id = ActorID(bytes: [UInt8](r.actorID)) else {
            throw RuntimeError.invalidArgument("The actor id to wait for is malformed.")
        }
        while true {
            guard let record = actorTable.records[id] else {
                throw RuntimeError.remote(code: Swiftray_ErrorCode.notFound.rawValue, message: "The GCS has no actor \(id.hex).")
            }
            if record.state == ActorState.dead.rawValue
                || (record.state == ActorState.alive.rawValue && record.incarnation > r.afterIncarnation) {
                var answer = record
                answer.creationSpec = Swiftray_TaskSpec()
                return answer
            }
            let token = UUID()
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                actorTable.waiters[id, default: [:]][token] = c
            }
        }
    }

    // MARK: deaths and restarts

    private func killActor(_ r: Swiftray_KillActorRequest) throws {
        guard let id = ActorID(bytes: [UInt8](r.actorID)), let record = actorTable.records[id] else {
            throw RuntimeError.remote(code: Swiftray_ErrorCode.notFound.rawValue, message: "The GCS has no such actor.")
        }
        guard record.state != ActorState.dead.rawValue else { return }
        if !r.killID.isEmpty {
            guard record.lastKillID != r.killID else { return }  // this kill was carried out already
            var marked = record
            marked.lastKillID = r.killID
            try saveActor(marked)
        }
        if r.noRestart {
            markActorDead(id, reason: .rayKill, message: "The actor is dead because it was killed by `ray.kill`.")
        } else {
            actorTable.killRequested.insert(id)
            killWorker(of: record, reason: "ray.kill")
        }
    }

    /// The worker that ran `workerID` is gone (the raylet reported its exit, or it could not be
    /// reached): its actor restarts while restarts remain, else it is DEAD. Actors it owned die.
    func actorWorkerDied(workerID: Data, reason: ActorDeathReason, message: String) {
        for id in actorTable.byOwner[workerID] ?? [] {
            guard let record = actorTable.records[id], !record.isDetached else { continue }
            markActorDead(id, reason: .ownerDied,
                          message: Self.ownerDiedMessage(record, exitType: "SYSTEM_ERROR", detail: "The owner's worker process exited."))
        }
        guard let id = actorTable.byWorker[workerID], let record = actorTable.records[id],
              record.state == ActorState.alive.rawValue || Self.awaitingPlacement(record) else { return }
        restartOrBury(id, reason: actorTable.killRequested.contains(id) ? .rayKill : reason,
                      message: actorTable.killRequested.contains(id) ? "The actor is dead because it was killed by `ray.kill`." : message)
    }

    /// Restarts the actor if `max_restarts` allows, else marks it DEAD.
    private func restartOrBury(_ id: ActorID, reason: ActorDeathReason, message: String) {
        guard var record = actorTable.records[id] else { return }
        actorTable.killRequested.remove(id)
        let restartsLeft = record.maxRestarts < 0 || record.numRestarts < record.maxRestarts
        guard restartsLeft else {
            markActorDead(id, reason: reason, message: message)
            return
        }
        record.state = ActorState.restarting.rawValue
        record.numRestarts += 1
        record.address = Swiftray_WorkerAddress()
        record.nodeID = Data()  // no node while restarting, as Ray shows it
        record.leaseID = Data()
        record.pid = 0
        record.incarnation += 1  // a placement still running for the old incarnation gives up
        do {
            try saveActor(record)
        } catch {
            logger.error("Could not record the restart of actor \(id.hex): \(error)")
            return
        }
        logger.warning("Actor \(id.hex) (\(record.className)) is RESTARTING (\(record.numRestarts)/\(record.maxRestarts)): \(message)")
        scheduleActor(id)
    }

    /// Marks the actor DEAD with its cause and ends its worker, if it has one.
    func markActorDead(_ id: ActorID, reason: ActorDeathReason, message: String, neverStarted: Bool = false) {
        guard var record = actorTable.records[id], record.state != ActorState.dead.rawValue else { return }
        let hadWorker = !record.address.workerID.isEmpty
        record.state = ActorState.dead.rawValue
        var cause = Swiftray_ActorDeathCause()
        cause.reason = reason.rawValue
        cause.errorMessage = message
        cause.neverStarted = neverStarted || (record.pid == 0 && record.startTimeMs == 0)
        cause.ownerID = record.owner.workerID
        cause.ownerIpAddress = record.owner.host
        cause.nodeIpAddress = record.address.host
        cause.pid = record.pid
        record.deathCause = cause
        record.endTimeMs = Self.nowMs()
        record.incarnation += 1
        do {
            try saveActor(record)
        } catch {
            logger.error("Could not record the death of actor \(id.hex): \(error)")
            return
        }
        actorTable.killRequested.remove(id)
        logger.info("Actor \(id.hex) (\(record.className)) is DEAD (\(reason.rawValue)): \(message)")
        if hadWorker { killWorker(of: record, reason: message) }
    }

    /// Asks the actor's raylet to end its worker process.
    private func killWorker(of record: Swiftray_ActorRecord, reason: String) {
        guard !record.address.workerID.isEmpty, let node = NodeID(bytes: [UInt8](record.address.nodeID)),
              let info = tables.nodes[node], info.state == .alive else { return }
        var request = Swiftray_KillWorkerRequest()
        request.workerID = record.address.workerID
        request.reason = reason
        request.force = true
        Task {
            guard let client = try? await self.raylet(info) else { return }
            let _: Swiftray_Empty? = try? await client.call("raylet.KillWorker", request)
        }
    }

    /// Ray's OWNER_DIED text, with how the owner ended (`exitType` as Ray names worker exits).
    static func ownerDiedMessage(_ r: Swiftray_ActorRecord, exitType: String, detail: String) -> String {
        let owner = WorkerID(bytes: [UInt8](r.owner.workerID))?.hex ?? ""
        return "The actor is dead because its owner has died. Owner Id: \(owner) Owner Ip address: \(r.owner.host) Owner worker exit type: \(exitType) Worker exit detail: \(detail)"
    }

    /// A job ended: its non-detached actors die with their owner.
    func actorsJobEnded(_ job: JobID) {
        let info = tables.jobs[job]
        let (exitType, detail) = info?.status == .succeeded
            ? ("INTENDED_USER_EXIT", "The owner's job finished.")
            : (info?.errorType == "DRIVER_DIED" ? "SYSTEM_ERROR" : "USER_ERROR", "The owner's job failed: \(info?.message ?? "")")
        for record in actorTable.all where record.jobID == Data(job.bytes) && !record.isDetached
            && record.state != ActorState.dead.rawValue {
            guard let id = ActorID(bytes: [UInt8](record.actorID)) else { continue }
            markActorDead(id, reason: .ownerDied, message: Self.ownerDiedMessage(record, exitType: exitType, detail: detail))
        }
    }

    /// A node died: its actors restart elsewhere while restarts remain, else die with NODE_DIED;
    /// actors owned by a worker on it die with their owner.
    func actorsNodeDied(_ node: NodeID) {
        for record in actorTable.all where record.owner.nodeID == Data(node.bytes) && !record.isDetached
            && record.state != ActorState.dead.rawValue && record.owner.workerID != Data(WorkerID.driver(of: JobID(bytes: [UInt8](record.jobID)) ?? JobID(counter: 0)).bytes) {
            guard let id = ActorID(bytes: [UInt8](record.actorID)) else { continue }
            markActorDead(id, reason: .ownerDied,
                          message: Self.ownerDiedMessage(record, exitType: "SYSTEM_ERROR", detail: "The owner's node died."))
        }
        for record in actorTable.all where record.address.nodeID == Data(node.bytes)
            && (record.state == ActorState.alive.rawValue || Self.awaitingPlacement(record)) {
            guard let id = ActorID(bytes: [UInt8](record.actorID)) else { continue }
            restartOrBury(id, reason: .nodeDied, message: "The actor died because its node has died. Node Id: \(node.hex)")
        }
    }

    /// A placement group was removed: the actors running in it are destroyed.
    func actorsGroupRemoved(_ group: PlacementGroupID) {
        // Looked up in the table's index: a removal must not cost a walk over every actor kept.
        guard let members = actorTable.byGroup[Data(group.bytes)] else { return }
        for id in actorTable.order where members.contains(id) {
            guard let record = actorTable.records[id], !record.address.workerID.isEmpty,
                  record.state != ActorState.dead.rawValue else { continue }
            markActorDead(id, reason: .workerDied,
                          message: "The actor is dead because its worker process has died. Worker exit type: INTENDED_SYSTEM_EXIT Worker exit detail: Destroying worker since its placement group was removed. Placement group id: \(group.hex), bundle index: -1")
        }
    }
}

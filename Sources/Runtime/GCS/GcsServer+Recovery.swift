import ClusterState
import Foundation
import Scheduling

/// A GCS restarted on its session's database: raylets register again under their node ids and
/// re-report the bundles and workers they hold; the GCS reconciles them with its tables (a
/// bundle the raylet no longer holds is rescheduled, one the GCS does not place there is given
/// back; an actor whose worker is gone restarts or dies, a worker running an actor the GCS does
/// not place there is ended). Scheduling waits until every node that was ALIVE registered again
/// or was declared dead. Drivers reconnect and claim their RUNNING jobs; the others fail.
extension GcsServer {
    /// Fails the jobs nobody claimed in time, and opens the gate once every awaited node is back.
    func advanceRecovery(now: ContinuousClock.Instant) {
        for (job, deadline) in recovery.unclaimedJobs where now >= deadline {
            recovery.unclaimedJobs[job] = nil
            guard let info = tables.jobs[job], info.status == .running, !driverJobs.values.contains(job) else { continue }
            do {
                try finishJob(info, status: .failed,
                              message: "The driver (pid \(info.driverPid)) did not reconnect within \(config.driverReconnectWindow) after the GCS restarted.",
                              errorType: "DRIVER_DIED", exitCode: nil)
            } catch {
                logger.error("Could not record the end of job \(job): \(error)")
                recovery.unclaimedJobs[job] = now + .seconds(1)
            }
        }
        guard !recovery.gateOpen, recovery.awaitedNodes.isEmpty else { return }
        recovery.gateOpen = true
        let elapsed = now - recovery.startedAt
        logger.info("Recovery complete: every node that was ALIVE registered again or was declared dead \(elapsed) after the GCS started; scheduling resumes.")
        for group in tables.allGroups where group.state == .prepared {
            var byNode: [NodeID: [BundleSpec]] = [:]
            for bundle in group.bundles { if let node = bundle.nodeID { byNode[node, default: []].append(bundle) } }
            Task {
                do { try await self.commit(group.id, byNode: byNode) } catch {
                    self.logger.error("Could not commit placement group \(group.id.hex) after the restart: \(error)")
                }
            }
        }
        placeAwaitingActors()
        kickPlacementGroupScheduler()
    }

    /// Places every actor that is PENDING_CREATION or RESTARTING.
    func placeAwaitingActors() {
        for record in actorTable.all where Self.awaitingPlacement(record) {
            if let id = ActorID(bytes: [UInt8](record.actorID)) { scheduleActor(id) }
        }
    }

    /// `gcs.ReattachJob`: a driver that lost its connection claims its RUNNING job again.
    func reattachJob(_ request: Swiftray_ReattachJobRequest, connection: RpcConnection) throws {
        guard let id = JobID(bytes: [UInt8](request.jobID)), let job = tables.jobs[id] else {
            throw RuntimeError.remote(code: Swiftray_ErrorCode.notFound.rawValue,
                                      message: "The GCS has no job \(JobID(bytes: [UInt8](request.jobID))?.hex ?? "with that id"); the driver cannot continue it.")
        }
        guard job.status == .running else {
            throw RuntimeError.remote(code: Swiftray_ErrorCode.badRequest.rawValue,
                                      message: "Job \(id.hex) already ended (\(job.status.rawValue): \(job.message)); the driver cannot continue it.")
        }
        recovery.unclaimedJobs[id] = nil
        if connection.isClosed {
            failVanishedDriver(job)
        } else {
            driverJobs[connection.id] = id
            logger.info("The driver of job \(id) (pid \(job.driverPid)) reconnected.")
        }
    }

    /// Compares what a raylet registering with a restarted GCS holds with the tables; the reply
    /// tells it what to give back and which workers to end. Lost bundles and dead actor workers
    /// are acted on here. Safe because the gate is closed: nothing is being placed meanwhile.
    func reconcile(_ node: NodeID, holding request: Swiftray_RegisterNodeRequest) -> Swiftray_RegisterNodeReply {
        var reply = Swiftray_RegisterNodeReply()
        // Bundles: held ∖ placed-here is given back; placed-here ∖ held is rescheduled.
        var held: [PlacementGroupID: Set<Int>] = [:]
        for bundle in request.bundles {
            let index = Int(bundle.index)
            if let id = PlacementGroupID(bytes: [UInt8](bundle.placementGroupID)), let group = tables.groups[id],
               group.state != .removed, group.bundles.indices.contains(index), group.bundles[index].nodeID == node {
                held[id, default: []].insert(index)
            } else {
                reply.releaseBundles.append(bundle)
            }
        }
        for group in tables.allGroups where group.state != .removed {
            let lost = Set(group.bundles.filter { $0.nodeID == node && !(held[group.id]?.contains($0.index) ?? false) }.map(\.index))
            if !lost.isEmpty {
                reschedule(group.id, why: "(node \(node) no longer holds them)") { try $0.markRescheduling(lostBundles: lost) }
            }
        }
        if !reply.releaseBundles.isEmpty {
            logger.warning("Node \(node) holds \(reply.releaseBundles.count) bundle(s) the GCS does not place there; it gives them back.")
        }
        guard request.reconnecting else { return reply }
        // Workers: an actor's or owner's worker the raylet no longer has died meanwhile.
        let nodeBytes = Data(node.bytes)
        let reported = Set(request.workers.map(\.workerID))
        var gone = Set<Data>()
        for record in actorTable.all where record.state != ActorState.dead.rawValue {
            if record.address.nodeID == nodeBytes, !record.address.workerID.isEmpty, !reported.contains(record.address.workerID) {
                gone.insert(record.address.workerID)
            }
            if record.owner.nodeID == nodeBytes, !record.owner.workerID.isEmpty, !reported.contains(record.owner.workerID) {
                gone.insert(record.owner.workerID)
            }
        }
        for worker in gone.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            actorWorkerDied(workerID: worker, reason: .workerDied,
                            message: "The actor is dead because its worker process has died. Worker exit type: SYSTEM_ERROR Worker exit detail: the worker exited while the GCS was down (its raylet no longer had it when it registered again).")
        }
        // A worker running an actor the GCS does not place there (a lease granted to a GCS that
        // died before the actor became ALIVE) is ended.
        for worker in request.workers where !worker.actorID.isEmpty {
            let record = ActorID(bytes: [UInt8](worker.actorID)).flatMap { actorTable.records[$0] }
            if record?.state != ActorState.alive.rawValue || record?.address.workerID != worker.workerID {
                reply.killWorkerIds.append(worker.workerID)
            }
        }
        for worker in request.workers where workerRecords[worker.workerID] == nil {
            workerOrder.append(worker.workerID)
            workerRecords[worker.workerID] = Self.workerRecord(worker, node: node, ip: request.node.ip)
        }
        return reply
    }

    /// A `list workers` record for a worker a raylet re-reported.
    static func workerRecord(_ w: Swiftray_HeldWorker, node: NodeID, ip: String) -> Swiftray_WorkerRecord {
        var record = Swiftray_WorkerRecord()
        record.workerID = w.workerID
        record.isAlive = true
        record.workerType = w.isDriver ? "DRIVER" : "WORKER"
        record.nodeID = Data(node.bytes)
        record.ip = ip
        record.pid = w.pid
        record.jobID = w.jobID
        record.startTimeMs = w.startTimeMs
        record.workerLaunchTimeMs = w.launchTimeMs
        record.workerLaunchedTimeMs = w.isDriver ? -1 : w.startTimeMs
        return record
    }
}

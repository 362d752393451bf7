import ClusterState
import Foundation
import Scheduling

/// Worker leases: an owner asks for a worker for a resource shape; the raylet decides with its
/// view of the cluster whether to queue it here, spill it back to a better node, or fail it.
extension Raylet {
    /// Where a lease request goes.
    enum LeasePlacement {
        case queue(infeasible: Bool)
        case answer(Swiftray_RequestWorkerLeaseReply)
    }

    /// Answers `raylet.RequestWorkerLease` once a worker is granted (or the request is spilled,
    /// rejected or failed). Suspends while the request waits.
    func requestLease(_ r: Swiftray_RequestWorkerLeaseRequest, connection: RpcConnection) async -> Swiftray_RequestWorkerLeaseReply {
        let request = ResourceSet(raw: r.resources)
        guard let job = JobID(bytes: [UInt8](r.jobID)) else { return Self.failedReply("The lease request names no valid job id.") }
        let actor = ActorID(bytes: [UInt8](r.actorID))
        if finishedJobs.contains(job) && actor == nil {
            return Self.failedReply("Job \(job.hex) has finished; no more workers are leased for it.")
        }
        switch placement(for: request, strategy: r.strategy, grantOrReject: r.grantOrReject) {
        case .answer(let reply):
            return reply
        case .queue(let infeasible):
            return await withCheckedContinuation { continuation in
                pendingLeases.append(PendingLease(id: UUID(), request: request, strategy: r.strategy, jobID: job,
                                                  connectionID: connection.id, grantOrReject: r.grantOrReject,
                                                  backlog: max(0, Int(r.backlog)), reply: continuation,
                                                  infeasible: infeasible, actorID: actor, requestID: r.requestID))
                if infeasible {
                    logger.info("Lease for \(r.functionName) \(request) is infeasible on every node; it waits for a node that can hold it.")
                }
                dispatchLeases()
            }
        }
    }

    /// Decides where a request belongs with the node policies (DEFAULT hybrid, SPREAD, node
    /// affinity). A spilled-back request (`grantOrReject`) is never spilled again.
    func placement(for request: ResourceSet, strategy: Swiftray_TaskStrategyData, grantOrReject: Bool) -> LeasePlacement {
        if grantOrReject {
            // A spilled-back request is taken only if it can run now; otherwise the owner asks
            // its own raylet again (which by then has a fresher view).
            if available.contains(request) { return .queue(infeasible: false) }
            var reply = Swiftray_RequestWorkerLeaseReply()
            reply.rejected = true
            return .answer(reply)
        }
        let selection = NodeSelector().select(request: request, strategy: nodeStrategy(strategy), view: schedulingView(),
                                            localNode: nodeID, spreadCursor: &spreadCursor, rng: &rng)
        switch selection {
        case .node(let id, _) where id == nodeID:
            return .queue(infeasible: false)
        case .node(let id, _):
            guard let index = clusterNodes.firstIndex(where: { $0.nodeID == id }) else { return .queue(infeasible: false) }
            let target = clusterNodes[index]
            // Count the request against the target until its next report, so a burst of requests
            // spreads over nodes instead of piling onto the one that looked free.
            clusterNodes[index].resourcesAvailable.subtract(request)
            var spill = Swiftray_NodeTarget()
            spill.nodeID = Data(id.bytes)
            spill.host = target.ip
            spill.port = Int32(target.nodeManagerPort)
            var reply = Swiftray_RequestWorkerLeaseReply()
            reply.spillback = spill
            return .answer(reply)
        case .infeasible(let reason):
            if strategy.kind == .nodeAffinity && !strategy.soft {
                return .answer(Self.failedReply("The task is not schedulable: the node specified via NodeAffinitySchedulingStrategy doesn't exist any more or is infeasible, and soft=False was specified. \(reason)"))
            }
            return .queue(infeasible: true)
        case .unavailable(let reason):
            return .answer(Self.failedReply(reason))
        }
    }

    func nodeStrategy(_ s: Swiftray_TaskStrategyData) -> NodeStrategy {
        switch s.kind {
        case .spread: return .spread
        case .nodeAffinity:
            guard let id = NodeID(bytes: [UInt8](s.nodeID)) else { return .hybrid }
            return .nodeAffinity(id, soft: s.soft, spillOnUnavailable: s.spillOnUnavailable, failOnUnavailable: s.failOnUnavailable)
        default: return .hybrid
        }
    }

    /// Every alive node as last reported, with this node's live values.
    func schedulingView() -> ClusterResourceView {
        var view = ClusterResourceView()
        for n in clusterNodes where n.state == .alive && n.nodeID != nodeID {
            view.upsert(.init(nodeID: n.nodeID, total: n.resourcesTotal, available: n.resourcesAvailable))
        }
        view.upsert(.init(nodeID: nodeID, total: total, available: available))
        return view
    }

    /// Grants queued requests in order while resources allow, starting workers as needed.
    func dispatchLeases() {
        var i = 0
        while i < pendingLeases.count {
            var p = pendingLeases[i]
            if p.infeasible { i += 1; continue }
            if !p.allocated {
                guard available.contains(p.request), let gpuIDs = gpus.allocate(p.request["GPU"]) else { i += 1; continue }
                available.subtract(p.request)
                p.allocated = true
                p.gpuIDs = gpuIDs
            }
            if let worker = idleWorker(for: p.jobID) {
                pendingLeases.remove(at: i)
                grant(p, to: worker)
                continue
            }
            if p.worker == nil || workers[p.worker!] == nil {
                do {
                    p.worker = try startWorker(job: p.jobID)
                } catch {
                    pendingLeases.remove(at: i)
                    release(p.request, gpuIDs: p.gpuIDs)
                    p.reply.resume(returning: Self.failedReply("The raylet could not start a worker process: \(error)"))
                    continue
                }
            }
            pendingLeases[i] = p
            i += 1
        }
    }

    private func grant(_ p: PendingLease, to workerID: WorkerID) {
        guard var worker = workers[workerID] else { return }
        var leaseID = Data(count: 16)
        for k in 0..<16 { leaseID[k] = UInt8.random(in: 0...255, using: &rng) }
        worker.state = .leased(leaseID)
        workers[workerID] = worker
        leases[leaseID] = ActiveLease(leaseID: leaseID, workerID: workerID, jobID: p.jobID, resources: p.request,
                                      gpuIDs: p.gpuIDs, connectionID: p.connectionID, actorID: p.actorID)
        var grant = Swiftray_LeaseGrant()
        grant.leaseID = leaseID
        grant.worker = address(of: worker)
        grant.gpuIds = p.gpuIDs.map { Int32($0) }
        grant.resources = p.request.raw
        grant.nodeIp = config.nodeIP
        var reply = Swiftray_RequestWorkerLeaseReply()
        reply.granted = grant
        p.reply.resume(returning: reply)
    }

    func address(of worker: PoolWorker) -> Swiftray_WorkerAddress {
        var a = Swiftray_WorkerAddress()
        a.host = worker.host
        a.port = Int32(worker.port)
        a.workerID = Data(worker.workerID.bytes)
        a.nodeID = Data(nodeID.bytes)
        return a
    }

    /// Gives resources back to the node.
    func release(_ resources: ResourceSet, gpuIDs: [Int]) {
        available.add(resources)
        gpus.release(resources["GPU"], indices: gpuIDs)
    }

    /// `raylet.ReturnWorker`: the owner is done with the lease.
    func returnLease(_ r: Swiftray_ReturnWorkerRequest) {
        guard let lease = leases.removeValue(forKey: r.leaseID) else { return }
        endLease(lease)
        if var worker = workers[lease.workerID] {
            if r.workerFailed {
                // A failure, not a planned stop (the worker was usually killed or crashed): it is
                // ended if still there, and its exit is reported as the SYSTEM_ERROR it is.
                logger.info("Stopping worker \(lease.workerID) (pid \(worker.pid)): its owner reported it broken.")
                kill(worker.pid, SIGTERM)
            } else {
                worker.state = .idle(since: .now)
                workers[lease.workerID] = worker
            }
        }
        dispatchLeases()
    }

    /// `raylet.CancelWorkerLease`: the owner gave a waiting request up.
    func cancelLease(_ r: Swiftray_CancelWorkerLeaseRequest) {
        guard !r.requestID.isEmpty else { return }
        var rejected = Swiftray_RequestWorkerLeaseReply()
        rejected.rejected = true
        dropPendingLeases(answering: rejected) { $0.requestID == r.requestID }
        dispatchLeases()
    }

    /// `raylet.ShrinkLease`: an actor's constructor finished; it keeps only its lifetime
    /// resources (a default actor is placed with 1 CPU and then holds none).
    func shrinkLease(_ r: Swiftray_ShrinkLeaseRequest) {
        guard var lease = leases[r.leaseID] else { return }
        let keep = ResourceSet(raw: r.resources)
        var freed = lease.resources
        freed.subtract(keep)
        if lease.blocked { freed["CPU"] = .zero }
        available.add(ResourceSet(freed.amounts.filter { $0.value.raw > 0 }))
        lease.resources = keep
        leases[r.leaseID] = lease
        dispatchLeases()
    }

    /// Frees what a lease held (a blocked lease already lent its CPU back).
    func endLease(_ lease: ActiveLease) {
        var held = lease.resources
        if lease.blocked { held["CPU"] = .zero }
        release(held, gpuIDs: lease.gpuIDs)
    }

    /// `raylet.NotifyBlocked` / `NotifyUnblocked`: a leased worker waiting in `ray.get` lends its
    /// CPU to other work (so nested tasks cannot deadlock the node), and takes it back after.
    func setBlocked(_ r: Swiftray_WorkerBlockedRequest, blocked: Bool) {
        guard let id = WorkerID(bytes: [UInt8](r.workerID)),
              case .leased(let leaseID)? = workers[id]?.state, var lease = leases[leaseID], lease.blocked != blocked else { return }
        var cpu = ResourceSet()
        cpu["CPU"] = lease.resources["CPU"]
        lease.blocked = blocked
        leases[leaseID] = lease
        if blocked {
            available.add(cpu)
            dispatchLeases()
        } else {
            available.subtract(cpu)
        }
    }

    /// The queued shapes, for the GCS's demand report: every waiting request, plus each owner's
    /// tasks beyond its outstanding requests (counted once per owner and shape).
    func leaseDemands() -> [Swiftray_ResourceDemand] {
        var waiting: [ResourceSet: Int] = [:]
        var beyond: [ResourceSet: [UInt64: Int]] = [:]
        var order: [ResourceSet] = []
        for p in pendingLeases where !p.allocated {
            if waiting[p.request] == nil { order.append(p.request) }
            waiting[p.request, default: 0] += 1
            beyond[p.request, default: [:]][p.connectionID] = max(beyond[p.request]?[p.connectionID] ?? 0, p.backlog)
        }
        return order.map { shape in
            var d = Swiftray_ResourceDemand()
            d.shape = shape.raw
            d.count = Int64(waiting[shape]! + beyond[shape]!.values.reduce(0, +))
            return d
        }
    }

    /// A new view of the cluster from the GCS: re-examines waiting requests (infeasible ones may
    /// fit a new node; ones this node cannot run now may fit elsewhere) and drops finished jobs.
    func clusterChanged(nodes: [NodeInfo], finishedJobs ended: [JobID]) {
        clusterNodes = nodes
        for job in ended where !finishedJobs.contains(job) {
            finishedJobs.insert(job)
            jobFinished(job)
        }
        var i = 0
        while i < pendingLeases.count {
            let p = pendingLeases[i]
            let waiting = p.infeasible || (!p.allocated && !available.contains(p.request))
            guard waiting, !p.grantOrReject else { i += 1; continue }
            switch placement(for: p.request, strategy: p.strategy, grantOrReject: false) {
            case .queue(let infeasible):
                pendingLeases[i].infeasible = infeasible
                i += 1
            case .answer(let reply):
                if p.infeasible || reply.spillback.port != 0 || !available.contains(p.request) {
                    // Only move a request that cannot run here now.
                    pendingLeases.remove(at: i)
                    p.reply.resume(returning: reply)
                } else {
                    i += 1
                }
            }
        }
        dispatchLeases()
    }

    /// Drops everything a finished job still has here: queued requests and idle workers.
    func jobFinished(_ job: JobID) {
        // Actor requests too: the GCS asks again for a detached actor, which outlives its job.
        dropPendingLeases(answering: Self.failedReply("Job \(job.hex) has finished.")) { $0.jobID == job }
        for (id, w) in workers where w.jobID == job && !w.isDriver {
            if case .leased = w.state { continue }
            stopWorker(id, reason: "job \(job.hex) finished")
        }
    }

    /// Removes the waiting requests that match, giving back what they had taken, and answers them.
    func dropPendingLeases(answering reply: Swiftray_RequestWorkerLeaseReply, where matches: (PendingLease) -> Bool) {
        for p in pendingLeases where matches(p) {
            if p.allocated { release(p.request, gpuIDs: p.gpuIDs) }
            p.reply.resume(returning: reply)
        }
        pendingLeases.removeAll(where: matches)
    }

    static func failedReply(_ message: String) -> Swiftray_RequestWorkerLeaseReply {
        var reply = Swiftray_RequestWorkerLeaseReply()
        reply.failed = message
        return reply
    }
}

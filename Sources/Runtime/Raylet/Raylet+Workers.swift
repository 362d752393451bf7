import ClusterState
import Foundation

/// The worker pool: `swiftray worker` processes started on demand for a job, reused while idle,
/// ended when idle too long or when their job finished; plus the drivers attached to this node.
extension Raylet {
    /// Idle workers kept per node beyond which extra idle workers are ended.
    var idleWorkerSoftLimit: Int { max(1, Int(config.resources["CPU"].doubleValue)) }
    /// How long an idle worker above the soft limit lives.
    static var idleWorkerTimeout: Duration { .seconds(1) }

    /// Starts a worker process for `job`; it becomes usable when it registers.
    func startWorker(job: JobID) throws -> WorkerID {
        let id = WorkerID.random(using: &rng)
        let logs = config.sessionDir + "/logs"
        let provisional = logs + "/worker-\(id.hex).out"
        var environment = ProcessInfo.processInfo.environment
        environment[AuthToken.environmentKey] = config.token
        let arguments = ["worker", "--node-ip-address", config.nodeIP, "--raylet-port", String(boundPort),
                         "--gcs-address", "\(config.gcsHost):\(config.gcsPort)", "--worker-id", id.hex,
                         "--job-id", job.hex, "--node-id", nodeID.hex, "--session-dir", config.sessionDir]
        let process = try ProcessLauncher.spawn(executable: ProcessLauncher.currentExecutable(), arguments: arguments,
                                                environment: environment, logFile: provisional)
        close(process.readyFD)
        // The log is named after the pid, known only now (the open file follows the rename).
        rename(provisional, logs + "/worker-\(id.hex)-\(process.pid).out")
        workers[id] = PoolWorker(workerID: id, jobID: job, pid: process.pid, host: config.nodeIP, isDriver: false,
                                 state: .starting, launchTimeMs: Self.nowMs())
        logger.info("Started worker \(id) (pid \(process.pid)) for job \(job).")
        return id
    }

    /// `raylet.RegisterWorker`: a started worker (or a driver on this node) is ready.
    func registerWorker(_ r: Swiftray_RegisterWorkerRequest, connection: RpcConnection) throws -> Swiftray_RegisterWorkerReply {
        guard let id = WorkerID(bytes: [UInt8](r.workerID)), let job = JobID(bytes: [UInt8](r.jobID)) else {
            throw RuntimeError.invalidArgument("The worker registration carries a malformed worker or job id.")
        }
        var worker: PoolWorker
        if r.isDriver {
            worker = PoolWorker(workerID: id, jobID: job, pid: r.pid, host: config.nodeIP, isDriver: true,
                                state: .idle(since: .now), launchTimeMs: -1)
        } else {
            guard let known = workers[id] else {
                throw RuntimeError.invalidArgument("Worker \(id) was not started by this raylet.")
            }
            worker = known
            worker.state = .idle(since: .now)
        }
        worker.port = Int(r.port)
        worker.connectionID = connection.id
        worker.startTimeMs = Self.nowMs()
        workers[id] = worker
        report(worker, alive: true)
        dispatchLeases()
        var reply = Swiftray_RegisterWorkerReply()
        reply.nodeID = Data(nodeID.bytes)
        reply.storeDir = objectStore.directory
        return reply
    }

    /// An idle (registered, unleased) worker of `job`, if any; the longest idle first. Never one
    /// already told to exit: it stays idle until its process is gone, and a lease on it would fail.
    func idleWorker(for job: JobID) -> WorkerID? {
        var best: (WorkerID, ContinuousClock.Instant)?
        for (id, w) in workers where w.jobID == job && !w.isDriver && !w.stoppedOnPurpose {
            if case .idle(let since) = w.state, best == nil || since < best!.1 { best = (id, since) }
        }
        return best?.0
    }

    /// Asks a worker process to exit (SIGTERM); its connection closing completes the cleanup.
    func stopWorker(_ id: WorkerID, reason: String) {
        guard var w = workers[id], !w.isDriver else { return }
        w.stoppedOnPurpose = true
        workers[id] = w
        logger.info("Stopping worker \(id) (pid \(w.pid)): \(reason).")
        kill(w.pid, SIGTERM)
    }

    /// `raylet.KillWorker`: ends a worker at the GCS's request (its actor was killed or died).
    func killWorker(_ r: Swiftray_KillWorkerRequest) {
        guard let id = WorkerID(bytes: [UInt8](r.workerID)), var w = workers[id], !w.isDriver else { return }
        w.stoppedOnPurpose = true
        workers[id] = w
        logger.info("Killing worker \(id) (pid \(w.pid)): \(r.reason)")
        kill(w.pid, r.force ? SIGKILL : SIGTERM)
    }

    func stopAllWorkers() {
        for (id, w) in workers where !w.isDriver { stopWorker(id, reason: "the raylet stops") }
    }

    /// A connection closed: an owner's pending requests and leases end; a worker or driver that
    /// registered on it has exited.
    func connectionEnded(_ connectionID: UInt64) {
        var rejected = Swiftray_RequestWorkerLeaseReply()
        rejected.rejected = true
        dropPendingLeases(answering: rejected) { $0.connectionID == connectionID }
        for (leaseID, lease) in leases where lease.connectionID == connectionID && lease.actorID == nil {
            // The owner is gone; whatever its worker runs is orphaned.
            leases[leaseID] = nil
            endLease(lease)
            stopWorker(lease.workerID, reason: "the owner of its lease disconnected")
        }
        if let (id, _) = workers.first(where: { $0.value.connectionID == connectionID }) {
            workerExited(id)
        }
        dispatchLeases()
    }

    /// Cleans up after a worker or driver that exited.
    func workerExited(_ id: WorkerID) {
        guard let w = workers.removeValue(forKey: id) else { return }
        if case .leased(let leaseID) = w.state, let lease = leases.removeValue(forKey: leaseID) {
            endLease(lease)
        }
        for k in pendingLeases.indices where pendingLeases[k].worker == id { pendingLeases[k].worker = nil }
        changeObjectStore { $0.freeOwnedBy(id) }
        report(w, alive: false)
        if w.isDriver {
            logger.info("Driver of job \(w.jobID) (pid \(w.pid)) detached.")
            for (other, ow) in workers where ow.jobID == w.jobID && !ow.isDriver {
                if case .leased = ow.state { continue }
                stopWorker(other, reason: "its driver exited")
            }
        } else if !w.stoppedOnPurpose {
            logger.warning("Worker \(id) (pid \(w.pid)) exited unexpectedly.")
        }
        dispatchLeases()
    }

    /// Periodic upkeep: reaps exited worker processes, ends surplus idle workers.
    func housekeeping() {
        for (id, w) in workers where !w.isDriver {
            var status: Int32 = 0
            if waitpid(w.pid, &status, WNOHANG) == w.pid {
                if w.connectionID == nil || w.state == .starting {
                    logger.warning("Worker \(id) (pid \(w.pid)) exited before it registered; see its log in \(config.sessionDir)/logs.")
                    workerExited(id)
                }
            }
        }
        let idle = workers.compactMap { (id, w) -> (WorkerID, ContinuousClock.Instant)? in
            if w.isDriver || w.stoppedOnPurpose { return nil }
            if case .idle(let since) = w.state { return (id, since) }
            return nil
        }.sorted { $0.1 < $1.1 }
        let surplus = idle.count - idleWorkerSoftLimit
        if surplus > 0 {
            for (id, since) in idle.prefix(surplus) where ContinuousClock.now - since > Self.idleWorkerTimeout {
                stopWorker(id, reason: "idle beyond the pool's soft limit")
            }
        }
    }

    /// Every registered worker and driver, for a registration with a restarted GCS.
    func heldWorkers() -> [Swiftray_HeldWorker] {
        workers.values.filter { $0.connectionID != nil }.sorted { $0.workerID.hex < $1.workerID.hex }.map { w in
            var held = Swiftray_HeldWorker()
            held.workerID = Data(w.workerID.bytes)
            held.jobID = Data(w.jobID.bytes)
            held.pid = w.pid
            held.isDriver = w.isDriver
            held.port = Int32(w.port)
            held.startTimeMs = w.startTimeMs
            held.launchTimeMs = w.launchTimeMs
            if case .leased(let leaseID) = w.state, let actor = leases[leaseID]?.actorID { held.actorID = Data(actor.bytes) }
            return held
        }
    }

    /// `raylet.DisconnectWorker`: the process is about to exit on purpose.
    func disconnecting(_ r: Swiftray_DisconnectWorkerRequest) {
        guard let id = WorkerID(bytes: [UInt8](r.workerID)) else { return }
        workers[id]?.leavingOnPurpose = true
    }

    /// Records a worker's start or end with the GCS (for `list workers`).
    func report(_ w: PoolWorker, alive: Bool) {
        var record = Swiftray_WorkerRecord()
        record.workerID = Data(w.workerID.bytes)
        record.isAlive = alive
        record.workerType = w.isDriver ? "DRIVER" : "WORKER"
        if !alive {
            if w.isDriver && w.leavingOnPurpose {
                record.exitType = "INTENDED_USER_EXIT"
                record.exitDetail = "The driver exited."
            } else if w.isDriver {
                record.exitType = "SYSTEM_ERROR"
                record.exitDetail = "The driver's connection closed without it disconnecting: the process was killed or crashed."
            } else if w.stoppedOnPurpose {
                record.exitType = "INTENDED_SYSTEM_EXIT"
                record.exitDetail = "The raylet ended the worker (idle, or its job or owner finished)."
            } else {
                record.exitType = "SYSTEM_ERROR"
                record.exitDetail = "The worker process exited unexpectedly (killed or crashed)."
            }
            record.endTimeMs = Self.nowMs()
        }
        record.nodeID = Data(nodeID.bytes)
        record.ip = w.host
        record.pid = w.pid
        record.workerLaunchTimeMs = w.launchTimeMs
        record.workerLaunchedTimeMs = w.isDriver ? -1 : w.startTimeMs
        record.startTimeMs = w.startTimeMs
        record.jobID = Data(w.jobID.bytes)
        var request = Swiftray_ReportWorkerRequest()
        request.worker = record
        // An exit is retried: it is how the GCS learns that an actor's process died.
        Task { await self.tellGcs("gcs.ReportWorker", request, attempts: alive ? 1 : 20) }
    }

    static func nowMs() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}

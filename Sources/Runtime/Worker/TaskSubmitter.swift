import ClusterState
import DequeModule
import Foundation
import NIOCore
import Scheduling

/// The owner side of normal tasks: resolves top-level ObjectRef arguments, queues tasks by
/// scheduling key (resource shape and strategy), asks raylets for worker leases (following
/// spillbacks), pushes tasks straight to leased workers, reuses a lease for further tasks of
/// the same key and returns it when the queue is empty, and retries tasks whose worker died.
/// Owned by its `CoreWorker`. It runs on the core worker's connection loop (its executor is that
/// event loop): answers from leased workers are read on that thread and handled there in
/// batches, and the pushes they lead to are written from it, with no thread hop per task.
actor TaskSubmitter {
    struct Lease {
        let id: Data
        let worker: Swiftray_WorkerAddress
        let rayletHost: String
        let rayletPort: Int
        let gpuIDs: [Int32]
        let resources: [String: Int64]
        /// The connection to the leased worker. Pushes go out on it in order, and the worker
        /// runs a lease's tasks in the order they arrive on it (it does not reorder by sequence
        /// number), so a lease must keep to one connection: a broken one ends the lease.
        let client: RpcClient
        var inFlight = 0
        /// Sequence number of the next push on this lease.
        var nextSequence: Int64 = 0
    }

    struct Queue {
        var tasks = Deque<Swiftray_TaskSpec>()
        var leases: [Data: Lease] = [:]
        var requesting = 0
        /// Outstanding lease requests by id, with the raylet each waits at (nil: not sent yet).
        var requests: [UUID: (host: String, port: Int)?] = [:]
        /// Requests given up because the queue no longer needs them.
        var cancelled: Set<UUID> = []
    }

    /// Tasks pushed to one worker before the earlier ones finish (they run one after another).
    /// 1, as Ray's `max_tasks_in_flight_per_worker`, so queued tasks wait for a free worker
    /// rather than behind a busy one; `SWIFTRAY_MAX_TASKS_IN_FLIGHT_PER_WORKER` raises it
    /// (more throughput for many tiny tasks, less parallelism for long ones).
    static let pipelineDepth = max(1, Int(ProcessInfo.processInfo.environment["SWIFTRAY_MAX_TASKS_IN_FLIGHT_PER_WORKER"] ?? "") ?? 1)
    /// Lease requests one scheduling key may have outstanding.
    static let maxLeaseRequests = 10

    /// Set once by `bind` before any task is submitted; the core worker outlives its submitter.
    private var coreRef: CoreWorker?
    private var core: CoreWorker { coreRef! }
    private var queues: [SchedulingKey: Queue] = [:]
    /// Submitted tasks and answers to pushes, in arrival order, handled in batches: one job on
    /// the loop per batch, not per task.
    private nonisolated let arrivals = ArrivalQueue<Event>()
    /// Set when the process is shutting down: failures are no longer retried or reported.
    private var stopped = false
    /// The loop this actor runs on, and that loop as an executor (taken once, so the unowned
    /// reference the runtime keeps always points at the same live object).
    nonisolated let loop: any EventLoop
    private nonisolated let executor: any SerialExecutor

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(loop: any EventLoop) {
        self.loop = loop
        executor = loop.executor
    }

    /// Stops submitting: queued tasks are dropped, and answers still outstanding are ignored.
    func stop() {
        stopped = true
        queues = [:]
    }

    func bind(_ core: CoreWorker) { coreRef = core }

    /// Accepts a task whose return objects are registered; dispatches it when its arguments
    /// exist. Returns at once: the task is queued on the loop (in submission order).
    nonisolated func submit(_ spec: Swiftray_TaskSpec) {
        arrive(.submitted(spec))
    }

    /// What the loop handles: a submitted task, or the answer to a push.
    enum Event: Sendable {
        case submitted(Swiftray_TaskSpec)
        case answered(Arrival)
    }

    /// Queues `event`; the first of a batch schedules one drain on the loop. Also from the loop
    /// itself (an answer completing inside a push), so handling never nests in the actor's own
    /// code.
    private nonisolated func arrive(_ event: Event) {
        if arrivals.add(event) { scheduleDrain() }
    }

    /// Runs `drainArrivals` in a later turn of the loop.
    private nonisolated func scheduleDrain() {
        loop.execute { self.assumeIsolated { $0.drainArrivals() } }
    }

    private func accept(_ spec: Swiftray_TaskSpec) {
        if spec.hasObjectRefArguments {
            Task { await self.resolveThenQueue(spec) }
        } else {
            enqueue(spec)
        }
    }

    private func resolveThenQueue(_ spec: Swiftray_TaskSpec) async {
        var spec = spec
        do {
            spec.args = try await core.resolveArguments(spec.args)
            spec.kwargs = try await core.resolveArguments(spec.kwargs)
        } catch let ObjectFetchProblem.error(e) {
            fail(spec, with: e)
            return
        } catch {
            fail(spec, with: CoreWorker.systemError("ObjectLostError", "\(error)", errorType: "OBJECT_LOST"))
            return
        }
        enqueue(spec)
    }

    /// Tasks with the same resource shape and strategy share leases (Ray's scheduling class).
    struct SchedulingKey: Hashable {
        let resources: [String: Int64]
        let strategy: Swiftray_TaskStrategyData

        init(_ spec: Swiftray_TaskSpec) {
            resources = spec.resources
            strategy = spec.strategy
        }
    }

    private func enqueue(_ spec: Swiftray_TaskSpec) {
        if stopped { return }
        core.events.state(spec, "PENDING_NODE_ASSIGNMENT")
        let k = SchedulingKey(spec)
        queues[k, default: Queue()].tasks.append(spec)
        pump(k)
    }

    /// Feeds leased workers, asks for more leases while tasks wait, returns idle leases.
    private func pump(_ k: SchedulingKey) {
        // Taken out of the table while changed, so its collections are not copied (copy-on-write).
        guard var q = queues.removeValue(forKey: k) else { return }
        // SPREAD tasks get one worker each (so they spread over the nodes); others pipeline.
        let depth = q.tasks.first?.strategy.kind == .spread ? 1 : Self.pipelineDepth
        while !q.tasks.isEmpty,
              let lease = q.leases.values.filter({ $0.inFlight < depth }).min(by: { $0.inFlight < $1.inFlight }) {
            let spec = q.tasks.removeFirst()
            q.leases[lease.id]!.inFlight += 1
            q.leases[lease.id]!.nextSequence += 1
            push(spec, key: k, lease: lease)
        }
        let wanted = min((q.tasks.count + depth - 1) / depth, Self.maxLeaseRequests) - q.requesting
        if wanted > 0, let first = q.tasks.first {
            q.requesting += wanted
            // Tasks waiting beyond those the outstanding requests cover (for demand reporting).
            let beyond = max(0, q.tasks.count - q.requesting)
            for _ in 0..<wanted {
                let id = UUID()
                q.requests[id] = .some(nil)
                Task { await self.requestLease(key: k, spec: first, backlog: beyond, id: id) }
            }
        }
        // Requests beyond what the queue needs now (its tasks went to leases it already had)
        // are given up, so the raylets neither grant nor report them as demand.
        let needed = min((q.tasks.count + depth - 1) / depth, Self.maxLeaseRequests)
        let live = q.requests.keys.filter { !q.cancelled.contains($0) }
        if live.count > needed {
            for id in live.prefix(live.count - needed) {
                q.cancelled.insert(id)
                if case .some(.some(let at)) = q.requests[id] {
                    Task { await self.cancelRequest(id, host: at.host, port: at.port) }
                }
            }
        }
        if q.tasks.isEmpty {
            for lease in q.leases.values where lease.inFlight == 0 {
                q.leases[lease.id] = nil
                Task { await self.giveBack(lease, failed: false) }
            }
        }
        if q.tasks.isEmpty && q.leases.isEmpty && q.requesting == 0 {
            queues[k] = nil
        } else {
            queues[k] = q
        }
    }

    /// Where to ask for a lease: the affinity target's raylet, the node holding most argument
    /// bytes (locality), or this node's raylet.
    private func leaseTarget(_ spec: Swiftray_TaskSpec) async -> (String, Int) {
        switch spec.strategy.kind {
        case .nodeAffinity:
            if let node = NodeID(bytes: [UInt8](spec.strategy.nodeID)), let a = await core.rayletAddress(of: node), a.alive {
                return (a.host, a.port)
            }
        case .default, .placementGroup:
            var arguments: [(sizeBytes: Int, nodes: [NodeID])] = []
            var raylets: [NodeID: (String, Int)] = [:]
            for arg in spec.args + spec.kwargs {
                guard case .resolved(let p)? = arg.kind, case .location(let l)? = p.kind,
                      let node = NodeID(bytes: [UInt8](l.nodeID)) else { continue }
                arguments.append((Int(l.size), [node]))
                raylets[node] = (l.rayletHost, Int(l.rayletPort))
            }
            if let best = LocalityPolicy.bestNode(for: arguments), let raylet = raylets[best] { return raylet }
        default:
            break
        }
        return (core.rayletHost, core.rayletPort)
    }

    private func cancelRequest(_ id: UUID, host: String, port: Int) async {
        var request = Swiftray_CancelWorkerLeaseRequest()
        request.requestID = withUnsafeBytes(of: id.uuid) { Data($0) }
        guard let client = try? await core.pool.client(host: host, port: port) else { return }
        let _: Swiftray_Empty? = try? await client.call("raylet.CancelWorkerLease", request)
    }

    /// The request ended (granted, failed or given up): it is no longer outstanding.
    private func forget(_ k: SchedulingKey, _ id: UUID) {
        queues[k]?.requests[id] = nil
        queues[k]?.cancelled.remove(id)
    }

    private func requestLease(key k: SchedulingKey, spec: Swiftray_TaskSpec, backlog: Int, id: UUID) async {
        var (host, port) = await leaseTarget(spec)
        var request = Swiftray_RequestWorkerLeaseRequest()
        request.requestID = withUnsafeBytes(of: id.uuid) { Data($0) }
        request.resources = spec.resources
        request.strategy = spec.strategy
        request.jobID = spec.jobID
        request.owner = core.address
        request.functionName = spec.name
        request.backlog = Int64(backlog)
        var failures = 0
        while true {
            if queues[k]?.cancelled.contains(id) ?? true {
                forget(k, id)
                requestDone(k)
                return
            }
            queues[k]?.requests[id] = .some((host, port))
            do {
                let client = try await core.pool.client(host: host, port: port)
                let reply: Swiftray_RequestWorkerLeaseReply = try await client.call("raylet.RequestWorkerLease", request,
                                                                                     timeout: .seconds(365 * 86400))
                switch reply.outcome {
                case .granted(let g):
                    do {
                        let worker = try await core.pool.client(host: g.worker.host, port: Int(g.worker.port))
                        forget(k, id)
                        leaseGranted(k, Lease(id: g.leaseID, worker: g.worker, rayletHost: host, rayletPort: port,
                                              gpuIDs: g.gpuIds, resources: g.resources, client: worker))
                    } catch {
                        // The granted worker cannot be reached: give the lease back as broken, ask again.
                        await giveBack(rayletHost: host, rayletPort: port, leaseID: g.leaseID, failed: true)
                        (host, port) = (core.rayletHost, core.rayletPort)
                        request.grantOrReject = false
                        continue
                    }
                    return
                case .spillback(let target):
                    host = target.host
                    port = Int(target.port)
                    request.grantOrReject = true
                    continue
                case .failed(let message):
                    forget(k, id)
                    leaseFailed(k, message)
                    return
                case .rejected, nil:
                    // The spill target could not take it, or the request was dropped: start over locally.
                    try? await Task.sleep(for: .milliseconds(20))
                    (host, port) = (core.rayletHost, core.rayletPort)
                    request.grantOrReject = false
                    if queues[k]?.tasks.isEmpty ?? true {
                        forget(k, id)
                        requestDone(k)
                        return
                    }
                }
            } catch {
                failures += 1
                if failures >= 20 {
                    forget(k, id)
                    leaseFailed(k, "No raylet answered the lease request for \(spec.name) (\(error)).")
                    return
                }
                try? await Task.sleep(for: .milliseconds(250))
                (host, port) = (core.rayletHost, core.rayletPort)
                request.grantOrReject = false
            }
        }
    }

    private func requestDone(_ k: SchedulingKey) {
        queues[k]?.requesting -= 1
        pump(k)
    }

    private func leaseGranted(_ k: SchedulingKey, _ lease: Lease) {
        guard queues[k] != nil else {
            Task { await self.giveBack(lease, failed: false) }
            return
        }
        queues[k]!.requesting -= 1
        queues[k]!.leases[lease.id] = lease
        pump(k)
    }

    /// No node will ever run these tasks (e.g. hard affinity to a dead node): fail them.
    private func leaseFailed(_ k: SchedulingKey, _ message: String) {
        guard var q = queues[k] else { return }
        q.requesting -= 1
        let doomed = q.tasks
        q.tasks = []
        queues[k] = q
        for spec in doomed {
            fail(spec, with: CoreWorker.systemError("TaskUnschedulableError", message, errorType: "TASK_UNSCHEDULABLE_ERROR"))
        }
        pump(k)
    }

    private func giveBack(_ lease: Lease, failed: Bool) async {
        await giveBack(rayletHost: lease.rayletHost, rayletPort: lease.rayletPort, leaseID: lease.id, failed: failed)
    }

    private func giveBack(rayletHost: String, rayletPort: Int, leaseID: Data, failed: Bool) async {
        var request = Swiftray_ReturnWorkerRequest()
        request.leaseID = leaseID
        request.workerFailed = failed
        guard let client = try? await core.pool.client(host: rayletHost, port: rayletPort) else { return }
        let _: Swiftray_Empty? = try? await client.call("raylet.ReturnWorker", request)
    }

    /// Sends the task to the leased worker now (in order with earlier pushes on this lease) and
    /// handles its answer when it comes.
    private func push(_ spec: Swiftray_TaskSpec, key k: SchedulingKey, lease: Lease) {
        core.events.state(spec, "SUBMITTED_TO_WORKER")
        var request = Swiftray_PushTaskRequest()
        request.spec = spec
        request.gpuIds = lease.gpuIDs
        request.resources = lease.resources
        request.leaseID = lease.id
        request.sequenceNumber = lease.nextSequence
        let answer: EventLoopFuture<Swiftray_PushTaskReply> = lease.client.callInOrder("core.PushTask", request,
                                                                                       timeout: .seconds(365 * 86400))
        answer.whenComplete { result in
            self.arrive(.answered(Arrival(spec: spec, key: k, lease: lease, outcome: result.mapError { $0 })))
        }
    }

    /// An answer to a push (or its failure), waiting to be handled on the actor.
    struct Arrival: Sendable {
        let spec: Swiftray_TaskSpec
        let key: SchedulingKey
        let lease: Lease
        let outcome: Result<Swiftray_PushTaskReply, any Error>
    }

    /// Handles the tasks and answers that have arrived; what comes meanwhile is taken in a
    /// later turn of the loop, so a long stream of submissions never holds up the reads and
    /// writes of the loop's connections. The drain ends when a turn finds nothing.
    private func drainArrivals() {
        let batch = arrivals.take()
        if batch.isEmpty { return }
        for event in batch {
            switch event {
            case .submitted(let spec): accept(spec)
            case .answered(let a): pushed(a.spec, key: a.key, lease: a.lease, outcome: a.outcome)
            }
        }
        scheduleDrain()
    }

    private func pushed(_ spec: Swiftray_TaskSpec, key k: SchedulingKey, lease: Lease,
                        outcome: Result<Swiftray_PushTaskReply, any Error>) {
        if stopped { return }
        do {
            let reply = try outcome.get()
            finished(spec, reply)
            queues[k]?.leases[lease.id]?.inFlight -= 1
        } catch {
            // The worker died (or cannot be reached): the lease is gone; retry the task.
            if queues[k]?.leases.removeValue(forKey: lease.id) != nil {
                Task { await self.giveBack(lease, failed: true) }
            }
            let crashed = CoreWorker.systemError(
                "WorkerCrashedError",
                "The worker died unexpectedly while executing this task. Check the worker's log file in the session's logs directory for more information.",
                errorType: "WORKER_DIED")
            retryOrFail(spec, crashed)
        }
        pump(k)
    }

    /// Stores a finished task's results, or retries / fails it.
    private func finished(_ spec: Swiftray_TaskSpec, _ reply: Swiftray_PushTaskReply) {
        core.recordRan(spec, reply)
        if reply.hasError_p {
            if spec.retryExceptions && retriesLeft(spec) {
                retryOrFail(spec, reply.error)
            } else {
                fail(spec, with: reply.error)
            }
            return
        }
        core.storeResults(spec, reply)
    }

    private func retriesLeft(_ spec: Swiftray_TaskSpec) -> Bool {
        spec.maxRetries < 0 || spec.attemptNumber < spec.maxRetries
    }

    private func retryOrFail(_ spec: Swiftray_TaskSpec, _ error: Swiftray_TaskError) {
        guard retriesLeft(spec) else {
            fail(spec, with: error)
            return
        }
        core.events.state(spec, "FAILED") { e in
            e.errorType = error.errorType
            e.errorMessage = error.message
        }
        var next = spec
        next.attemptNumber += 1
        core.events.state(next, "PENDING_ARGS_AVAIL") { e in CoreWorker.describe(next, into: &e) }
        core.logger.info("Retrying task \(spec.name) (attempt \(next.attemptNumber)): \(error.typeName).")
        enqueue(next)
    }

    /// Fails every return object of the task with `error`.
    private func fail(_ spec: Swiftray_TaskSpec, with error: Swiftray_TaskError) {
        core.failTask(spec, with: error)
    }
}

import ClusterState
import Foundation
import NIOCore

/// The caller side of actor method calls: numbers each caller's calls per actor, resolves
/// top-level ObjectRef arguments, learns where the actor lives from the GCS (`gcs.WaitActor`),
/// pushes calls straight to the actor's worker in order, and after the actor restarts resends
/// the calls still unanswered (while `max_task_retries` allows) or fails them with
/// `ActorDiedError`; once the actor is DEAD every call fails at once. Owned by its `CoreWorker`.
actor ActorSubmitter {
    struct Call {
        var spec: Swiftray_TaskSpec
        var resolved: Bool
        var sent = false
        /// The actor incarnation the call was last sent to.
        var sentTo: Int32 = 0
        var retries: Int
    }

    struct Queue {
        var className = ""
        var nextSequence: Int64 = 0
        var calls: [Int64: Call] = [:]
        /// Resolved calls not sent yet, in sequence order.
        var unsent: [Int64] = []
        /// No call below this one is pending (kept up to date lazily).
        var floor: Int64 = 0
        var client: RpcClient?
        /// The incarnation the client talks to (0: not known yet).
        var incarnation: Int32 = 0
        var waiting = false
        var dead: Swiftray_ActorDeathCause?
        var maxTaskRetries: Int32 = 0
    }

    /// An answer to a push (or its failure), waiting to be handled on the actor.
    struct Arrival: Sendable {
        let actor: ActorID
        let seq: Int64
        let incarnation: Int32
        let outcome: Result<Swiftray_PushTaskReply, any Error>
    }

    private var coreRef: CoreWorker?
    private var core: CoreWorker { coreRef! }
    /// Answers that arrived, handled in batches: one hop onto the actor per batch, not per call.
    private nonisolated let arrivals = ArrivalQueue<Arrival>()
    private var queues: [ActorID: Queue] = [:]
    private var stopped = false

    func bind(_ core: CoreWorker) { coreRef = core }

    func stop() {
        stopped = true
        queues = [:]
    }

    /// This process killed the actor for good (`ray.kill`, acknowledged by the GCS): its later
    /// calls fail at once, as do the ones still waiting, instead of racing the kill.
    func killed(_ actor: ActorID) {
        var q = queues.removeValue(forKey: actor) ?? Queue()
        var cause = Swiftray_ActorDeathCause()
        cause.reason = ActorDeathReason.rayKill.rawValue
        cause.errorMessage = "The actor is dead because it was killed by `ray.kill`."
        q.dead = cause
        let doomed = q.calls.values.map(\.spec)
        q.calls = [:]
        q.unsent = []
        queues[actor] = q
        for spec in doomed where !spec.sequenceOnly { fail(spec, with: Self.diedError(spec, cause)) }
    }

    /// Takes a method call whose return objects are registered; gives it the caller's next
    /// sequence number for the actor and sends it when it can.
    func submit(_ actor: ActorID, _ spec: Swiftray_TaskSpec) {
        if stopped { return }
        // Taken out of the table while changed, so its dictionaries are not copied (copy-on-write).
        var q = queues.removeValue(forKey: actor) ?? Queue()
        q.className = spec.className
        var spec = spec
        spec.sequenceNumber = q.nextSequence
        q.nextSequence += 1
        if let dead = q.dead {
            queues[actor] = q
            fail(spec, with: Self.diedError(spec, dead))
            return
        }
        let needsResolution = spec.hasObjectRefArguments
        q.calls[spec.sequenceNumber] = Call(spec: spec, resolved: !needsResolution, retries: Int(q.maxTaskRetries))
        if !needsResolution { q.unsent.append(spec.sequenceNumber) }
        queues[actor] = q
        if needsResolution {
            Task { await self.resolve(actor, spec) }
        }
        send(actor)
    }

    private func resolve(_ actor: ActorID, _ spec: Swiftray_TaskSpec) async {
        var resolved = spec
        var failure: Swiftray_TaskError?
        do {
            resolved.args = try await core.resolveArguments(spec.args)
            resolved.kwargs = try await core.resolveArguments(spec.kwargs)
        } catch let ObjectFetchProblem.error(e) {
            failure = e
        } catch {
            failure = CoreWorker.systemError("ObjectLostError", "\(error)", errorType: "OBJECT_LOST")
        }
        guard queues[actor]?.calls[spec.sequenceNumber] != nil else { return }
        if let failure {
            // The call fails here, but its place in this caller's order is still sent (with no
            // arguments), so the actor does not wait for it before running later calls.
            fail(spec, with: failure)
            resolved.args = []
            resolved.kwargs = []
            resolved.kwargNames = []
            resolved.sequenceOnly = true
        }
        queues[actor]!.calls[spec.sequenceNumber]!.spec = resolved
        queues[actor]!.calls[spec.sequenceNumber]!.resolved = true
        queues[actor]!.markUnsent(spec.sequenceNumber)
        send(actor)
    }

    /// Pushes every resolved, unsent call in sequence order, or starts learning the address.
    private func send(_ actor: ActorID) {
        guard var q = queues.removeValue(forKey: actor) else { return }
        // The actor's worker went away while none of this caller's calls was in flight (its
        // node or process died): calls not sent yet wait for the next incarnation, rather than
        // failing on the dead connection as if the actor had died running them. (With calls in
        // flight, their failing answers reset the connection and decide their retries.)
        if let client = q.client, !client.isActive, !q.calls.values.contains(where: \.sent) { q.client = nil }
        guard let client = q.client else {
            let wait = !q.waiting && !q.calls.isEmpty
            if wait { q.waiting = true }
            queues[actor] = q
            if wait { Task { await self.waitForActor(actor) } }
            return
        }
        while q.floor < q.nextSequence && q.calls[q.floor] == nil { q.floor += 1 }
        let floor = q.floor
        let ready = q.unsent
        q.unsent = []
        for seq in ready {
            guard var call = q.calls[seq], call.resolved, !call.sent else { continue }
            call.sent = true
            call.sentTo = q.incarnation
            call.spec.callerProcessedUpTo = floor
            call.spec.incarnation = q.incarnation
            q.calls[seq] = call
            core.events.state(call.spec, "SUBMITTED_TO_WORKER")
            var request = Swiftray_PushTaskRequest()
            request.spec = call.spec
            let answer: EventLoopFuture<Swiftray_PushTaskReply> = client.callInOrder("core.PushTask", request,
                                                                                     timeout: .seconds(365 * 86400))
            let incarnation = q.incarnation
            answer.whenComplete { [arrivals] result in
                if arrivals.add(Arrival(actor: actor, seq: seq, incarnation: incarnation, outcome: result.mapError { $0 })) {
                    Task { await self.drainArrivals() }
                }
            }
        }
        queues[actor] = q
    }

    /// Handles every answer that has arrived, until none is left.
    private func drainArrivals() {
        while true {
            let batch = arrivals.take()
            if batch.isEmpty { return }
            for a in batch { pushed(a.actor, a.seq, incarnation: a.incarnation, outcome: a.outcome) }
        }
    }

    private func pushed(_ actor: ActorID, _ seq: Int64, incarnation: Int32, outcome: Result<Swiftray_PushTaskReply, any Error>) {
        guard !stopped, let call = queues[actor]?.calls[seq], call.sent, call.sentTo == incarnation,
              var q = queues.removeValue(forKey: actor) else { return }
        switch outcome {
        case .success(let reply):
            q.calls[seq] = nil
            queues[actor] = q
            if !call.spec.sequenceOnly { finished(call.spec, reply) }
        case .failure:
            // The actor's worker is gone. Calls it had are retried on the next incarnation while
            // max_task_retries allows; the GCS says whether there will be one.
            if q.incarnation == incarnation {
                q.client = nil
                for (s, c) in q.calls where c.sent {
                    if c.retries != 0 {
                        q.calls[s]!.sent = false
                        q.calls[s]!.retries -= c.retries > 0 ? 1 : 0
                        q.markUnsent(s)
                    }
                }
            }
            if let c = q.calls[seq], c.sent {
                q.calls[seq] = nil
                queues[actor] = q
                if !c.spec.sequenceOnly { fail(c.spec, with: Self.diedError(c.spec, nil)) }
            } else {
                queues[actor] = q
            }
            send(actor)
        }
    }

    /// Asks the GCS until the actor is ALIVE in a newer incarnation (then sends) or DEAD (then
    /// fails everything queued).
    private func waitForActor(_ actor: ActorID) async {
        var failures = 0
        // First the incarnation the caller knows may do (its connection may have dropped while
        // the actor lives on); once it cannot be reached, only a newer one will.
        var after = max(0, (queues[actor]?.incarnation ?? 0) - 1)
        while !stopped {
            var request = Swiftray_WaitActorRequest()
            request.actorID = Data(actor.bytes)
            request.afterIncarnation = after
            do {
                let record: Swiftray_ActorRecord = try await core.gcs.rpc.call("gcs.WaitActor", request, timeout: .seconds(365 * 86400))
                guard queues[actor] != nil else { return }
                queues[actor]!.maxTaskRetries = record.maxTaskRetries
                if record.state == ActorState.dead.rawValue {
                    queues[actor]!.dead = record.deathCause
                    queues[actor]!.waiting = false
                    let doomed = queues[actor]!.calls.values.map(\.spec)
                    queues[actor]!.calls = [:]
                    queues[actor]!.unsent = []
                    for spec in doomed where !spec.sequenceOnly { fail(spec, with: Self.diedError(spec, record.deathCause)) }
                    return
                }
                // No queue state is held across this wait: calls submitted meanwhile stay queued.
                let client = try? await core.pool.client(host: record.address.host, port: Int(record.address.port))
                guard queues[actor] != nil else { return }
                queues[actor]!.incarnation = record.incarnation
                guard let client else {
                    after = record.incarnation  // alive by the GCS but unreachable: wait for a restart
                    try? await Task.sleep(for: .milliseconds(100))
                    continue
                }
                queues[actor]!.client = client
                queues[actor]!.waiting = false
                send(actor)
                return
            } catch {
                failures += 1
                if failures >= 20, let q = queues[actor] {
                    queues[actor]?.calls = [:]
                    queues[actor]?.waiting = false
                    for c in q.calls.values {
                        fail(c.spec, with: CoreWorker.systemError("ActorUnavailableError",
                                                                  "The GCS could not tell where the actor is: \(error)",
                                                                  errorType: "ACTOR_UNAVAILABLE"))
                    }
                    return
                }
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
    }

    private func finished(_ spec: Swiftray_TaskSpec, _ reply: Swiftray_PushTaskReply) {
        core.recordRan(spec, reply)
        if reply.hasError_p {
            fail(spec, with: reply.error)
        } else {
            core.storeResults(spec, reply)
        }
    }

    private func fail(_ spec: Swiftray_TaskSpec, with error: Swiftray_TaskError) {
        core.failTask(spec, with: error)
    }

    static func diedError(_ spec: Swiftray_TaskSpec, _ cause: Swiftray_ActorDeathCause?) -> Swiftray_TaskError {
        let actor = ActorID(bytes: [UInt8](spec.actorID))?.hex ?? ""
        var message = "The actor died unexpectedly before finishing this task.\n\tclass_name: \(spec.className)\n\tactor_id: \(actor)"
        if let cause, !cause.errorMessage.isEmpty { message += "\n\t" + cause.errorMessage }
        return CoreWorker.systemError("ActorDiedError", message, errorType: "ACTOR_DIED")
    }
}

extension ActorSubmitter.Queue {
    /// Queues `seq` for sending, keeping `unsent` in sequence order.
    mutating func markUnsent(_ seq: Int64) {
        if let last = unsent.last, last > seq {
            var lo = 0, hi = unsent.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if unsent[mid] < seq { lo = mid + 1 } else { hi = mid }
            }
            if lo < unsent.count && unsent[lo] == seq { return }
            unsent.insert(seq, at: lo)
        } else if unsent.last != seq {
            unsent.append(seq)
        }
    }
}

import ClusterState
import Foundation
import Scheduling
import SwiftProtobuf

/// The GCS placement-group manager: registration (synchronous), scheduling one group at a time
/// from a queue with the bundle policies, reservation by two-phase commit across raylets
/// (prepare everywhere, then commit; any failed prepare cancels the others), retries with
/// backoff, infeasible groups parked until a node joins, rescheduling of lost bundles ahead of
/// everything else, removal, and the lifetime rule (a job's groups go when the job ends unless
/// detached). Every state change is written to SQLite before it is acknowledged.
extension GcsServer {
    func handlePlacementGroupCall(_ method: String, _ payload: Data) async throws -> Data {
        switch method {
        case "gcs.CreatePlacementGroup":
            var reply = Swiftray_PlacementGroupReply()
            reply.found = true
            reply.group = try createPlacementGroup(Self.decode(payload)).record
            return try reply.serializedData()
        case "gcs.RemovePlacementGroup":
            let query: Swiftray_PlacementGroupQuery = try Self.decode(payload)
            try removePlacementGroup(try groupID(query))
            return Data()
        case "gcs.GetPlacementGroup":
            let query: Swiftray_PlacementGroupQuery = try Self.decode(payload)
            var reply = Swiftray_PlacementGroupReply()
            let group = query.placementGroupID.isEmpty
                ? tables.liveGroup(named: query.name, namespace: query.namespace)
                : tables.groups[try groupID(query)]
            if let group {
                reply.found = true
                reply.group = group.record
            }
            return try reply.serializedData()
        case "gcs.GetAllPlacementGroups":
            var reply = Swiftray_GetAllPlacementGroupsReply()
            reply.groups = tables.allGroups.map(\.record)
            return try reply.serializedData()
        default:  // gcs.WaitPlacementGroupReady
            let query: Swiftray_PlacementGroupQuery = try Self.decode(payload)
            return try await waitReady(try groupID(query), timeoutMs: query.timeoutMs).serializedData()
        }
    }

    private func groupID(_ query: Swiftray_PlacementGroupQuery) throws -> PlacementGroupID {
        guard let id = PlacementGroupID(bytes: [UInt8](query.placementGroupID)) else {
            throw RuntimeError.invalidArgument("The placement group id has \(query.placementGroupID.count) bytes; 18 are required.")
        }
        return id
    }

    // MARK: registration and removal

    private func createPlacementGroup(_ request: Swiftray_CreatePlacementGroupRequest) throws -> PlacementGroupInfo {
        guard let job = JobID(bytes: [UInt8](request.jobID)) else {
            throw RuntimeError.invalidArgument("The creating job id is malformed.")
        }
        guard let strategy = PlacementStrategy(rawValue: request.strategy) else {
            throw RuntimeError.invalidArgument("Invalid placement group strategy \(request.strategy).")
        }
        guard !request.bundles.isEmpty else {
            throw RuntimeError.invalidArgument("A placement group needs at least one bundle.")
        }
        let id: PlacementGroupID
        if request.placementGroupID.isEmpty {
            var rng = SystemRandomNumberGenerator()
            id = PlacementGroupID.make(job: job, using: &rng)
        } else {
            guard let chosen = PlacementGroupID(bytes: [UInt8](request.placementGroupID)), chosen.jobID == job else {
                throw RuntimeError.invalidArgument("The placement group id has \(request.placementGroupID.count) bytes or names another job; 18 bytes ending in the creating job's id are required.")
            }
            // The same request sent again (its answer was lost with the connection): the group
            // already exists, and is answered as it is now.
            if let existing = tables.groups[chosen] { return existing }
            id = chosen
        }
        if let existing = tables.liveGroup(named: request.name, namespace: request.namespace) {
            throw RuntimeError.invalidArgument("Failed to create placement group '\(id.hex)' because name '\(request.name)' already exists (placement group \(existing.id.hex)).")
        }
        var bundles: [OrderedResources] = []
        for b in request.bundles {
            do { bundles.append(try BundleSpec(record: b).resources) } catch {
                throw RuntimeError.invalidArgument("\(error)")
            }
        }
        let group = PlacementGroupInfo(id: id, name: request.name, namespace: request.namespace, strategy: strategy,
                                       bundles: bundles, isDetached: request.isDetached, receivedNs: Self.nowNs())
        try store.savePlacementGroup(group)
        tables.put(group)
        pgQueue.append((ContinuousClock.now, id))
        logger.debug("Placement group \(id.hex) registered: \(bundles.map(\.pythonRepr)) \(strategy.rawValue).")
        kickPlacementGroupScheduler()
        return group
    }

    /// Removes a group (idempotent): REMOVED is persisted, waiters are released and the GCS's
    /// view gets the bundles back at once; the raylets' cancels are sent without waiting for
    /// their answers (as Ray does), and a later reservation on those nodes waits for them.
    func removePlacementGroup(_ id: PlacementGroupID) throws {
        guard var group = tables.groups[id] else {
            throw RuntimeError.remote(code: Swiftray_ErrorCode.notFound.rawValue,
                                      message: "Placement group \(id.hex) does not exist.")
        }
        guard group.state != .removed else { return }
        let wasCreated = group.state == .created
        let placed = group.markRemoved()
        try store.savePlacementGroup(group)
        tables.put(group)
        pgQueue.removeAll { $0.id == id }
        infeasibleGroups.removeAll { $0 == id }
        wakeWaiters(id)
        actorsGroupRemoved(id)
        logger.debug("Placement group \(id.hex) removed.")
        var returned: [NodeID: ResourceSet] = [:]
        var committed: [NodeID: [BundleSpec]] = [:]
        for (index, node) in placed {
            returned[node, default: ResourceSet()].add(group.bundles[index].resources.set)
            committed[node, default: []].append(group.bundles[index])
        }
        for (node, resources) in returned {
            if wasCreated { adjustCommitted(node, group: id, bundles: committed[node] ?? [], adding: false) }
            adjustAvailable(node, by: resources, returning: true)
            cancelInBackground(id, node: node, bundles: [])
        }
    }

    /// Sends a cancel of `bundles` of `id` on `node` (all of them when empty) without waiting
    /// for it; counted as pending from now, so a reservation on `node` decided after this waits
    /// for its answer. Cancelling what the raylet does not hold is a no-op there.
    private func cancelInBackground(_ id: PlacementGroupID, node: NodeID, bundles: [BundleSpec]) {
        guard let info = tables.nodes[node], info.state == .alive else { return }
        bundleCalls.started(node, isCancel: true)
        Task {
            _ = await self.reservation("raylet.CancelBundles", group: id, node: node, bundles: bundles,
                                       all: bundles.isEmpty, counted: true)
        }
    }

    /// The job's non-detached groups go with it.
    func jobEnded(_ job: JobID) {
        let doomed = tables.allGroups.filter { $0.creatorJobID == job && !$0.isDetached && $0.state != .removed }
        for group in doomed {
            if var g = tables.groups[group.id] {
                g.markCreatorJobDead()
                tables.put(g)
            }
            try? removePlacementGroup(group.id)
        }
    }

    // MARK: node events

    func nodeDied(_ node: NodeID) {
        if let client = rayletClients.removeValue(forKey: node) { Task { await client.close() } }
        for group in tables.allGroups where group.state == .created || group.state == .rescheduling || group.state == .prepared {
            guard group.bundles.contains(where: { $0.nodeID == node }) else { continue }
            reschedule(group.id, why: "on dead node \(node)") { try $0.markRescheduling(lostNodes: [node]) }
        }
        kickPlacementGroupScheduler()
    }

    /// Records that some of a group's placed bundles are gone (RESCHEDULING, persisted first)
    /// and queues the group ahead of everything else; `lose` marks them on the record.
    func reschedule(_ id: PlacementGroupID, why: String, lose: (inout PlacementGroupInfo) throws -> [Int]) {
        guard var g = tables.groups[id] else { return }
        do {
            let lost = try lose(&g)
            guard !lost.isEmpty else { return }
            try store.savePlacementGroup(g)
            tables.put(g)
            pgQueue.removeAll { $0.id == g.id }
            pgQueue.insert((ContinuousClock.now - .seconds(3600), g.id), at: 0)
            logger.warning("Placement group \(g.id.hex) lost bundles \(lost) \(why); rescheduling them.")
        } catch {
            logger.error("Could not reschedule placement group \(g.id.hex): \(error)")
        }
    }

    func nodeAdded() {
        let parked = infeasibleGroups
        infeasibleGroups.removeAll()
        for id in parked { pgQueue.append((ContinuousClock.now, id)) }
        kickPlacementGroupScheduler()
    }

    // MARK: scheduling

    /// Starts draining the queue unless a drain is already under way.
    func kickPlacementGroupScheduler() {
        guard recovery.gateOpen, !pgScheduling, !pgQueue.isEmpty else { return }
        pgScheduling = true
        Task { self.drainPlacementGroupQueue() }
    }

    /// Decides every due group in queue order. Decisions are made one at a time on the GCS's
    /// view (each placed group's bundles are taken out of it at once), while the reservations
    /// that follow run concurrently: a group's two-phase commit no longer holds up the next
    /// group's decision.
    private func drainPlacementGroupQueue() {
        defer { pgScheduling = false }
        while true {
            let now = ContinuousClock.now
            guard let next = pgQueue.indices.min(by: { pgQueue[$0].rank < pgQueue[$1].rank }),
                  pgQueue[next].rank <= now else { return }
            attempt(pgQueue.remove(at: next).id)
        }
    }

    /// One scheduling attempt for one group: a decision, and when it places the group, its
    /// reservation started in the background.
    private func attempt(_ id: PlacementGroupID) {
        guard var group = tables.groups[id], group.state == .pending || group.state == .rescheduling,
              pgReserving[id] == nil else { return }
        do {
            try group.recordAttempt(nowNs: Self.nowNs())
            tables.put(group)
            let unplaced = group.bundles.filter { !$0.isPlaced }
            let requests = unplaced.map { BundleRequest(index: $0.index, resources: $0.resources.set) }
            var surviving: [NodeID: ResourceSet] = [:]
            for b in group.bundles { if let n = b.nodeID { surviving[n, default: ResourceSet()].add(b.resources.set) } }
            let decision = BundleScheduler.schedule(requests, strategy: group.strategy, view: tables.view,
                                                    survivingBundles: surviving)
            switch decision {
            case .infeasible(let reason):
                try fail(&group, infeasible: true, reason: reason)
            case .retryLater(let reason):
                try fail(&group, infeasible: false, reason: reason)
            case .placed(let placement):
                // Taken out of the GCS's view now, so the next decision does not count on them;
                // the raylets' next reports confirm it.
                var byNode: [NodeID: ResourceSet] = [:]
                for (index, node) in placement { byNode[node, default: ResourceSet()].add(group.bundles[index].resources.set) }
                for (node, resources) in byNode { adjustAvailable(node, by: resources, returning: false) }
                startReserving(id, byNode)
                Task { await self.reserve(id, placement: placement) }
            }
        } catch {
            logger.error("Scheduling placement group \(id.hex) failed: \(error)")
            pgQueue.append((ContinuousClock.now + .seconds(1), id))
        }
    }

    private func fail(_ group: inout PlacementGroupInfo, infeasible: Bool, reason: String) throws {
        let backoff = PlacementRetryBackoff.ray.delayMilliseconds(afterFailedAttempts: group.stats.schedulingAttempt)
        try group.recordFailure(infeasible: infeasible, backoffMs: Double(backoff))
        try store.savePlacementGroup(group)
        tables.put(group)
        if infeasible {
            infeasibleGroups.append(group.id)
        } else {
            pgQueue.append((ContinuousClock.now + .milliseconds(backoff), group.id))
        }
        logger.info("Placement group \(group.id.hex) not placed (\(infeasible ? "infeasible" : "no resources yet")): \(reason)")
    }

    /// Two-phase commit of a placement decision whose bundles `attempt` already took out of the
    /// GCS's view (`pgReserving`); they are given back if the reservation does not go through.
    private func reserve(_ id: PlacementGroupID, placement: [Int: NodeID]) async {
        do {
            try await twoPhaseCommit(id, placement: placement)
        } catch {
            logger.error("Reserving placement group \(id.hex) failed: \(error)")
            returnReserving(id)
            pgQueue.append((ContinuousClock.now + .seconds(1), id))
            kickPlacementGroupScheduler()
        }
    }

    /// Records what `attempt` took out of the view for `id`'s reservation.
    private func startReserving(_ id: PlacementGroupID, _ byNode: [NodeID: ResourceSet]) {
        pgReserving[id] = byNode
        bundleCalls.reservationStarted(on: byNode.keys)
    }

    /// Ends `id`'s reservation; returns what `attempt` took out of the view for it.
    @discardableResult
    private func endReserving(_ id: PlacementGroupID) -> [NodeID: ResourceSet] {
        let taken = pgReserving.removeValue(forKey: id) ?? [:]
        bundleCalls.reservationEnded(on: taken.keys)
        return taken
    }

    /// Gives back to the GCS's view what `attempt` took out for a reservation that ended
    /// without the group being prepared.
    private func returnReserving(_ id: PlacementGroupID) {
        for (node, resources) in endReserving(id) {
            adjustAvailable(node, by: resources, returning: true)
        }
    }

    /// A reservation that did not go through: the view gets the resources back, the raylets
    /// are sent cancels for what was asked of them (a lost answer may hide a reservation that
    /// went through; cancelling what a raylet does not hold is a no-op), and a group that is
    /// still wanted is retried after its backoff.
    private func abandonReservation(_ id: PlacementGroupID, asked: [NodeID: [BundleSpec]], failure: String?) throws {
        returnReserving(id)
        for (node, bundles) in asked { cancelInBackground(id, node: node, bundles: bundles) }
        if var g = tables.groups[id], g.state != .removed {
            try fail(&g, infeasible: false, reason: failure ?? "the group changed during its reservation")
            kickPlacementGroupScheduler()
        }
    }

    private func twoPhaseCommit(_ id: PlacementGroupID, placement: [Int: NodeID]) async throws {
        guard let group = tables.groups[id] else { return returnReserving(id) }
        var byNode: [NodeID: [BundleSpec]] = [:]
        for (index, node) in placement { byNode[node, default: []].append(group.bundles[index]) }
        if byNode.count == 1, let (node, bundles) = byNode.first, placement.count == group.bundles.count {
            return try await reserveOnOneNode(id, node: node, bundles: bundles, placement: placement)
        }
        // Phase 1: prepare on every chosen node.
        var tried: [NodeID] = []
        var failure: String?
        for (node, bundles) in byNode.sorted(by: { $0.key.hex < $1.key.hex }) {
            tried.append(node)
            if let problem = await reservation("raylet.PrepareBundles", group: id, node: node, bundles: bundles, all: false) {
                failure = problem
                break
            }
        }
        guard var current = tables.groups[id], current.state != .removed, failure == nil else {
            // The failed node is cancelled as well.
            return try abandonReservation(id, asked: byNode.filter { tried.contains($0.key) }, failure: failure)
        }
        try current.markPrepared(nodes: placement)
        try store.savePlacementGroup(current)
        tables.put(current)
        // From here the group's own bundles account for the resources (removal gives them back).
        endReserving(id)
        // Commit the surviving bundles too: a group that was PREPARED when it lost a bundle (a
        // node died, or a GCS restart found it half-done) has survivors that are only prepared.
        // Committing a committed bundle is a no-op on the raylet.
        var all: [NodeID: [BundleSpec]] = [:]
        for bundle in current.bundles { if let node = bundle.nodeID { all[node, default: []].append(bundle) } }
        try await commit(id, byNode: all)
    }

    /// A group whose every bundle goes to one node needs no two phases: one call prepares and
    /// commits them together on that raylet (all or nothing), and the group goes from PENDING
    /// straight to CREATED, persisted once. A GCS that stops in between finds the group PENDING
    /// after its restart; the raylet's re-registration then gives the bundles back.
    private func reserveOnOneNode(_ id: PlacementGroupID, node: NodeID, bundles: [BundleSpec],
                                  placement: [Int: NodeID]) async throws {
        var failure = await reservation("raylet.ReserveBundles", group: id, node: node, bundles: bundles, all: false)
        if failure == nil, tables.nodes[node]?.state != .alive {
            // It died while the answer was on its way: its death found no bundle of this group.
            failure = "node \(node) died during the reservation"
        }
        guard var current = tables.groups[id], current.state != .removed, failure == nil else {
            return try abandonReservation(id, asked: [node: bundles], failure: failure)
        }
        try current.markPrepared(nodes: placement)
        try current.markCreated(nowNs: Self.nowNs())
        do {
            try store.savePlacementGroup(current)
        } catch {
            // Not recorded, so not CREATED: the raylet gives the bundles back and the group is
            // tried again (`reserve` returns the view's resources and re-queues it).
            cancelInBackground(id, node: node, bundles: bundles)
            throw error
        }
        endReserving(id)
        tables.put(current)
        adjustCommitted(node, group: id, bundles: bundles, adding: true)
        wakeWaiters(id)
        logger.debug("Placement group \(id.hex) CREATED on node \(node).")
    }

    /// Phase 2 of the reservation: commits every node's prepared bundles; CREATED when all
    /// commits succeeded, else the uncommitted bundles are rescheduled. Also finishes a group a
    /// restarted GCS found PREPARED (committing twice is harmless on the raylets).
    func commit(_ id: PlacementGroupID, byNode: [NodeID: [BundleSpec]]) async throws {
        var uncommitted = Set<Int>()
        for (node, bundles) in byNode {
            if await reservation("raylet.CommitBundles", group: id, node: node, bundles: bundles, all: false) != nil {
                uncommitted.formUnion(bundles.map(\.index))
            }
        }
        guard var done = tables.groups[id], done.state == .prepared else {
            if tables.groups[id]?.state == .removed {
                for node in byNode.keys {
                    _ = await reservation("raylet.CancelBundles", group: id, node: node, bundles: [], all: true)
                }
            }
            return
        }
        if uncommitted.isEmpty {
            for (node, bundles) in byNode {
                adjustCommitted(node, group: id, bundles: bundles, adding: true)
            }
            try done.markCreated(nowNs: Self.nowNs())
            try store.savePlacementGroup(done)
            tables.put(done)
            wakeWaiters(id)
            logger.debug("Placement group \(id.hex) CREATED on \(byNode.count) node(s).")
        } else {
            try done.markCommitFailed(uncommitted: uncommitted)
            try store.savePlacementGroup(done)
            tables.put(done)
            pgQueue.insert((ContinuousClock.now - .seconds(3600), id), at: 0)
        }
    }

    /// Updates the GCS's copy of a node's available resources ahead of its raylet's next report.
    private func adjustAvailable(_ node: NodeID, by resources: ResourceSet, returning: Bool) {
        guard var info = tables.nodes[node], info.state == .alive else { return }
        // A raylet report that crossed this change may already hold it: stay within 0 … total.
        info.resourcesAvailable.addClamped(resources, subtracting: !returning,
                                           upTo: tables.liveTotals[node] ?? info.resourcesTotal)
        tables.put(info)
    }

    /// Adds (or takes away) committed bundles' formatted resources (`CPU_group_<pg>` …) in the
    /// GCS's copy of a node, exactly as its raylet will report them, so `status` is right at once.
    private func adjustCommitted(_ node: NodeID, group: PlacementGroupID, bundles: [BundleSpec], adding: Bool) {
        guard var info = tables.nodes[node], info.state == .alive else { return }
        var total = tables.liveTotals[node] ?? info.resourcesTotal
        for bundle in bundles {
            // The raylet's reports are the truth; after a GCS restart a report may already have
            // counted the bundle (or not yet), so only what the copy lacks (or has) changes.
            let marker = PlacementGroupResourceNames.indexed(PlacementGroupResourceNames.bundleResource,
                                                              bundleIndex: bundle.index, group: group)
            if (total[marker] > .zero) == adding { continue }
            let formatted = PlacementGroupResourceNames.committed(bundleIndex: bundle.index, resources: bundle.resources.set, group: group)
            // A raylet report that crossed this change may already hold it: stay within 0 … total.
            total.addClamped(formatted, subtracting: !adding, upTo: nil)
            info.resourcesAvailable.addClamped(formatted, subtracting: !adding, upTo: total)
        }
        tables.put(info)
        tables.setLiveTotal(node, total)
    }

    /// One reservation call to a raylet; returns nil on success, else why it failed. A call
    /// other than a cancel first waits for the cancels already sent to that node; `counted`
    /// says the caller already told `bundleCalls` (a cancel sent in the background).
    private func reservation(_ method: String, group: PlacementGroupID, node: NodeID, bundles: [BundleSpec],
                             all: Bool, counted: Bool = false) async -> String? {
        let isCancel = method == "raylet.CancelBundles"
        var version: UInt64?
        // Counted from the start, waiting included: the GCS has already changed its view.
        if !counted { bundleCalls.started(node, isCancel: isCancel) }
        defer { for waiter in bundleCalls.ended(node, isCancel: isCancel, version: version) { waiter.resume() } }
        if !isCancel, bundleCalls.cancelsPending(node) {
            await withCheckedContinuation { bundleCalls.waitForCancels(node, $0) }
        }
        guard let info = tables.nodes[node], info.state == .alive else { return "node \(node) is not alive" }
        var request = Swiftray_BundleReservationRequest()
        request.placementGroupID = Data(group.bytes)
        request.bundles = bundles.map { var r = $0.record; r.nodeID = Data(); return r }
        request.allBundles = all
        let client: RpcClient
        do {
            client = try await raylet(info)
        } catch {
            return "\(error)"
        }
        do {
            let reply: Swiftray_BundleReservationReply = try await client.call(method, request, timeout: .seconds(5))
            version = reply.bundleVersion
            return reply.ok ? nil : reply.reason
        } catch {
            // The connection's state is unknown (a late answer could still come): it is closed,
            // and the next call opens a new one.
            if rayletClients[node] === client { rayletClients[node] = nil }
            Task { await client.close() }
            return "\(error)"
        }
    }

    func raylet(_ node: NodeInfo) async throws -> RpcClient {
        if let client = rayletClients[node.nodeID], client.isActive { return client }
        let client = try await RpcClient.connect(host: node.ip, port: node.nodeManagerPort, token: config.token,
                                                 peerKind: "gcs", timeout: .seconds(2))
        rayletClients[node.nodeID] = client
        return client
    }

    // MARK: waiting and status

    private func waitReady(_ id: PlacementGroupID, timeoutMs: Int64) async throws -> Swiftray_WaitPlacementGroupReadyReply {
        guard tables.groups[id] != nil else {
            throw RuntimeError.remote(code: Swiftray_ErrorCode.notFound.rawValue,
                                      message: "Placement group PlacementGroupID(\(id.hex)) does not exist.")
        }
        if let g = tables.groups[id], g.state == .pending || g.state == .prepared || g.state == .rescheduling {
            let token = UUID()
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                // The timer is cancelled when the group settles first, so settled waits leave
                // no sleeping tasks behind.
                let timer = timeoutMs < 0 ? nil : Task {
                    try await Task.sleep(for: .milliseconds(timeoutMs))
                    self.wakeOne(id, token)
                }
                pgWaiters[id, default: [:]][token] = (c, timer)
            }
        }
        var reply = Swiftray_WaitPlacementGroupReadyReply()
        reply.ready = tables.groups[id]?.state == .created
        reply.removed = tables.groups[id]?.state == .removed
        return reply
    }

    private func wakeWaiters(_ id: PlacementGroupID) {
        for (c, timer) in (pgWaiters.removeValue(forKey: id) ?? [:]).values {
            timer?.cancel()
            c.resume()
        }
    }

    /// A waiter's timeout: resumes it if it is still waiting.
    private func wakeOne(_ id: PlacementGroupID, _ token: UUID) {
        guard let (c, _) = pgWaiters[id]?.removeValue(forKey: token) else { return }
        if pgWaiters[id]?.isEmpty == true { pgWaiters[id] = nil }
        c.resume()
    }

    /// Pending and rescheduling groups as `status` demand lines (identical groups counted).
    func placementGroupDemands() -> [Swiftray_PlacementGroupDemand] {
        var demands: [Swiftray_PlacementGroupDemand] = []
        for group in tables.allGroups where group.state == .pending || group.state == .rescheduling {
            var d = Swiftray_PlacementGroupDemand()
            d.bundles = group.bundles.map { b in
                var r = Swiftray_ResourceBundle()
                r.resources = b.resources.set.raw
                r.keyOrder = b.resources.keys
                return r
            }
            d.strategy = group.strategy.rawValue
            d.count = 1
            if let i = demands.firstIndex(where: { $0.bundles == d.bundles && $0.strategy == d.strategy }) {
                demands[i].count += 1
            } else {
                demands.append(d)
            }
        }
        return demands
    }
}

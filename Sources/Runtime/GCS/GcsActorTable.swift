import ClusterState
import Foundation

/// The GCS's actor table in memory, mirrored from SQLite, plus the volatile bookkeeping of the
/// actor manager. Owned by the `GcsServer` actor; records change here only after the store
/// wrote them.
struct GcsActorTable {
    /// Actors in registration order (DEAD ones are kept: they are listed).
    var order: [ActorID] = []
    var records: [ActorID: Swiftray_ActorRecord] = [:]
    /// Callers of `gcs.WaitActor`, woken when the actor becomes ALIVE or DEAD.
    var waiters: [ActorID: [UUID: CheckedContinuation<Void, Never>]] = [:]
    /// Actors killed by `ray.kill(no_restart=False)` whose worker has not died yet: if no
    /// restart remains when it does, the cause is RAY_KILL.
    var killRequested: Set<ActorID> = []
    /// Indexes kept by `put`: the actor a worker process runs, the actors a worker owns, and
    /// the live actors placed in a placement group (by group id bytes).
    private(set) var byWorker: [Data: ActorID] = [:]
    private(set) var byOwner: [Data: Set<ActorID>] = [:]
    private(set) var byGroup: [Data: Set<ActorID>] = [:]
    /// DEAD actors in the order they died; beyond `deadCap` the oldest are forgotten (the store
    /// keeps the same number of dead rows).
    private var deadOrder: [ActorID] = []
    static let deadCap = 10_000

    init(records: [Swiftray_ActorRecord]) {
        for r in records { put(r) }
    }

    mutating func put(_ record: Swiftray_ActorRecord) {
        guard let id = ActorID(bytes: [UInt8](record.actorID)) else { return }
        let wasDead: Bool
        if let old = records[id] {
            if byWorker[old.address.workerID] == id { byWorker[old.address.workerID] = nil }
            byOwner[old.owner.workerID]?.remove(id)
            if !old.placementGroupID.isEmpty {
                byGroup[old.placementGroupID]?.remove(id)
                if byGroup[old.placementGroupID]?.isEmpty == true { byGroup[old.placementGroupID] = nil }
            }
            wasDead = old.state == ActorState.dead.rawValue
        } else {
            order.append(id)
            wasDead = false
        }
        records[id] = record
        if record.state != ActorState.dead.rawValue {
            if !record.address.workerID.isEmpty { byWorker[record.address.workerID] = id }
            byOwner[record.owner.workerID, default: []].insert(id)
            if !record.placementGroupID.isEmpty { byGroup[record.placementGroupID, default: []].insert(id) }
        }
        if byOwner[record.owner.workerID]?.isEmpty == true { byOwner[record.owner.workerID] = nil }
        if record.state == ActorState.dead.rawValue && !wasDead {
            deadOrder.append(id)
            // Trimmed in batches, so the order list is rewritten once per thousand deaths.
            if deadOrder.count > Self.deadCap + 1000 {
                let forgotten = Set(deadOrder.prefix(deadOrder.count - Self.deadCap))
                deadOrder.removeFirst(forgotten.count)
                for f in forgotten { records[f] = nil }
                order.removeAll { forgotten.contains($0) }
            }
        }
    }

    var all: [Swiftray_ActorRecord] { order.compactMap { records[$0] } }

    /// The live (not DEAD) actor named `name` in `namespace`.
    func live(named name: String, namespace: String) -> Swiftray_ActorRecord? {
        guard !name.isEmpty else { return nil }
        return all.first { $0.name == name && $0.rayNamespace == namespace && $0.state != ActorState.dead.rawValue }
    }
}

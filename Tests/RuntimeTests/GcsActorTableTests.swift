import ClusterState
import Foundation
@testable import Runtime
import Testing

@Suite("GCS actor table")
struct GcsActorTableTests {
    static func record(_ n: Int, state: ActorState, worker: UInt8 = 0, owner: UInt8 = 9, name: String = "") -> Swiftray_ActorRecord {
        var r = Swiftray_ActorRecord()
        var unique = [UInt8](repeating: 0, count: 12)
        withUnsafeBytes(of: UInt32(n).littleEndian) { unique.replaceSubrange(0..<4, with: $0) }
        r.actorID = Data(unique + [1, 0, 0, 0])
        r.jobID = Data([1, 0, 0, 0])
        r.state = state.rawValue
        r.name = name
        r.rayNamespace = "ns"
        if worker != 0 { r.address.workerID = Data(repeating: worker, count: 28) }
        r.owner.workerID = Data(repeating: owner, count: 28)
        return r
    }

    @Test("worker and owner indexes follow every change; dead actors leave them")
    func indexes() throws {
        var table = GcsActorTable(records: [])
        table.put(Self.record(1, state: .pendingCreation))
        let id = try #require(ActorID(bytes: [UInt8](Self.record(1, state: .alive).actorID)))
        #expect(table.byWorker.isEmpty)
        #expect(table.byOwner[Data(repeating: 9, count: 28)] == [id])
        table.put(Self.record(1, state: .alive, worker: 5))
        #expect(table.byWorker[Data(repeating: 5, count: 28)] == id)
        table.put(Self.record(1, state: .restarting))
        #expect(table.byWorker.isEmpty)
        table.put(Self.record(1, state: .alive, worker: 6, name: "n"))
        #expect(table.byWorker == [Data(repeating: 6, count: 28): id])
        #expect(table.live(named: "n", namespace: "ns") != nil)
        table.put(Self.record(1, state: .dead, worker: 6, name: "n"))
        #expect(table.byWorker.isEmpty && table.byOwner.isEmpty)
        #expect(table.live(named: "n", namespace: "ns") == nil)
        #expect(table.all.count == 1)
    }

    @Test("the group index holds the live actors of each placement group")
    func groupIndex() throws {
        var table = GcsActorTable(records: [])
        let group = Data(repeating: 3, count: 18), other = Data(repeating: 4, count: 18)
        var a = Self.record(1, state: .pendingCreation)
        a.placementGroupID = group
        var b = Self.record(2, state: .alive, worker: 5)
        b.placementGroupID = group
        table.put(a)
        table.put(b)
        table.put(Self.record(3, state: .alive, worker: 6))  // in no group
        let ids = try [a, b].map { try #require(ActorID(bytes: [UInt8]($0.actorID))) }
        #expect(table.byGroup == [group: Set(ids)])
        a.placementGroupID = other  // a record may only move by being replaced
        table.put(a)
        #expect(table.byGroup == [group: [ids[1]], other: [ids[0]]])
        a.state = ActorState.dead.rawValue
        b.state = ActorState.dead.rawValue
        table.put(a)
        table.put(b)
        #expect(table.byGroup.isEmpty, "dead actors leave the index")
    }

    @Test("beyond the cap the oldest dead actors are forgotten; live ones never")
    func deadCap() {
        var table = GcsActorTable(records: [])
        table.put(Self.record(0, state: .alive, worker: 1))
        let dead = GcsActorTable.deadCap + 1001
        for n in 1...dead { table.put(Self.record(n, state: .dead)) }
        #expect(table.all.count == GcsActorTable.deadCap + 1)
        #expect(table.all.first?.state == ActorState.alive.rawValue)
        #expect(table.all.last?.actorID == Self.record(dead, state: .dead).actorID)
    }
}

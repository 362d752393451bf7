import ClusterState
import Foundation
import Testing

@Suite("ActorState and ActorInfo")
struct ActorStateTests {
    static let legal: Set<[ActorState]> = [
        [.dependenciesUnready, .pendingCreation], [.dependenciesUnready, .dead],
        [.pendingCreation, .alive], [.pendingCreation, .restarting], [.pendingCreation, .dead],
        [.alive, .restarting], [.alive, .dead],
        [.restarting, .alive], [.restarting, .pendingCreation], [.restarting, .dead],
    ]

    @Test("canMove: exactly Ray's transitions; DEAD is terminal", arguments: ActorState.allCases, ActorState.allCases)
    func canMove(from: ActorState, to: ActorState) {
        #expect(from.canMove(to: to) == Self.legal.contains([from, to]))
        #expect(from.isTerminal == (from == .dead))
    }

    @Test("Ray's state and death-reason names")
    func names() {
        #expect(ActorState.allCases.map(\.rawValue) == ["DEPENDENCIES_UNREADY", "PENDING_CREATION", "ALIVE", "RESTARTING", "DEAD"])
        #expect(ActorDeathReason.allCases.map(\.rawValue) == ["UNSPECIFIED", "WORKER_DIED", "OWNER_DIED", "NODE_DIED",
                                                              "RAY_KILL", "OUT_OF_SCOPE", "REF_DELETED"])
    }

    @Test("a record becomes the listed view; the death cause only for DEAD actors; malformed ids are refused")
    func fromRecord() throws {
        var r = Swiftray_ActorRecord()
        r.actorID = Data([UInt8](repeating: 0xab, count: 12) + [1, 0, 0, 0])
        r.jobID = Data([1, 0, 0, 0])
        r.className = "Counter"
        r.state = "ALIVE"
        r.pid = 4321
        r.rayNamespace = "ns"
        r.requiredResources = ["CPU": 10_000]
        r.deathCause.reason = "RAY_KILL"
        r.deathCause.errorMessage = "killed"
        let alive = try #require(ActorInfo(record: r))
        #expect(alive.actorID.hex == String(repeating: "ab", count: 12) + "01000000")
        #expect(alive.jobID.hex == "01000000")
        #expect(alive.state == .alive && alive.pid == 4321 && alive.namespace == "ns")
        #expect(alive.nodeID == nil && alive.placementGroupID == nil)
        #expect(alive.requiredResources["CPU"].doubleValue == 1)
        #expect(alive.deathReason == nil && alive.deathMessage == nil)
        r.state = "DEAD"
        let dead = try #require(ActorInfo(record: r))
        #expect(dead.deathReason == .rayKill && dead.deathMessage == "killed")
        r.state = "SLEEPING"
        #expect(ActorInfo(record: r) == nil)
        r.state = "ALIVE"
        r.actorID = Data([1, 2, 3])
        #expect(ActorInfo(record: r) == nil)
    }
}

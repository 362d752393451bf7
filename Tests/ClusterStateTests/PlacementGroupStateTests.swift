import ClusterState
import Testing

@Suite("PlacementGroupState")
struct PlacementGroupStateTests {
    static let legal: Set<[PlacementGroupState]> = [
        [.pending, .prepared], [.pending, .removed],
        [.prepared, .created], [.prepared, .rescheduling], [.prepared, .removed],
        [.created, .rescheduling], [.created, .removed],
        [.rescheduling, .prepared], [.rescheduling, .removed],
    ]

    @Test("canMove: exactly the legal transitions", arguments: PlacementGroupState.allCases, PlacementGroupState.allCases)
    func canMove(from: PlacementGroupState, to: PlacementGroupState) {
        #expect(from.canMove(to: to) == Self.legal.contains([from, to]))
    }

    @Test("Ray's names and protobuf numbers", arguments: [
        (PlacementGroupState.pending, "PENDING", 0), (.prepared, "PREPARED", 1), (.created, "CREATED", 2),
        (.removed, "REMOVED", 3), (.rescheduling, "RESCHEDULING", 4),
    ])
    func wire(state: PlacementGroupState, name: String, number: Int) {
        #expect(state.rawValue == name)
        #expect(state.wireValue == number)
        #expect(PlacementGroupState(wireValue: number) == state)
        #expect(PlacementGroupState.tableName(wireValue: number) == name)
    }

    @Test("unknown numbers read as REMOVED in the table", arguments: [-1, 5, 99])
    func unknown(number: Int) {
        #expect(PlacementGroupState(wireValue: number) == nil)
        #expect(PlacementGroupState.tableName(wireValue: number) == "REMOVED")
    }

    @Test("only REMOVED is not live")
    func live() {
        #expect(PlacementGroupState.allCases.filter { !$0.isLive } == [.removed])
    }

    @Test("scheduling states: Ray's names and numbers", arguments: [
        (PlacementGroupSchedulingState.queued, "QUEUED", 0), (.removed, "REMOVED", 1),
        (.schedulingStarted, "SCHEDULING_STARTED", 2), (.noResources, "NO_RESOURCES", 3),
        (.infeasible, "INFEASIBLE", 4), (.failedToCommitResources, "FAILED_TO_COMMIT_RESOURCES", 5),
        (.finished, "FINISHED", 6),
    ])
    func schedulingStates(state: PlacementGroupSchedulingState, name: String, number: Int) {
        #expect(state.rawValue == name)
        #expect(state.wireValue == number)
        #expect(PlacementGroupSchedulingState(wireValue: number) == state)
    }

    @Test("unknown scheduling state numbers", arguments: [-1, 7])
    func unknownScheduling(number: Int) {
        #expect(PlacementGroupSchedulingState(wireValue: number) == nil)
    }
}

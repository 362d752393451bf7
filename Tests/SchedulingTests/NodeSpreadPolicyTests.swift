import ClusterState
import Scheduling
import Testing

@Suite("SpreadPolicy")
struct NodeSpreadPolicyTests {
    /// Runs `count` selections, returning (chosen node numbers, cursor after each).
    private func rounds(_ request: [String: Double], _ view: ClusterResourceView, start: Int = 0, count: Int,
                        excluding: NodeID? = nil, requireAvailable: Bool = false) -> [(UInt8?, Bool?, Int)] {
        var cursor = SpreadCursor(next: start)
        return (0..<count).map { _ in
            let choice = SpreadPolicy.select(resources(request), in: view, cursor: &cursor, excluding: excluding,
                                             requireAvailable: requireAvailable)
            return (choice?.nodeID.bytes[0], choice?.availableNow, cursor.next)
        }
    }

    private func nodes(_ r: [(UInt8?, Bool?, Int)]) -> [UInt8?] { r.map(\.0) }
    private func cursors(_ r: [(UInt8?, Bool?, Int)]) -> [Int] { r.map(\.2) }

    @Test("round-robin in id-byte order, not join order; the cursor advances past the chosen node and wraps")
    func roundRobin() {
        let view = clusterView([viewNode(3, ["CPU": 4]), viewNode(1, ["CPU": 4]), viewNode(2, ["CPU": 4])])
        let r = rounds(["CPU": 1], view, count: 5)
        #expect(nodes(r) == [1, 2, 3, 1, 2])
        #expect(cursors(r) == [1, 2, 0, 1, 2])
        #expect(r.allSatisfy { $0.1 == true })
    }

    @Test("the round starts at the cursor, taken modulo the node count")
    func start() {
        let view = idleCPUView(3)
        #expect(nodes(rounds(["CPU": 1], view, start: 2, count: 2)) == [3, 1])
        #expect(nodes(rounds(["CPU": 1], view, start: 7, count: 1)) == [2])   // 7 mod 3 = 1
        #expect(nodes(rounds(["CPU": 1], view, start: -1, count: 1)) == [3])  // −1 mod 3 = 2
    }

    @Test("nodes whose total cannot hold the request are skipped")
    func skipsInfeasible() {
        let view = clusterView([viewNode(1, ["CPU": 1]), viewNode(2, ["CPU": 4]), viewNode(3, ["CPU": 4]), viewNode(4, ["GPU": 1])])
        let r = rounds(["CPU": 2], view, count: 4)
        #expect(nodes(r) == [2, 3, 2, 3])
        #expect(cursors(r) == [2, 3, 2, 3])
    }

    @Test("the first pass skips nodes that cannot hold the request now")
    func skipsBusy() {
        let view = clusterView([viewNode(1, ["CPU": 4], available: ["CPU": 1]), viewNode(2, ["CPU": 4]),
                                viewNode(3, ["CPU": 4], available: [:])])
        let r = rounds(["CPU": 2], view, count: 3)
        #expect(nodes(r) == [2, 2, 2])
        #expect(cursors(r) == [2, 2, 2])
    }

    @Test("with none available, a second pass from the cursor takes a feasible node unless availability is required")
    func secondPass() {
        let view = clusterView([viewNode(1, ["CPU": 4], available: ["CPU": 1]), viewNode(2, ["CPU": 1]),
                                viewNode(3, ["CPU": 4], available: [:])])
        let r = rounds(["CPU": 2], view, start: 1, count: 3)
        #expect(nodes(r) == [3, 1, 3])
        #expect(r.allSatisfy { $0.1 == false })
        #expect(cursors(r) == [0, 1, 0])
        let strict = rounds(["CPU": 2], view, start: 1, count: 1, requireAvailable: true)
        #expect(nodes(strict) == [nil])
        #expect(cursors(strict) == [1])   // unchanged
    }

    @Test("an excluded node is never chosen, in either pass")
    func excluding() {
        let view = idleCPUView(3)
        #expect(nodes(rounds(["CPU": 1], view, count: 4, excluding: nodeID(2))) == [1, 3, 1, 3])
        let busy = clusterView([viewNode(1, ["CPU": 4], available: [:]), viewNode(2, ["CPU": 4], available: [:])])
        #expect(nodes(rounds(["CPU": 1], busy, count: 2, excluding: nodeID(1))) == [2, 2])
        let single = clusterView([viewNode(1, ["CPU": 4]), viewNode(2, ["CPU": 1])])
        let r = rounds(["CPU": 2], single, start: 1, count: 1, excluding: nodeID(1))
        #expect(nodes(r) == [nil])
        #expect(cursors(r) == [1])
    }

    @Test("no node, or no node that can ever hold it: nil and the cursor is untouched")
    func none() {
        #expect(nodes(rounds(["CPU": 1], ClusterResourceView(), start: 3, count: 1)) == [nil])
        #expect(cursors(rounds(["CPU": 1], ClusterResourceView(), start: 3, count: 1)) == [3])
        let r = rounds(["CPU": 5], idleCPUView(3), start: 2, count: 1)
        #expect(nodes(r) == [nil])
        #expect(cursors(r) == [2])
    }

    @Test("an empty request goes to every node in turn, even ones with nothing")
    func emptyRequest() {
        let view = clusterView([viewNode(2, [:]), viewNode(1, ["CPU": 1], available: [:])])
        let r = rounds([:], view, count: 3)
        #expect(nodes(r) == [1, 2, 1])
        #expect(r.allSatisfy { $0.1 == true })
    }
}

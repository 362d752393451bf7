import ClusterState
import Scheduling
import Testing

@Suite("NodeAffinityPolicy")
struct NodeAffinityPolicyTests {
    /// Node 1: {CPU: 4} with 1 free; node 2: idle {CPU: 4}; node 3: {CPU: 1}.
    static let view = clusterView([
        viewNode(1, ["CPU": 4], available: ["CPU": 1]),
        viewNode(2, ["CPU": 4]),
        viewNode(3, ["CPU": 1]),
    ])
    static let dead = nodeID(99)

    private func select(_ request: [String: Double], _ target: NodeID, soft: Bool = false, spill: Bool = false,
                        fail: Bool = false, in view: ClusterResourceView = Self.view,
                        preferred: NodeID? = nil, seed: UInt64 = 0) -> NodeSelection {
        var rng = SplitMix64(seed: seed)
        return NodeAffinityPolicy.select(resources(request), target: target, soft: soft, spillOnUnavailable: spill,
                                         failOnUnavailable: fail, in: view, preferredNode: preferred, rng: &rng)
    }

    @Test("with neither flag an alive feasible target is always chosen, waiting there if needed",
          arguments: [false, true])
    func plain(soft: Bool) {
        #expect(select(["CPU": 1], nodeID(1), soft: soft) == .node(nodeID(1), availableNow: true))
        #expect(select(["CPU": 2], nodeID(1), soft: soft) == .node(nodeID(1), availableNow: false))
        #expect(select(["CPU": 4], nodeID(1), soft: soft, preferred: nodeID(2)) == .node(nodeID(1), availableNow: false))
    }

    @Test("spill_on_unavailable (soft): the target when it fits now, otherwise the hybrid policy elsewhere")
    func spill() {
        #expect(select(["CPU": 1], nodeID(1), soft: true, spill: true) == .node(nodeID(1), availableNow: true))
        #expect(select(["CPU": 2], nodeID(1), soft: true, spill: true) == .node(nodeID(2), availableNow: true))
        // Nothing available anywhere: the hybrid policy waits on the least utilised feasible node.
        let busy = clusterView([viewNode(1, ["CPU": 4], available: ["CPU": 1]), viewNode(2, ["CPU": 4], available: ["CPU": 1.5])])
        #expect(select(["CPU": 2], nodeID(1), soft: true, spill: true, in: busy) == .node(nodeID(2), availableNow: false))
    }

    @Test("fail_on_unavailable (hard): the target when it fits now, otherwise unavailable with a reason")
    func fail() {
        #expect(select(["CPU": 1], nodeID(1), fail: true) == .node(nodeID(1), availableNow: true))
        let n1 = nodeID(1).hex
        #expect(select(["CPU": 2], nodeID(1), fail: true) == .unavailable(reason:
            "Node \(n1) cannot hold {'CPU': 2.0} now (it has {'CPU': 1.0} available) and the affinity is hard with fail_on_unavailable set."))
    }

    @Test("hard with only spill_on_unavailable cannot spill: unavailable")
    func hardSpill() {
        let n1 = nodeID(1).hex
        #expect(select(["CPU": 2], nodeID(1), spill: true) == .unavailable(reason:
            "Node \(n1) cannot hold {'CPU': 2.0} now (it has {'CPU': 1.0} available) and the affinity is hard, so the task cannot spill to another node."))
        #expect(select(["CPU": 1], nodeID(1), spill: true) == .node(nodeID(1), availableNow: true))
    }

    @Test("soft with fail_on_unavailable falls back instead of failing")
    func softFail() {
        #expect(select(["CPU": 2], nodeID(1), soft: true, fail: true) == .node(nodeID(2), availableNow: true))
    }

    @Test("hard affinity to a dead or unknown node is infeasible, naming the node")
    func hardDead() {
        let expected = NodeSelection.infeasible(reason: "Node \(Self.dead.hex) is dead or unknown and the affinity is hard.")
        #expect(select(["CPU": 1], Self.dead) == expected)
        #expect(select(["CPU": 1], Self.dead, spill: true) == expected)
        #expect(select(["CPU": 1], Self.dead, fail: true) == expected)
        #expect(select([:], Self.dead) == expected)
    }

    @Test("hard affinity to a node that can never hold the request is infeasible, naming the node")
    func hardNeverFits() {
        let n3 = nodeID(3).hex
        #expect(select(["CPU": 2], nodeID(3)) == .infeasible(reason:
            "Node \(n3) can never hold {'CPU': 2.0} (it has {'CPU': 1.0} in total) and the affinity is hard."))
        #expect(select(["GPU": 1], nodeID(2), fail: true) == .infeasible(reason:
            "Node \(nodeID(2).hex) can never hold {'GPU': 1.0} (it has {'CPU': 4.0} in total) and the affinity is hard."))
    }

    @Test("soft affinity to a dead or unfitting node falls back to the hybrid policy, preferring the local node")
    func softFallback() {
        #expect(select(["CPU": 1], Self.dead, soft: true) == .node(nodeID(2), availableNow: true))   // least utilised
        #expect(select(["CPU": 1], Self.dead, soft: true, preferred: nodeID(3)) == .node(nodeID(3), availableNow: true))
        #expect(select(["CPU": 2], nodeID(3), soft: true) == .node(nodeID(2), availableNow: true))
        #expect(select(["CPU": 2], nodeID(3), soft: true, preferred: nodeID(3)) == .node(nodeID(2), availableNow: true))
    }

    @Test("soft affinity with nothing able to hold the request is infeasible, saying why it fell back")
    func softInfeasible() {
        #expect(select(["CPU": 8], Self.dead, soft: true) == .infeasible(reason:
            "No alive node has {'CPU': 8.0} in total. The soft affinity to node \(Self.dead.hex) fell back to any node because it is dead or unknown."))
        #expect(select(["CPU": 8], nodeID(3), soft: true) == .infeasible(reason:
            "No alive node has {'CPU': 8.0} in total. The soft affinity to node \(nodeID(3).hex) fell back to any node because it can never hold {'CPU': 8.0} (it has {'CPU': 1.0} in total)."))
        #expect(select(["CPU": 1], Self.dead, soft: true, in: ClusterResourceView()) == .infeasible(reason:
            "There is no alive node to run a task requiring {'CPU': 1.0} on. The soft affinity to node \(Self.dead.hex) fell back to any node because it is dead or unknown."))
    }

    @Test("an empty request fits an alive target with nothing available")
    func emptyRequest() {
        let view = clusterView([viewNode(1, ["CPU": 1], available: [:])])
        #expect(select([:], nodeID(1), fail: true, in: view) == .node(nodeID(1), availableNow: true))
    }
}

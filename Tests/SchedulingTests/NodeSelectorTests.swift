import ClusterState
import Scheduling
import Testing

@Suite("NodeSelector")
struct NodeSelectorTests {
    private func select(_ request: [String: Double], _ strategy: NodeStrategy = .hybrid, in view: ClusterResourceView,
                        local: NodeID?, cursor: inout SpreadCursor, rng: inout SplitMix64) -> NodeSelection {
        NodeSelector().select(request: resources(request), strategy: strategy, view: view, localNode: local,
                              spreadCursor: &cursor, rng: &rng)
    }

    private func select(_ request: [String: Double], _ strategy: NodeStrategy = .hybrid, in view: ClusterResourceView,
                        local: NodeID?, seed: UInt64 = 0) -> NodeSelection {
        var cursor = SpreadCursor()
        var rng = SplitMix64(seed: seed)
        return select(request, strategy, in: view, local: local, cursor: &cursor, rng: &rng)
    }

    @Test("the default strategy is hybrid")
    func defaultStrategy() {
        #expect(NodeStrategy.default == .hybrid)
    }

    @Test("hybrid: a local node that fits now is returned without consulting the policy")
    func localFirst() {
        // Local node 1 at 90 % with an idle GPU-less peer: the policy would pick node 2.
        let view = clusterView([viewNode(1, ["CPU": 10, "GPU": 1], available: ["CPU": 1, "GPU": 1]), viewNode(2, ["CPU": 10])])
        var cursor = SpreadCursor(next: 5)
        var rng = SplitMix64(seed: 11)
        let before = rng
        #expect(select(["CPU": 1], in: view, local: nodeID(1), cursor: &cursor, rng: &rng) == .node(nodeID(1), availableNow: true))
        #expect(rng.state == before.state)   // no random draw
        #expect(cursor.next == 5)
        #expect(select(["CPU": 1], in: view, local: nodeID(2)) == .node(nodeID(2), availableNow: true))
    }

    @Test("hybrid: when the local node cannot run it now, an available node elsewhere")
    func elsewhere() {
        let view = clusterView([viewNode(1, ["CPU": 4], available: ["CPU": 1]), viewNode(2, ["CPU": 4], available: ["CPU": 2]),
                                viewNode(3, ["CPU": 2])])
        // Node 2 scores 0.5, node 3 scores 0: node 3.
        #expect(select(["CPU": 2], in: view, local: nodeID(1)) == .node(nodeID(3), availableNow: true))
        #expect(select(["CPU": 2], in: view, local: nil) == .node(nodeID(3), availableNow: true))
        #expect(select(["CPU": 2], in: view, local: nodeID(99)) == .node(nodeID(3), availableNow: true))
    }

    @Test("hybrid: only busy nodes, the task waits on the local node if it is feasible")
    func waitLocal() {
        // Local node 1 is the busiest; node 2 would be the policy's busy pick.
        let view = clusterView([viewNode(1, ["CPU": 4], available: [:]), viewNode(2, ["CPU": 4], available: ["CPU": 1.5])])
        #expect(select(["CPU": 2], in: view, local: nodeID(1)) == .node(nodeID(1), availableNow: false))
    }

    @Test("hybrid: only busy nodes and a local node that can never run it, the policy's best busy node")
    func waitElsewhere() {
        let view = clusterView([
            viewNode(1, ["CPU": 1]),
            viewNode(2, ["CPU": 4], available: ["CPU": 1]),     // 0.75
            viewNode(3, ["CPU": 4], available: [:]),            // 1.0
        ])
        #expect(select(["CPU": 2], in: view, local: nodeID(1)) == .node(nodeID(2), availableNow: false))
        #expect(select(["CPU": 2], in: view, local: nil) == .node(nodeID(2), availableNow: false))
    }

    @Test("hybrid: no node can ever hold it, infeasible with the request in the sentence")
    func infeasible() {
        let view = clusterView([viewNode(1, ["CPU": 4]), viewNode(2, ["CPU": 2, "GPU": 1])])
        let result = select(["CPU": 8], in: view, local: nodeID(1))
        #expect(result == .infeasible(reason: "No alive node has {'CPU': 8.0} in total."))
        #expect(result.reason == "No alive node has {'CPU': 8.0} in total.")
        #expect(result.nodeID == nil)
        #expect(select(["CPU": 3, "GPU": 1], in: view, local: nodeID(1))
                == .infeasible(reason: "No alive node has {'CPU': 3.0, 'GPU': 1.0} in total."))
        #expect(select(["CPU": 1], in: ClusterResourceView(), local: nodeID(1))
                == .infeasible(reason: "There is no alive node to run a task requiring {'CPU': 1.0} on."))
    }

    @Test("hybrid: placement-group resources steer the task to the bundle's node")
    func placementGroup() {
        let bundle = "CPU_group_0_0123456789abcdef0123456789ab"
        let view = clusterView([viewNode(1, ["CPU": 4]), viewNode(2, ["CPU": 4, bundle: 1]), viewNode(3, ["CPU": 4])])
        #expect(select([bundle: 1], in: view, local: nodeID(1)) == .node(nodeID(2), availableNow: true))
        let busy = clusterView([viewNode(1, ["CPU": 4]), viewNode(2, ["CPU": 4, bundle: 1], available: ["CPU": 4])])
        #expect(select([bundle: 1], in: busy, local: nodeID(1)) == .node(nodeID(2), availableNow: false))
    }

    @Test("an empty request is feasible everywhere, under every strategy")
    func emptyRequest() {
        let view = clusterView([viewNode(1, ["CPU": 1], available: [:]), viewNode(2, [:])])
        #expect(select([:], in: view, local: nodeID(1)) == .node(nodeID(1), availableNow: true))
        #expect(select([:], .spread, in: view, local: nodeID(1)) == .node(nodeID(1), availableNow: true))
        #expect(select([:], .nodeAffinity(nodeID(2), soft: false, spillOnUnavailable: false, failOnUnavailable: true),
                       in: view, local: nodeID(1)) == .node(nodeID(2), availableNow: true))
    }

    @Test("spread: round-robin through the caller's cursor, waiting when none is available")
    func spread() {
        let view = clusterView([viewNode(2, ["CPU": 4]), viewNode(1, ["CPU": 4]), viewNode(3, ["CPU": 1])])
        var cursor = SpreadCursor()
        var rng = SplitMix64(seed: 0)
        var picks: [NodeSelection] = []
        for _ in 0..<3 { picks.append(select(["CPU": 2], .spread, in: view, local: nodeID(1), cursor: &cursor, rng: &rng)) }
        #expect(picks == [.node(nodeID(1), availableNow: true), .node(nodeID(2), availableNow: true),
                          .node(nodeID(1), availableNow: true)])
        #expect(cursor.next == 1)
        let busy = clusterView([viewNode(1, ["CPU": 4], available: [:]), viewNode(2, ["CPU": 4], available: [:])])
        #expect(select(["CPU": 2], .spread, in: busy, local: nodeID(1), cursor: &cursor, rng: &rng)
                == .node(nodeID(2), availableNow: false))
        #expect(cursor.next == 0)
        #expect(select(["CPU": 8], .spread, in: view, local: nodeID(1), cursor: &cursor, rng: &rng)
                == .infeasible(reason: "No alive node has {'CPU': 8.0} in total."))
        #expect(cursor.next == 0)
    }

    @Test("node affinity: the policy's outcomes, with the local node preferred on soft fallback")
    func affinity() {
        let view = clusterView([viewNode(1, ["CPU": 4], available: ["CPU": 1]), viewNode(2, ["CPU": 4]), viewNode(3, ["CPU": 4])])
        let dead = nodeID(99)
        #expect(select(["CPU": 2], .nodeAffinity(nodeID(1), soft: false, spillOnUnavailable: false, failOnUnavailable: false),
                       in: view, local: nodeID(2)) == .node(nodeID(1), availableNow: false))
        #expect(select(["CPU": 1], .nodeAffinity(dead, soft: true, spillOnUnavailable: false, failOnUnavailable: false),
                       in: view, local: nodeID(3)) == .node(nodeID(3), availableNow: true))
        #expect(select(["CPU": 2], .nodeAffinity(nodeID(1), soft: true, spillOnUnavailable: true, failOnUnavailable: false),
                       in: view, local: nodeID(3)) == .node(nodeID(3), availableNow: true))
        let hardDead = select(["CPU": 1], .nodeAffinity(dead, soft: false, spillOnUnavailable: false, failOnUnavailable: false),
                              in: view, local: nodeID(2))
        #expect(hardDead == .infeasible(reason: "Node \(dead.hex) is dead or unknown and the affinity is hard."))
        let failed = select(["CPU": 2], .nodeAffinity(nodeID(1), soft: false, spillOnUnavailable: false, failOnUnavailable: true),
                            in: view, local: nodeID(2))
        guard case .unavailable(let reason) = failed else {
            Issue.record("expected unavailable, got \(failed)")
            return
        }
        #expect(reason.contains(nodeID(1).hex))
        #expect(failed.reason == reason)
    }

    @Test("NodeSelection accessors")
    func accessors() {
        #expect(NodeSelection.node(nodeID(4), availableNow: false).nodeID == nodeID(4))
        #expect(NodeSelection.node(nodeID(4), availableNow: true).reason == nil)
        #expect(NodeSelection.unavailable(reason: "x").nodeID == nil)
        #expect(NodeSelection.unavailable(reason: "x").reason == "x")
    }
}

import ClusterState
import Scheduling
import Testing

private func id(_ n: UInt8) -> NodeID { NodeID(uncheckedBytes: [UInt8](repeating: n, count: NodeID.size)) }

private func rs(_ d: [String: Double]) -> ResourceSet { ResourceSet(doubles: d) }

private func twoNodes() -> ClusterResourceView {
    var view = ClusterResourceView()
    // node 1: 4 CPU, 2 busy; node 2: 2 CPU + 1 GPU, GPU busy
    view.upsert(.init(nodeID: id(1), total: rs(["CPU": 4, "memory": 100]), available: rs(["CPU": 2, "memory": 100])))
    view.upsert(.init(nodeID: id(2), total: rs(["CPU": 2, "GPU": 1]), available: rs(["CPU": 2])))
    return view
}

@Suite("ClusterResourceView")
struct ClusterResourceViewTests {
    @Test("an empty cluster finds everything infeasible, even an empty request")
    func empty() {
        let view = ClusterResourceView()
        #expect(view.nodes.isEmpty)
        #expect(view.classify(rs(["CPU": 1])) == .infeasible)
        #expect(view.classify(ResourceSet()) == .infeasible)
        #expect(view.clusterTotal.isEmpty)
        #expect(view.clusterAvailable.isEmpty)
    }

    @Test("classification", arguments: [
        (["CPU": 1.0], RequestFit.available),
        (["CPU": 2], .available),
        (["CPU": 2, "memory": 100], .available),
        (["CPU": 3], .feasibleButBusy),            // only node 1 has 4 CPU total, 2 free
        (["CPU": 4], .feasibleButBusy),
        (["GPU": 1], .feasibleButBusy),            // node 2's GPU is busy
        (["CPU": 1, "GPU": 1], .feasibleButBusy),
        (["CPU": 5], .infeasible),
        (["CPU": 3, "GPU": 1], .infeasible),       // fits neither node's totals
        (["GPU": 1, "memory": 1], .infeasible),    // needs both nodes' resources at once
        (["custom": 1], .infeasible),
        (["CPU": 0.0001], .available),
        ([:], .available),
    ])
    func classify(request: [String: Double], expected: RequestFit) {
        #expect(twoNodes().classify(rs(request)) == expected)
    }

    @Test("totals add exactly")
    func totals() {
        var view = twoNodes()
        #expect(view.clusterTotal == rs(["CPU": 6, "GPU": 1, "memory": 100]))
        #expect(view.clusterAvailable == rs(["CPU": 4, "memory": 100]))
        view.updateAvailable(id(1), rs(["CPU": 0.1, "memory": 100]))
        view.updateAvailable(id(2), rs(["CPU": 0.2]))
        #expect(view.clusterAvailable["CPU"].description == "0.3")
    }

    @Test("upsert replaces in place and keeps join order")
    func upsert() {
        var view = twoNodes()
        view.upsert(.init(nodeID: id(3), total: rs(["CPU": 1]), available: rs(["CPU": 1])))
        view.upsert(.init(nodeID: id(1), total: rs(["CPU": 8]), available: rs(["CPU": 8])))
        #expect(view.nodes.map(\.nodeID) == [id(1), id(2), id(3)])
        #expect(view.nodes[0].total == rs(["CPU": 8]))
        #expect(view.classify(rs(["CPU": 8])) == .available)
        #expect(view.clusterTotal["CPU"] == ResourceQuantity(units: 11))
    }

    @Test("remove forgets the node; unknown ids are ignored")
    func remove() {
        var view = twoNodes()
        view.remove(id(2))
        #expect(view.nodes.map(\.nodeID) == [id(1)])
        #expect(view.classify(rs(["GPU": 1])) == .infeasible)
        view.remove(id(9))
        #expect(view.nodes.count == 1)
        view.updateAvailable(id(9), rs(["CPU": 100]))
        #expect(view.clusterAvailable == rs(["CPU": 2, "memory": 100]))
        view.remove(id(1))
        #expect(view.nodes.isEmpty)
        #expect(view.classify(rs(["CPU": 1])) == .infeasible)
    }

    @Test("updateAvailable turns busy into available")
    func release() {
        var view = twoNodes()
        #expect(view.classify(rs(["GPU": 1])) == .feasibleButBusy)
        view.updateAvailable(id(2), rs(["CPU": 2, "GPU": 1]))
        #expect(view.classify(rs(["GPU": 1])) == .available)
    }

    @Test("value semantics")
    func valueSemantics() {
        let a = twoNodes()
        var b = a
        b.remove(id(1))
        #expect(a.nodes.count == 2)
        #expect(a != b)
        #expect(a == twoNodes())
    }
}

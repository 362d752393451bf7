import ClusterState
import Scheduling
import Testing

@Suite("BundleScheduler: infeasible or retry later")
struct BundleFeasibilityTests {
    /// The reference's observed table on a {2 CPU, 2 GPU} head + {1 CPU, foo} worker, plus the
    /// sets Ray misses. `headAvailable` nil = idle cluster; `["CPU": 2, "GPU": 1]` = one GPU reserved.
    static let table: [(PlacementStrategy, [[String: Double]], [String: Double]?, PlacementKind)] = [
        (.pack, [["GPU": 8]], nil, .infeasible),
        (.strictPack, [["CPU": 1], ["CPU": 1], ["CPU": 1]], nil, .infeasible),
        (.strictSpread, [["CPU": 1], ["CPU": 1], ["CPU": 1]], nil, .infeasible),
        (.spread, [["bar": 1]], nil, .infeasible),
        // Ray: NO_RESOURCES forever; here the set is detected as never fitting.
        (.pack, [["CPU": 2], ["CPU": 2]], nil, .infeasible),
        // Ray: NO_RESOURCES while a GPU is reserved. Together they need 3 GPUs and the cluster
        // has 2, so by the idle-capacity rule this is infeasible too.
        (.pack, [["GPU": 2], ["GPU": 1]], ["CPU": 2, "GPU": 1], .infeasible),
        // …while groups that do fit the idle cluster wait for the reserved GPU.
        (.pack, [["GPU": 2]], ["CPU": 2, "GPU": 1], .retryLater),
        (.pack, [["GPU": 1], ["GPU": 1]], ["CPU": 2, "GPU": 1], .retryLater),
        (.strictPack, [["GPU": 1], ["CPU": 2], ["GPU": 1]], ["CPU": 2, "GPU": 1], .retryLater),
        (.strictSpread, [["GPU": 1], ["foo": 1]], ["CPU": 2], .retryLater),
        (.spread, [["GPU": 1], ["GPU": 1], ["foo": 1]], ["CPU": 2, "GPU": 1], .retryLater),
        // and place when the resources are there.
        (.pack, [["GPU": 1]], ["CPU": 2, "GPU": 1], .placed),
        (.spread, [["CPU": 1], ["CPU": 1], ["CPU": 1]], nil, .placed),
        (.strictSpread, [["GPU": 1], ["foo": 1]], nil, .placed),
        (.strictPack, [["CPU": 1], ["GPU": 2], ["CPU": 1]], nil, .placed),
        (.pack, [["CPU": 2], ["CPU": 1], ["foo": 1], ["GPU": 2]], nil, .placed),
        (.strictSpread, [["GPU": 1], ["foo": 1], ["CPU": 0.5]], nil, .infeasible),
        (.strictPack, [["GPU": 1], ["foo": 1]], nil, .infeasible),
        (.spread, [["GPU": 1], ["GPU": 1], ["GPU": 1]], nil, .infeasible),
    ]

    @Test("reference table and infeasible sets", arguments: table)
    func referenceTable(strategy: PlacementStrategy, bundles: [[String: Double]], headAvailable: [String: Double]?,
                        expected: PlacementKind) {
        let r = BundleScheduler.schedule(bundleList(bundles), strategy: strategy, nodes: referenceCluster(headAvailable: headAvailable))
        #expect(r.kind == expected, "\(r)")
    }

    @Test("reasons of the reference table")
    func reasons() {
        let gpu8 = BundleScheduler.schedule(bundleList([["GPU": 8]]), strategy: .pack, nodes: referenceCluster())
        #expect(gpu8 == .infeasible(reason: "Bundle 0 {'GPU': 8.0} of this PACK placement group can never be placed on the current nodes: it needs 8.0 GPU but the most any alive node has in total is 2.0."))
        let pair = BundleScheduler.schedule(bundleList([["GPU": 2], ["GPU": 1]]), strategy: .pack,
                                            nodes: referenceCluster(headAvailable: ["CPU": 2, "GPU": 1]))
        #expect(pair == .infeasible(reason: "Bundle 1 {'GPU': 1.0} of this PACK placement group can never be placed on the current nodes: with bundle 0 placed first, it needs 1.0 GPU but the most any alive node has left in total is 0.0."))
        let cpus = BundleScheduler.schedule(bundleList([["CPU": 2], ["CPU": 2]]), strategy: .pack, nodes: referenceCluster())
        #expect(cpus == .infeasible(reason: "Bundle 1 {'CPU': 2.0} of this PACK placement group can never be placed on the current nodes: with bundle 0 placed first, it needs 2.0 CPU but the most any alive node has left in total is 1.0."))
    }

    @Test("seed: {CPU:1, GPU:1} placed on the 2 CPU / 2 GPU head, then [{CPU:1}, {GPU:2}] waits (it fits the idle head)")
    func seedWalkThrough() {
        var view = ClusterResourceView()
        view.upsert(.init(nodeID: head, total: resources(["CPU": 2, "GPU": 2]), available: resources(["CPU": 2, "GPU": 2])))
        let first = bundleList([["CPU": 1, "GPU": 1]])
        #expect(BundleScheduler.schedule(first, strategy: .pack, view: view) == .placed([0: head]))
        view.updateAvailable(head, resources(["CPU": 1, "GPU": 1]))
        let second = BundleScheduler.schedule(bundleList([["CPU": 1], ["GPU": 2]]), strategy: .pack, view: view)
        #expect(second == .retryLater(reason: "Bundle 1 {'GPU': 2.0} of this PACK placement group cannot be placed now: it needs 2.0 GPU but the most any alive node has available is 1.0. The group fits the cluster's idle capacity, so placement will be retried."))
        // With the real instance layout (GPU 0 taken) the answer is the same.
        let nodes = [BundleCandidate(nodeID: head, total: resources(["CPU": 2, "GPU": 2]), available: resources(["CPU": 1]),
                                     availableInstances: ["GPU": [.zero, ResourceQuantity(units: 1)]])]
        #expect(BundleScheduler.schedule(bundleList([["CPU": 1], ["GPU": 2]]), strategy: .pack, nodes: nodes) == second)
        // Once the first group is removed, it is placed.
        view.updateAvailable(head, resources(["CPU": 2, "GPU": 2]))
        #expect(BundleScheduler.schedule(bundleList([["CPU": 1], ["GPU": 2]]), strategy: .pack, view: view) == .placed([0: head, 1: head]))
    }

    @Test("a fractional GPU bundle must fit one GPU instance")
    func gpuInstances() {
        let halves = [candidate(1, ["GPU": 2], gpus: [0.5, 0.5])]
        #expect(BundleScheduler.schedule(bundleList([["GPU": 0.5]]), strategy: .pack, nodes: halves) == .placed([0: head]))
        let thirds = [candidate(1, ["GPU": 2], gpus: [0.3, 0.3])]
        #expect(BundleScheduler.schedule(bundleList([["GPU": 0.5]]), strategy: .pack, nodes: thirds) == .retryLater(reason: "Bundle 0 {'GPU': 0.5} of this PACK placement group cannot be placed now: it needs 0.5 GPU on a single GPU instance but the most any alive node has available on one GPU instance is 0.3. The group fits the cluster's idle capacity, so placement will be retried."))
        // Aggregate-only view: 0.6 GPU available is assumed to be one 0.6 instance (documented).
        let aggregate = [candidate(1, ["GPU": 2], available: ["GPU": 0.6])]
        #expect(BundleScheduler.schedule(bundleList([["GPU": 0.5]]), strategy: .pack, nodes: aggregate) == .placed([0: head]))
        // A 1.0 GPU bundle on two half-free GPUs waits; on the idle node it would fit.
        #expect(BundleScheduler.schedule(bundleList([["GPU": 1]]), strategy: .pack, nodes: halves).kind == .retryLater)
        // A node whose total is a fraction of a GPU can never hold a whole one.
        let fractionalNode = [candidate(1, ["GPU": 0.5])]
        #expect(BundleScheduler.schedule(bundleList([["GPU": 1]]), strategy: .pack, nodes: fractionalNode) == .infeasible(reason: "Bundle 0 {'GPU': 1.0} of this PACK placement group can never be placed on the current nodes: it needs 1.0 GPU but the most any alive node has in total is 0.5."))
    }

    @Test("a bundle whose resources exist only on different nodes")
    func splitResources() {
        let r = BundleScheduler.schedule(bundleList([["GPU": 1, "foo": 1]]), strategy: .pack, nodes: referenceCluster())
        #expect(r == .infeasible(reason: "Bundle 0 {'GPU': 1.0, 'foo': 1.0} of this PACK placement group can never be placed on the current nodes: it needs {'GPU': 1.0, 'foo': 1.0} but no single alive node has all of it in total at once."))
    }

    @Test("no bundles → placed with nothing; no nodes → infeasible", arguments: PlacementStrategy.allCases)
    func empties(strategy: PlacementStrategy) {
        #expect(BundleScheduler.schedule([], strategy: strategy, nodes: referenceCluster()) == .placed([:]))
        #expect(BundleScheduler.schedule([], strategy: strategy, nodes: []) == .placed([:]))
        let r = BundleScheduler.schedule(bundleList([["CPU": 1]]), strategy: strategy, nodes: [])
        #expect(r == .infeasible(reason: "There is no alive node to place this \(strategy.rawValue) placement group on."))
        #expect(r.reason != nil && r.nodes == nil)
    }

    @Test("the view overload matches the candidate list in join order")
    func viewOverload() {
        var view = ClusterResourceView()
        for n in referenceCluster() { view.upsert(.init(nodeID: n.nodeID, total: n.total, available: n.available)) }
        for strategy in PlacementStrategy.allCases {
            let bundles = bundleList([["CPU": 1], ["CPU": 0.5]])
            #expect(BundleScheduler.schedule(bundles, strategy: strategy, view: view)
                    == BundleScheduler.schedule(bundles, strategy: strategy, nodes: referenceCluster()))
        }
    }
}

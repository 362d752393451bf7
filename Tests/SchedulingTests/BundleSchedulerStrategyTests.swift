import ClusterState
import Scheduling
import Testing

private let a = nodeID(1), b = nodeID(2), c = nodeID(3)

@Suite("BundleScheduler: PACK")
struct BundlePackTests {
    @Test("everything on the best-scoring node when it fits")
    func allOnBest() {
        let nodes = [candidate(1, ["CPU": 4]), candidate(2, ["CPU": 8])]
        let r = BundleScheduler.schedule(bundleList([["CPU": 1], ["CPU": 1], ["CPU": 1]]), strategy: .pack, nodes: nodes)
        #expect(r == .placed([0: b, 1: b, 2: b]))
    }

    @Test("greedy fill spills onto the next node; ties go to the first node in the given order")
    func spill() {
        let nodes = [candidate(1, ["CPU": 2]), candidate(2, ["CPU": 2])]
        let bundles = bundleList([["CPU": 1], ["CPU": 1], ["CPU": 1]])
        #expect(BundleScheduler.schedule(bundles, strategy: .pack, nodes: nodes) == .placed([0: a, 1: a, 2: b]))
        #expect(BundleScheduler.schedule(bundles, strategy: .pack, nodes: nodes.reversed()) == .placed([0: b, 1: b, 2: a]))
    }

    @Test("greedy fill skips bundles that do not fit and keeps trying later ones")
    func fillSkips() {
        // sorted: {CPU:3}(0), {CPU:2}(2), {CPU:1}(1); A (4 CPU) takes 3 then 1; 2 goes to B.
        let nodes = [candidate(1, ["CPU": 4]), candidate(2, ["CPU": 2])]
        let r = BundleScheduler.schedule(bundleList([["CPU": 3], ["CPU": 1], ["CPU": 2]]), strategy: .pack, nodes: nodes)
        #expect(r == .placed([0: a, 1: a, 2: b]))
    }

    @Test("fractional bundles pack onto one node")
    func fractional() {
        let nodes = [candidate(1, ["CPU": 2]), candidate(2, ["CPU": 2])]
        let r = BundleScheduler.schedule(bundleList(Array(repeating: ["CPU": 0.5], count: 4)), strategy: .pack, nodes: nodes)
        #expect(r == .placed([0: a, 1: a, 2: a, 3: a]))
        let five = BundleScheduler.schedule(bundleList(Array(repeating: ["CPU": 0.5], count: 5)), strategy: .pack, nodes: nodes)
        #expect(five == .placed([0: a, 1: a, 2: a, 3: a, 4: b]))
    }

    @Test("a custom resource decides the node, and the rest follows it")
    func custom() {
        let nodes = [candidate(1, ["CPU": 4]), candidate(2, ["CPU": 1, "foo": 1])]
        let r = BundleScheduler.schedule(bundleList([["CPU": 1], ["foo": 1]]), strategy: .pack, nodes: nodes)
        #expect(r == .placed([0: b, 1: b]))
    }

    @Test("two 2-CPU bundles on two 2-CPU nodes are feasible; on one 2-CPU node they are infeasible")
    func pairOfTwos() {
        let bundles = bundleList([["CPU": 2], ["CPU": 2]])
        let two = [candidate(1, ["CPU": 2]), candidate(2, ["CPU": 2])]
        #expect(BundleScheduler.schedule(bundles, strategy: .pack, nodes: two) == .placed([0: a, 1: b]))
        let one = BundleScheduler.schedule(bundles, strategy: .pack, nodes: [candidate(1, ["CPU": 2])])
        #expect(one == .infeasible(reason: "Bundle 1 {'CPU': 2.0} of this PACK placement group can never be placed on the current nodes: with bundle 0 placed first, it needs 2.0 CPU but the most any alive node has left in total is 0.0."))
        // Busy now but fine when idle: retried.
        let busy = [candidate(1, ["CPU": 2], available: ["CPU": 1]), candidate(2, ["CPU": 2])]
        #expect(BundleScheduler.schedule(bundles, strategy: .pack, nodes: busy) == .retryLater(reason: "Bundle 1 {'CPU': 2.0} of this PACK placement group cannot be placed now: with bundle 0 placed first, it needs 2.0 CPU but the most any alive node has left available is 1.0. The group fits the cluster's idle capacity, so placement will be retried."))
    }
}

@Suite("BundleScheduler: SPREAD")
struct BundleSpreadTests {
    @Test("distinct nodes first, in order on ties")
    func distinct() {
        let nodes = [candidate(1, ["CPU": 4]), candidate(2, ["CPU": 4]), candidate(3, ["CPU": 4])]
        let r = BundleScheduler.schedule(bundleList([["CPU": 1], ["CPU": 1], ["CPU": 1]]), strategy: .spread, nodes: nodes)
        #expect(r == .placed([0: a, 1: b, 2: c]))
    }

    @Test("an unused node wins over a better-scoring used one")
    func unusedFirst() {
        let nodes = [candidate(1, ["CPU": 8]), candidate(2, ["CPU": 2])]
        let r = BundleScheduler.schedule(bundleList([["CPU": 1], ["CPU": 1]]), strategy: .spread, nodes: nodes)
        #expect(r == .placed([0: a, 1: b]))
    }

    @Test("more bundles than nodes reuse the best-scoring used node")
    func reuse() {
        let nodes = [candidate(1, ["CPU": 8]), candidate(2, ["CPU": 2])]
        let r = BundleScheduler.schedule(bundleList([["CPU": 1], ["CPU": 1], ["CPU": 1], ["CPU": 1]]), strategy: .spread, nodes: nodes)
        // 0 → A (7/8 > 1/2), 1 → B (unused), 2 → A (6/7 > 0), 3 → A (5/6 > 0... B is full).
        #expect(r == .placed([0: a, 1: b, 2: a, 3: a]))
    }

    @Test("an unused node that cannot fit the bundle is skipped for a used one")
    func unusedTooSmall() {
        let nodes = [candidate(1, ["CPU": 8, "GPU": 2]), candidate(2, ["CPU": 8])]
        let r = BundleScheduler.schedule(bundleList([["GPU": 1], ["GPU": 1], ["CPU": 1]]), strategy: .spread, nodes: nodes)
        #expect(r == .placed([0: a, 1: a, 2: b]))
    }

    @Test("busy nodes mean retry; a resource no node has is infeasible")
    func failures() {
        let busy = [candidate(1, ["CPU": 2], available: ["CPU": 0.5])]
        #expect(BundleScheduler.schedule(bundleList([["CPU": 1]]), strategy: .spread, nodes: busy).kind == .retryLater)
        let r = BundleScheduler.schedule(bundleList([["bar": 1]]), strategy: .spread, nodes: referenceCluster())
        #expect(r == .infeasible(reason: "Bundle 0 {'bar': 1.0} of this SPREAD placement group can never be placed on the current nodes: it needs 1.0 bar but no alive node has any bar."))
    }
}

@Suite("BundleScheduler: STRICT_PACK")
struct BundleStrictPackTests {
    @Test("all bundles on the node with the highest summed score")
    func bestNode() {
        let nodes = [candidate(1, ["CPU": 4]), candidate(2, ["CPU": 8])]
        #expect(BundleScheduler.schedule(bundleList([["CPU": 1], ["CPU": 1]]), strategy: .strictPack, nodes: nodes) == .placed([0: b, 1: b]))
        let tie = [candidate(1, ["CPU": 4]), candidate(2, ["CPU": 4])]
        #expect(BundleScheduler.schedule(bundleList([["CPU": 1], ["CPU": 1]]), strategy: .strictPack, nodes: tie) == .placed([0: a, 1: a]))
    }

    @Test("a node where only some bundles fit now is not chosen")
    func allMustFitNow() {
        let nodes = [candidate(1, ["CPU": 8], available: ["CPU": 1]), candidate(2, ["CPU": 2])]
        #expect(BundleScheduler.schedule(bundleList([["CPU": 1], ["CPU": 1]]), strategy: .strictPack, nodes: nodes) == .placed([0: b, 1: b]))
    }

    @Test("the sum must fit one node's total, else infeasible")
    func sumInfeasible() {
        let r = BundleScheduler.schedule(bundleList([["CPU": 1], ["CPU": 1], ["CPU": 1]]), strategy: .strictPack, nodes: referenceCluster())
        #expect(r == .infeasible(reason: "The 3 bundles of this STRICT_PACK placement group can never be placed on the current nodes: they need 3.0 CPU together on one node but the most any alive node has in total is 2.0."))
        // Resources split over nodes never fit together.
        let split = BundleScheduler.schedule(bundleList([["GPU": 1], ["foo": 1]]), strategy: .strictPack, nodes: referenceCluster())
        #expect(split == .infeasible(reason: "The 2 bundles of this STRICT_PACK placement group can never be placed on the current nodes: they need {'GPU': 1.0, 'foo': 1.0} together on one node but no single alive node has all of it in total at once."))
    }

    @Test("fits the total but not now: retry")
    func retry() {
        let nodes = [candidate(1, ["CPU": 4], available: ["CPU": 1]), candidate(2, ["CPU": 2], available: [:])]
        let r = BundleScheduler.schedule(bundleList([["CPU": 1], ["CPU": 1]]), strategy: .strictPack, nodes: nodes)
        #expect(r == .retryLater(reason: "The 2 bundles of this STRICT_PACK placement group cannot be placed now: they need 2.0 CPU together on one node but the most any alive node has available is 1.0. The group fits the cluster's idle capacity, so placement will be retried."))
    }

    @Test("the soft target node is used when everything fits there now")
    func softTarget() {
        let nodes = [candidate(1, ["CPU": 8]), candidate(2, ["CPU": 4])]
        let bundles = bundleList([["CPU": 1]])
        #expect(BundleScheduler.schedule(bundles, strategy: .strictPack, nodes: nodes, softTargetNode: b) == .placed([0: b]))
        let busy = [candidate(1, ["CPU": 8]), candidate(2, ["CPU": 4], available: [:])]
        #expect(BundleScheduler.schedule(bundles, strategy: .strictPack, nodes: busy, softTargetNode: b) == .placed([0: a]))
        #expect(BundleScheduler.schedule(bundles, strategy: .strictPack, nodes: nodes, softTargetNode: nodeID(9)) == .placed([0: a]))
        // Other strategies ignore it.
        #expect(BundleScheduler.schedule(bundles, strategy: .pack, nodes: nodes, softTargetNode: b) == .placed([0: a]))
    }

    @Test("fractional GPU bundles share a node on separate instances")
    func fractionalGPUs() {
        let nodes = [candidate(1, ["GPU": 2], gpus: [0.5, 0.5])]
        #expect(BundleScheduler.schedule(bundleList([["GPU": 0.5], ["GPU": 0.5]]), strategy: .strictPack, nodes: nodes) == .placed([0: a, 1: a]))
        let r = BundleScheduler.schedule(bundleList([["GPU": 1]]), strategy: .strictPack, nodes: nodes)
        #expect(r == .retryLater(reason: "Bundle 0 {'GPU': 1.0} of this STRICT_PACK placement group cannot be placed now: it needs 1.0 GPU as 1 whole free GPU instance but the most any alive node has available is 0 whole free GPU instances. The group fits the cluster's idle capacity, so placement will be retried."))
    }
}

@Suite("BundleScheduler: STRICT_SPREAD")
struct BundleStrictSpreadTests {
    @Test("every bundle on its own node")
    func distinct() {
        let nodes = [candidate(1, ["CPU": 4]), candidate(2, ["CPU": 4]), candidate(3, ["CPU": 8])]
        let r = BundleScheduler.schedule(bundleList([["CPU": 1], ["CPU": 1]]), strategy: .strictSpread, nodes: nodes)
        #expect(r == .placed([0: c, 1: a]))
    }

    @Test("scarcity order lets the GPU bundle take the GPU node first")
    func scarcity() {
        let nodes = [candidate(1, ["CPU": 4, "GPU": 1]), candidate(2, ["CPU": 4])]
        let r = BundleScheduler.schedule(bundleList([["CPU": 1], ["CPU": 1, "GPU": 1]]), strategy: .strictSpread, nodes: nodes)
        #expect(r == .placed([0: b, 1: a]))
    }

    @Test("more bundles than nodes is infeasible")
    func tooMany() {
        let r = BundleScheduler.schedule(bundleList([["CPU": 0.1], ["CPU": 0.1], ["CPU": 0.1]]), strategy: .strictSpread, nodes: referenceCluster())
        #expect(r == .infeasible(reason: "This STRICT_SPREAD placement group needs a separate node for each of its 3 unplaced bundles, but there are only 2 alive nodes."))
        let single = BundleScheduler.schedule(bundleList([["CPU": 0.1], ["CPU": 0.1]]), strategy: .strictSpread, nodes: [candidate(1, ["CPU": 2])])
        #expect(single == .infeasible(reason: "This STRICT_SPREAD placement group needs a separate node for each of its 2 unplaced bundles, but there is only 1 alive node."))
    }

    @Test("a set that needs the same scarce node twice is infeasible")
    func infeasibleSet() {
        let r = BundleScheduler.schedule(bundleList([["GPU": 1], ["GPU": 1]]), strategy: .strictSpread, nodes: referenceCluster())
        #expect(r == .infeasible(reason: "Bundle 1 {'GPU': 1.0} of this STRICT_SPREAD placement group can never be placed on the current nodes: with bundle 0 placed first, it needs 1.0 GPU but no alive node not yet used by this group has any GPU."))
    }

    @Test("a busy node means retry")
    func retry() {
        let nodes = [candidate(1, ["CPU": 2], available: [:]), candidate(2, ["CPU": 2])]
        let r = BundleScheduler.schedule(bundleList([["CPU": 1], ["CPU": 1]]), strategy: .strictSpread, nodes: nodes)
        #expect(r == .retryLater(reason: "Bundle 1 {'CPU': 1.0} of this STRICT_SPREAD placement group cannot be placed now: with bundle 0 placed first, it needs 1.0 CPU but no alive node not yet used by this group has any CPU available. The group fits the cluster's idle capacity, so placement will be retried."))
    }
}

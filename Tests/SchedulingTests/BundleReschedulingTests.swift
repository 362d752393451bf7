import ClusterState
import Scheduling
import Testing

private let a = nodeID(1), b = nodeID(2), c = nodeID(3)

/// A node lost bundles of a group; only those are scheduled again, next to the survivors.
@Suite("BundleScheduler: rescheduling with surviving bundles")
struct BundleReschedulingTests {
    @Test("STRICT_SPREAD avoids nodes holding surviving bundles")
    func strictSpreadAvoids() {
        // Bundles 0 on A and 1 on B survived; bundle 2 was on a dead node.
        let nodes = [candidate(1, ["CPU": 8], available: ["CPU": 7]), candidate(2, ["CPU": 8], available: ["CPU": 7]),
                     candidate(3, ["CPU": 2])]
        let lost = [BundleRequest(index: 2, resources: resources(["CPU": 1]))]
        let held: [NodeID: ResourceSet] = [a: resources(["CPU": 1]), b: resources(["CPU": 1])]
        #expect(BundleScheduler.schedule(lost, strategy: .strictSpread, nodes: nodes, survivingBundles: held) == .placed([2: c]))
        // Without C there is no node left for it: infeasible until a node joins.
        let r = BundleScheduler.schedule(lost, strategy: .strictSpread, nodes: Array(nodes.prefix(2)), survivingBundles: held)
        #expect(r == .infeasible(reason: "This STRICT_SPREAD placement group needs a node for its unplaced bundle, but every alive node already holds one of its bundles."))
        let two = [BundleRequest(index: 1, resources: resources(["CPU": 1])), BundleRequest(index: 2, resources: resources(["CPU": 1]))]
        let r2 = BundleScheduler.schedule(two, strategy: .strictSpread, nodes: Array(nodes.prefix(2)), survivingBundles: [a: resources(["CPU": 1])])
        #expect(r2 == .infeasible(reason: "This STRICT_SPREAD placement group needs a separate node for each of its 2 unplaced bundles, but only 1 alive node does not already hold one of its bundles."))
    }

    @Test("PACK fills the nodes holding surviving bundles first")
    func packPrefersSurvivors() {
        let nodes = [candidate(1, ["CPU": 8]), candidate(2, ["CPU": 4], available: ["CPU": 2])]
        let lost = [BundleRequest(index: 1, resources: resources(["CPU": 1])), BundleRequest(index: 3, resources: resources(["CPU": 1]))]
        #expect(BundleScheduler.schedule(lost, strategy: .pack, nodes: nodes) == .placed([1: a, 3: a]))
        #expect(BundleScheduler.schedule(lost, strategy: .pack, nodes: nodes, survivingBundles: [b: resources(["CPU": 2])]) == .placed([1: b, 3: b]))
        // What does not fit there goes through the normal policy.
        let three = lost + [BundleRequest(index: 4, resources: resources(["CPU": 1]))]
        #expect(BundleScheduler.schedule(three, strategy: .pack, nodes: nodes, survivingBundles: [b: resources(["CPU": 2])]) == .placed([1: b, 3: b, 4: a]))
    }

    @Test("SPREAD treats nodes holding surviving bundles as used")
    func spreadAvoidsSurvivors() {
        let nodes = [candidate(1, ["CPU": 8], available: ["CPU": 7]), candidate(2, ["CPU": 2])]
        let lost = [BundleRequest(index: 1, resources: resources(["CPU": 1]))]
        #expect(BundleScheduler.schedule(lost, strategy: .spread, nodes: nodes) == .placed([1: a]))
        #expect(BundleScheduler.schedule(lost, strategy: .spread, nodes: nodes, survivingBundles: [a: resources(["CPU": 1])]) == .placed([1: b]))
        // With no other node it may still reuse the survivor's node.
        #expect(BundleScheduler.schedule(lost, strategy: .spread, nodes: [nodes[0]], survivingBundles: [a: resources(["CPU": 1])]) == .placed([1: a]))
    }

    @Test("STRICT_PACK may only use the node holding the surviving bundles")
    func strictPackSurvivor() {
        let nodes = [candidate(1, ["CPU": 8]), candidate(2, ["CPU": 4], available: ["CPU": 1])]
        let lost = [BundleRequest(index: 1, resources: resources(["CPU": 1]))]
        #expect(BundleScheduler.schedule(lost, strategy: .strictPack, nodes: nodes, survivingBundles: [b: resources(["CPU": 3])]) == .placed([1: b]))
        let big = [BundleRequest(index: 1, resources: resources(["CPU": 2]))]
        let r = BundleScheduler.schedule(big, strategy: .strictPack, nodes: nodes, survivingBundles: [b: resources(["CPU": 3])])
        #expect(r == .infeasible(reason: "Bundle 1 {'CPU': 2.0} of this STRICT_PACK placement group can never be placed on the current nodes: it needs 2.0 CPU but the node holding its surviving bundles has only 1.0 in total."))
        let pair = big + [BundleRequest(index: 2, resources: resources(["CPU": 1]))]
        let r2 = BundleScheduler.schedule(pair, strategy: .strictPack, nodes: nodes, survivingBundles: [b: resources(["CPU": 1])])
        #expect(r2 == .retryLater(reason: "The 2 bundles of this STRICT_PACK placement group cannot be placed now: they need 3.0 CPU together on one node but the node holding its surviving bundles has only 1.0 available. The group fits the cluster's idle capacity, so placement will be retried."))
    }

    @Test("the idle capacity excludes what the group's own surviving bundles hold")
    func idleExcludesSurvivors() {
        // A's 2 CPUs are held by this group's surviving bundle: the lost {CPU: 2} can never fit.
        let nodes = [candidate(1, ["CPU": 2], available: [:])]
        let lost = [BundleRequest(index: 1, resources: resources(["CPU": 2]))]
        let r = BundleScheduler.schedule(lost, strategy: .pack, nodes: nodes, survivingBundles: [a: resources(["CPU": 2])])
        #expect(r == .infeasible(reason: "Bundle 1 {'CPU': 2.0} of this PACK placement group can never be placed on the current nodes: it needs 2.0 CPU but no alive node has any CPU."))
        // If another group holds them, the bundle waits.
        #expect(BundleScheduler.schedule(lost, strategy: .pack, nodes: nodes).kind == .retryLater)
    }

    @Test("surviving bundles on nodes that are not candidates are ignored")
    func deadSurvivors() {
        let nodes = [candidate(1, ["CPU": 2]), candidate(2, ["CPU": 2])]
        let lost = bundleList([["CPU": 1], ["CPU": 1]])
        for strategy in PlacementStrategy.allCases {
            #expect(BundleScheduler.schedule(lost, strategy: strategy, nodes: nodes, survivingBundles: [c: resources(["CPU": 1])])
                    == BundleScheduler.schedule(lost, strategy: strategy, nodes: nodes))
        }
    }
}

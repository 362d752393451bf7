import ClusterState
import Scheduling
import Testing

@Suite("HybridPolicy")
struct NodeHybridPolicyTests {
    @Test("default configuration is Ray's")
    func defaults() {
        let p = HybridPolicy()
        #expect(p.spreadThreshold == 0.5)
        #expect(p.topKFraction == 0.2)
        #expect(p.topKAbsolute == 1)
        #expect(p.avoidGPUNodes == true)
        #expect(HybridPolicy.criticalResources == ["CPU", "memory", "object_store_memory"])
    }

    @Test("score = highest critical utilisation, truncated to 0 below 0.5", arguments: [
        (["CPU": 4.0], ["CPU": 4.0], 0.0),
        (["CPU": 4], ["CPU": 3], 0.0),                                  // 0.25 → truncated
        (["CPU": 4], ["CPU": 2.0001], 0.0),                             // just below 0.5 → truncated
        (["CPU": 4], ["CPU": 2], 0.5),                                  // exactly the threshold stays
        (["CPU": 4], ["CPU": 1], 0.75),
        (["CPU": 4], [:], 1.0),
        (["CPU": 4, "memory": 8], ["CPU": 4, "memory": 2], 0.75),        // memory is the critical one
        (["CPU": 4, "object_store_memory": 8], ["CPU": 3, "object_store_memory": 3], 0.625),
        (["CPU": 4, "GPU": 2], ["CPU": 4], 0.0),                        // GPU use does not count
        (["CPU": 4, "foo": 2], ["CPU": 4], 0.0),                        // custom use does not count
        (["foo": 2], [:], 0.0),                                         // no critical resource at all
        (["memory": 4], ["memory": 1], 0.75),                           // no CPU total: skipped, not 1.0
    ])
    func score(total: [String: Double], available: [String: Double], expected: Double) {
        #expect(HybridPolicy().score(viewNode(1, total, available: available)) == expected)
    }

    @Test("a lower threshold keeps low utilisation")
    func threshold() {
        let node = viewNode(1, ["CPU": 4], available: ["CPU": 3])
        #expect(HybridPolicy(spreadThreshold: 0).score(node) == 0.25)
        #expect(HybridPolicy(spreadThreshold: 0.8).score(viewNode(1, ["CPU": 4], available: ["CPU": 1])) == 0)
    }

    @Test("k = max(topKAbsolute, ⌊nodes × topKFraction⌋)", arguments: [
        (0, 1), (1, 1), (4, 1), (5, 1), (9, 1), (10, 2), (14, 2), (15, 3), (100, 20),
    ])
    func topK(nodes: Int, k: Int) {
        #expect(HybridPolicy().topK(nodeCount: nodes) == k)
    }

    @Test("topKAbsolute and topKFraction are honoured")
    func topKConfig() {
        #expect(HybridPolicy(topKAbsolute: 3).topK(nodeCount: 10) == 3)
        #expect(HybridPolicy(topKFraction: 0.5).topK(nodeCount: 10) == 5)
    }

    @Test("below 0.5 utilisation nodes tie and the lowest id wins; at 0.5 work goes to the least utilised")
    func truncationAndSpill() {
        // Two nodes: k = 1, so the pick is deterministic.
        let packed = clusterView([viewNode(2, ["CPU": 4]), viewNode(1, ["CPU": 4], available: ["CPU": 2.5])])
        #expect(hybridPicks(["CPU": 1], in: packed) == [nodeID(1)])   // 37.5 % counts as 0
        let half = clusterView([viewNode(2, ["CPU": 4]), viewNode(1, ["CPU": 4], available: ["CPU": 2])])
        #expect(hybridPicks(["CPU": 1], in: half) == [nodeID(2)])     // 50 % loses to idle
        // And the local (preferred) node loses once it reaches 50 %.
        #expect(hybridPicks(["CPU": 1], in: half, preferred: nodeID(1)) == [nodeID(2)])
        #expect(hybridPicks(["CPU": 1], in: packed, preferred: nodeID(2)) == [nodeID(2)])
    }

    @Test("the least utilised above the threshold wins")
    func leastUtilised() {
        let view = clusterView([
            viewNode(1, ["CPU": 4], available: ["CPU": 1]),           // 0.75
            viewNode(2, ["CPU": 8, "memory": 4], available: ["CPU": 8, "memory": 1]), // 0.75 via memory
            viewNode(3, ["CPU": 10], available: ["CPU": 4]),          // 0.6
        ])
        #expect(hybridPicks(["CPU": 1], in: view) == [nodeID(3)])
    }

    @Test("with 10 idle nodes (k = 2) the pick is random among the two lowest ids only")
    func topKRandom() {
        let view = idleCPUView(10)
        #expect(hybridPicks(["CPU": 1], in: view) == [nodeID(1), nodeID(2)])
        // 15 nodes: k = 3.
        #expect(hybridPicks(["CPU": 1], in: idleCPUView(15)) == [nodeID(1), nodeID(2), nodeID(3)])
        // A larger topKAbsolute widens it.
        #expect(hybridPicks(["CPU": 1], in: view, policy: HybridPolicy(topKAbsolute: 4))
                == [nodeID(1), nodeID(2), nodeID(3), nodeID(4)])
    }

    @Test("top k is taken after sorting by score: busier low ids are skipped")
    func topKByScore() {
        // 12 nodes, k = 2; nodes 1…4 at 75 %, the rest idle.
        let nodes = (1...12).map { n -> ClusterResourceView.Node in
            n <= 4 ? viewNode(UInt8(n), ["CPU": 4], available: ["CPU": 1]) : viewNode(UInt8(n), ["CPU": 4])
        }
        var shuffle = SplitMix64(seed: 42)
        #expect(hybridPicks(["CPU": 1], in: clusterView(nodes.shuffled(using: &shuffle))) == [nodeID(5), nodeID(6)])
    }

    @Test("the same seed gives the same node; the pick depends on the seed")
    func deterministic() {
        let view = idleCPUView(20)   // k = 4
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7)
        let first = (0..<20).map { _ in HybridPolicy().select(resources(["CPU": 1]), in: view, preferredNode: nil, requireAvailable: false, rng: &a) }
        let second = (0..<20).map { _ in HybridPolicy().select(resources(["CPU": 1]), in: view, preferredNode: nil, requireAvailable: false, rng: &b) }
        #expect(first == second)
        #expect(Set(first.map { $0?.nodeID }).count > 1)
    }

    @Test("the preferred node wins ties, even outside the top k")
    func preferredOnTies() {
        let view = idleCPUView(10)
        #expect(hybridPicks(["CPU": 1], in: view, preferred: nodeID(7)) == [nodeID(7)])
        // Ties above the threshold count too.
        let busy = clusterView((1...3).map { viewNode(UInt8($0), ["CPU": 4], available: ["CPU": 1]) })
        #expect(hybridPicks(["CPU": 1], in: busy, preferred: nodeID(3)) == [nodeID(3)])
    }

    @Test("the preferred node loses when worse, when it cannot hold the request, or when it is only busy")
    func preferredLoses() {
        var nodes = (1...10).map { viewNode(UInt8($0), ["CPU": 4]) }
        nodes[6] = viewNode(7, ["CPU": 4], available: ["CPU": 1.5])          // 62.5 %
        #expect(hybridPicks(["CPU": 1], in: clusterView(nodes), preferred: nodeID(7)) == [nodeID(1), nodeID(2)])
        nodes[6] = viewNode(7, ["CPU": 1])                                    // too small for 2 CPU
        #expect(hybridPicks(["CPU": 2], in: clusterView(nodes), preferred: nodeID(7)) == [nodeID(1), nodeID(2)])
        nodes[6] = viewNode(7, ["CPU": 4], available: ["CPU": 3])             // busy for 4 CPU
        #expect(hybridPicks(["CPU": 4], in: clusterView(nodes), preferred: nodeID(7)) == [nodeID(1), nodeID(2)])
        #expect(hybridPicks(["CPU": 1], in: clusterView(nodes), preferred: nodeID(99)) == [nodeID(1), nodeID(2)])
    }

    @Test("available nodes beat busy ones whatever their scores")
    func availableFirst() {
        let view = clusterView([
            viewNode(1, ["CPU": 4, "GPU": 1], available: ["CPU": 4]),          // idle CPU, GPU taken
            viewNode(2, ["CPU": 4, "GPU": 1], available: ["CPU": 0.5, "GPU": 1]),
        ])
        var rng = SplitMix64(seed: 1)
        let choice = HybridPolicy().select(resources(["GPU": 1]), in: view, preferredNode: nodeID(1),
                                           requireAvailable: false, rng: &rng)
        #expect(choice == NodeChoice(nodeID: nodeID(2), availableNow: true))
    }

    @Test("only busy nodes: chosen among them unless availability is required; none feasible: nil")
    func busyOnly() {
        let view = clusterView([
            viewNode(1, ["CPU": 4], available: ["CPU": 1]),     // 0.75
            viewNode(2, ["CPU": 4], available: ["CPU": 1.5]),   // 0.625
            viewNode(3, ["CPU": 1]),
        ])
        var rng = SplitMix64(seed: 3)
        let p = HybridPolicy()
        #expect(p.select(resources(["CPU": 2]), in: view, preferredNode: nil, requireAvailable: false, rng: &rng)
                == NodeChoice(nodeID: nodeID(2), availableNow: false))
        #expect(p.select(resources(["CPU": 2]), in: view, preferredNode: nil, requireAvailable: true, rng: &rng) == nil)
        #expect(p.select(resources(["CPU": 5]), in: view, preferredNode: nil, requireAvailable: false, rng: &rng) == nil)
        #expect(p.select(resources(["CPU": 1]), in: ClusterResourceView(), preferredNode: nil, requireAvailable: false, rng: &rng) == nil)
    }

    @Test("an empty request fits every node, even one with nothing")
    func emptyRequest() {
        let view = clusterView([viewNode(2, [:]), viewNode(1, ["CPU": 1], available: [:])])
        // Node 1 scores 1.0, node 2 scores 0.
        #expect(hybridPicks([:], in: view) == [nodeID(2)])
        #expect(hybridPicks([:], in: view, preferred: nodeID(1)) == [nodeID(2)])
    }

    @Test("a request without GPU prefers a GPU-less node even when the GPU node is idler or preferred")
    func avoidGPU() {
        let view = clusterView([
            viewNode(1, ["CPU": 8, "GPU": 2]),                                 // idle GPU node
            viewNode(2, ["CPU": 4], available: ["CPU": 1]),                    // 75 % CPU-only node
        ])
        #expect(hybridPicks(["CPU": 1], in: view) == [nodeID(2)])
        #expect(hybridPicks(["CPU": 1], in: view, preferred: nodeID(1)) == [nodeID(2)])
        // With avoidance off the idle GPU node wins.
        #expect(hybridPicks(["CPU": 1], in: view, policy: HybridPolicy(avoidGPUNodes: false)) == [nodeID(1)])
    }

    @Test("a GPU request goes to a GPU node")
    func gpuRequest() {
        let view = clusterView([viewNode(1, ["CPU": 8]), viewNode(2, ["CPU": 4, "GPU": 1], available: ["CPU": 1, "GPU": 1])])
        #expect(hybridPicks(["CPU": 1, "GPU": 1], in: view, preferred: nodeID(1)) == [nodeID(2)])
    }

    @Test("falls back to a GPU node when no GPU-less node can run the request now")
    func gpuFallback() {
        var rng = SplitMix64(seed: 5)
        let p = HybridPolicy()
        // The CPU-only node is busy: the available GPU node wins over waiting.
        let busyCPU = clusterView([viewNode(1, ["CPU": 4], available: ["CPU": 0.5]), viewNode(2, ["CPU": 4, "GPU": 1])])
        #expect(p.select(resources(["CPU": 1]), in: busyCPU, preferredNode: nodeID(1), requireAvailable: false, rng: &rng)
                == NodeChoice(nodeID: nodeID(2), availableNow: true))
        // The CPU-only node is too small.
        let small = clusterView([viewNode(1, ["CPU": 1]), viewNode(2, ["CPU": 4, "GPU": 1])])
        #expect(p.select(resources(["CPU": 2]), in: small, preferredNode: nil, requireAvailable: true, rng: &rng)
                == NodeChoice(nodeID: nodeID(2), availableNow: true))
        // Every node busy: the second round over all nodes may wait on any of them.
        let allBusy = clusterView([viewNode(1, ["CPU": 4], available: ["CPU": 0.5]),
                                   viewNode(2, ["CPU": 4, "GPU": 1], available: ["GPU": 1])])
        let choice = p.select(resources(["CPU": 1]), in: allBusy, preferredNode: nil, requireAvailable: false, rng: &rng)
        #expect(choice == NodeChoice(nodeID: nodeID(1), availableNow: false))   // 0.875 < 1.0
        #expect(p.select(resources(["CPU": 1]), in: allBusy, preferredNode: nil, requireAvailable: true, rng: &rng) == nil)
    }
}

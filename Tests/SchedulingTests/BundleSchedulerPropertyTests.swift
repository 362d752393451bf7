import ClusterState
import Scheduling
import Testing

/// Seeded random clusters and groups: whatever the input, the answer is deterministic and
/// respects the strategy and the nodes' capacities.
@Suite("BundleScheduler: properties over seeded random inputs")
struct BundleSchedulerPropertyTests {
    static func randomCase(_ rng: inout SplitMix64) -> (nodes: [BundleCandidate], bundles: [BundleRequest]) {
        let names = ["CPU", "GPU", "memory", "foo"]
        let nodeCount = Int.random(in: 1...4, using: &rng)
        var nodes: [BundleCandidate] = []
        for n in 0..<nodeCount {
            var total: [String: Double] = ["CPU": Double(Int.random(in: 1...4, using: &rng))]
            if Bool.random(using: &rng) { total["GPU"] = Double(Int.random(in: 1...2, using: &rng)) }
            if Bool.random(using: &rng) { total["foo"] = 1 }
            if Bool.random(using: &rng) { total["memory"] = 100 }
            var available = total
            for (k, v) in total where Bool.random(using: &rng) {
                available[k] = Double(Int.random(in: 0...Int(v * 4), using: &rng)) / 4
            }
            nodes.append(candidate(UInt8(n + 1), total, available: available))
        }
        let bundleCount = Int.random(in: 1...4, using: &rng)
        var bundles: [[String: Double]] = []
        for _ in 0..<bundleCount {
            var b: [String: Double] = [:]
            while b.isEmpty {
                for name in names where Int.random(in: 0..<3, using: &rng) == 0 {
                    b[name] = Double(Int.random(in: 1...8, using: &rng)) / 4
                }
            }
            bundles.append(b)
        }
        return (nodes, bundleList(bundles))
    }

    @Test("deterministic, complete, within capacity, and strict strategies hold", arguments: PlacementStrategy.allCases)
    func invariants(strategy: PlacementStrategy) {
        var rng = SplitMix64(seed: 0x5eed_0000 + UInt64(strategy.rawValue.count))
        var kinds: [PlacementKind: Int] = [:]
        for _ in 0..<400 {
            let (nodes, bundles) = Self.randomCase(&rng)
            let r = BundleScheduler.schedule(bundles, strategy: strategy, nodes: nodes)
            #expect(BundleScheduler.schedule(bundles, strategy: strategy, nodes: nodes) == r)
            kinds[r.kind, default: 0] += 1
            switch r {
            case .placed(let map):
                #expect(Set(map.keys) == Set(bundles.map(\.index)))
                var used: [NodeID: ResourceSet] = [:]
                for bundle in bundles { used[map[bundle.index]!, default: ResourceSet()].add(bundle.resources) }
                for (id, sum) in used {
                    let node = nodes.first { $0.nodeID == id }!
                    #expect(node.available.contains(sum), "\(sum) on \(node.available)")
                }
                if strategy == .strictPack { #expect(Set(map.values).count == 1) }
                if strategy == .strictSpread { #expect(Set(map.values).count == bundles.count) }
            case .retryLater(let reason), .infeasible(let reason):
                #expect(reason.hasSuffix("."))
                #expect(reason.contains(strategy.rawValue))
            }
            // On the idle cluster the answer is never "retry later": idle either places or is infeasible.
            let idle = nodes.map { BundleCandidate(nodeID: $0.nodeID, total: $0.total, available: $0.total) }
            let idleResult = BundleScheduler.schedule(bundles, strategy: strategy, nodes: idle)
            #expect(idleResult.kind != .retryLater)
            // Infeasible does not depend on what is available now.
            #expect((r.kind == .infeasible) == (idleResult.kind == .infeasible))
        }
        // The generator exercises every outcome.
        #expect(kinds.count == 3, "\(kinds)")
    }

    @Test("the bundles' input order does not change where each bundle goes when they are all different")
    func inputOrder() {
        let nodes = referenceCluster()
        let bundles = [BundleRequest(index: 0, resources: resources(["CPU": 1])),
                       BundleRequest(index: 1, resources: resources(["GPU": 1])),
                       BundleRequest(index: 2, resources: resources(["foo": 1]))]
        for strategy in PlacementStrategy.allCases {
            #expect(BundleScheduler.schedule(bundles, strategy: strategy, nodes: nodes)
                    == BundleScheduler.schedule(bundles.reversed(), strategy: strategy, nodes: nodes))
        }
    }
}

import ClusterState
import Scheduling
import Testing

@Suite("LeastResourceScorer")
struct LeastResourceScorerTests {
    @Test("score = Σ (available − requested) / available over requested resources", arguments: [
        (["CPU": 1.0], ["CPU": 4.0], 0.75),
        (["CPU": 1, "GPU": 1], ["CPU": 2, "GPU": 4], 1.25),
        (["CPU": 2], ["CPU": 2, "GPU": 4], 0.0),           // exact fill: fits, scores 0
        (["CPU": 0.5], ["CPU": 2, "memory": 10], 0.75),    // unrequested resources do not count
        (["foo": 1, "CPU": 1], ["CPU": 4, "foo": 4], 1.5),
        (["CPU": 3], ["CPU": 2], -1.0),                     // does not fit
        (["bar": 1], ["CPU": 2], -1.0),
        ([:], ["CPU": 2], 0.0),                             // an empty bundle fits anywhere
    ])
    func score(request: [String: Double], available: [String: Double], expected: Double) {
        #expect(LeastResourceScorer.score(resources(request), on: NodeCapacity(resources(available))) == expected)
    }

    @Test("a GPU request that does not fit one instance scores −1 even when the aggregate is enough")
    func instanceAware() {
        let cap = NodeCapacity(ResourceSet(), instances: ["GPU": [ResourceQuantity(0.5), ResourceQuantity(0.5)]])
        #expect(LeastResourceScorer.score(resources(["GPU": 1]), on: cap) == -1)
        #expect(LeastResourceScorer.score(resources(["GPU": 0.5]), on: cap) == 0.5)
    }
}

import ClusterState
import Scheduling
import Testing

private func q(_ d: Double) -> ResourceQuantity { ResourceQuantity(d) }

@Suite("NodeCapacity: instance-aware reservation")
struct NodeCapacityTests {
    @Test("unit instances are derived as whole instances plus a remainder", arguments: [
        (2.5, [1.0, 1.0, 0.5]), (2.0, [1.0, 1.0]), (0.3, [0.3]), (0.0, []),
    ])
    func derived(amount: Double, expected: [Double]) {
        let cap = NodeCapacity(resources(["GPU": amount, "CPU": 4]))
        #expect(cap.instances["GPU", default: []] == expected.map(q))
        #expect(cap.instances["CPU"] == nil)
        #expect(cap.amounts["GPU"] == q(amount))
    }

    @Test("explicit instances win and set the aggregate")
    func explicit() {
        let cap = NodeCapacity(resources(["GPU": 2]), instances: ["GPU": [q(0.5), q(0.5)], "CPU": [q(9)]])
        #expect(cap.amounts["GPU"] == q(1))
        #expect(cap.instances["CPU"] == nil)
    }

    @Test("two GPUs with 0.5 free each cannot hold a 1.0 GPU request, but hold two 0.5 requests")
    func fragmented() {
        let cap = NodeCapacity(resources([:]), instances: ["GPU": [q(0.5), q(0.5)]])
        #expect(!cap.canAllocate(resources(["GPU": 1])))
        let once = cap.allocating(resources(["GPU": 0.5]))
        #expect(once?.instances["GPU"] == [q(0), q(0.5)])
        let twice = once?.allocating(resources(["GPU": 0.5]))
        #expect(twice?.amounts["GPU"] == .zero)
        #expect(twice?.allocating(resources(["GPU": 0.1])) == nil)
    }

    @Test("fractional requests go to the best-fitting instance", arguments: [
        (0.25, [1.0, 0.05, 0.6]), (0.5, [1.0, 0.3, 0.1]), (0.3, [1.0, 0.0, 0.6]), (0.7, [0.3, 0.3, 0.6]),
    ])
    func bestFit(request: Double, expected: [Double]) {
        let cap = NodeCapacity(resources([:]), instances: ["GPU": [q(1), q(0.3), q(0.6)]])
        #expect(cap.allocating(resources(["GPU": request]))?.instances["GPU"] == expected.map(q))
    }

    @Test("whole requests need completely free instances")
    func whole() {
        let cap = NodeCapacity(resources([:]), instances: ["GPU": [q(1), q(0.5), q(1)]])
        #expect(cap.allocating(resources(["GPU": 2]))?.instances["GPU"] == [q(0), q(0.5), q(0)])
        #expect(cap.allocating(resources(["GPU": 3])) == nil)  // 2.5 free in aggregate, 2 whole
        #expect(cap.allocating(resources(["GPU": 1]))?.instances["GPU"] == [q(0), q(0.5), q(1)])
    }

    @Test("a non-whole amount above one takes whole instances plus a part of another")
    func aboveOne() {
        let free = NodeCapacity(resources(["GPU": 2]))
        #expect(free.allocating(resources(["GPU": 1.5]))?.instances["GPU"] == [q(0), q(0.5)])
        let partial = NodeCapacity(resources([:]), instances: ["GPU": [q(1), q(0.4)]])
        #expect(partial.allocating(resources(["GPU": 1.5])) == nil)
    }

    @Test("other unit-instance resources (TPU) behave like GPU; CPU is plain")
    func otherResources() {
        let cap = NodeCapacity(resources(["CPU": 1.5, "TPU": 1.5]))
        #expect(cap.canAllocate(resources(["CPU": 1.5])))
        #expect(cap.allocating(resources(["TPU": 1.5]))?.amounts["TPU"] == .zero)
        #expect(cap.canAllocate(resources(["TPU": 1])))
        #expect(!cap.canAllocate(resources(["TPU": 0.6, "CPU": 2])))
        #expect(cap.allocating(resources(["TPU": 0.5]))?.instances["TPU"] == [q(1), q(0)])
    }

    @Test("requests of absent resources and over-large plain requests do not fit")
    func missing() {
        let cap = NodeCapacity(resources(["CPU": 2, "foo": 1]))
        #expect(!cap.canAllocate(resources(["bar": 1])))
        #expect(!cap.canAllocate(resources(["CPU": 2.0001])))
        #expect(cap.canAllocate(resources(["CPU": 2, "foo": 1])))
        #expect(cap.canAllocate(ResourceSet()))
    }
}

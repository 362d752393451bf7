import ClusterState
import Scheduling
import Testing

@Suite("BundleOrder: scarcity first")
struct BundleOrderTests {
    @Test("GPU first, then custom resources by name, then object_store_memory, memory, CPU")
    func fullOrder() {
        let bundles = bundleList([
            ["CPU": 4], ["GPU": 1], ["CPU": 1, "GPU": 2], ["memory": 100],
            ["object_store_memory": 5], ["foo": 1], ["bar": 1],
        ])
        #expect(BundleOrder.scarcityFirst(bundles).map(\.index) == [2, 1, 6, 5, 4, 3, 0])
    }

    @Test("equal bundles keep their order (stable)", arguments: [1, 2, 5, 17])
    func stable(count: Int) {
        let bundles = bundleList(Array(repeating: ["CPU": 1], count: count))
        #expect(BundleOrder.scarcityFirst(bundles).map(\.index) == Array(0..<count))
    }

    @Test("ties on the first key fall through to the next keys")
    func fallThrough() {
        let bundles = bundleList([["GPU": 1, "CPU": 1], ["GPU": 1, "CPU": 2], ["GPU": 1, "foo": 0.5, "CPU": 1]])
        #expect(BundleOrder.scarcityFirst(bundles).map(\.index) == [2, 1, 0])
    }

    @Test("custom resources compare in code-point name order (uppercase first)")
    func customNameOrder() {
        let bundles = bundleList([["abc": 5], ["Zed": 1], ["abc": 1, "Zed": 1]])
        #expect(BundleOrder.keys(for: bundles.map(\.resources)) == ["GPU", "Zed", "abc", "object_store_memory", "memory", "CPU"])
        // Zed first: 2 and 1 tie on Zed (1), then abc decides (2 has 1, 1 has 0), then 0.
        #expect(BundleOrder.scarcityFirst(bundles).map(\.index) == [2, 1, 0])
    }

    @Test("larger fractional amounts come first and indexes are kept")
    func fractional() {
        let bundles = [BundleRequest(index: 7, resources: resources(["GPU": 0.25])),
                       BundleRequest(index: 3, resources: resources(["GPU": 0.5])),
                       BundleRequest(index: 9, resources: resources(["CPU": 8]))]
        #expect(BundleOrder.scarcityFirst(bundles).map(\.index) == [3, 7, 9])
    }

    @Test("an empty list stays empty")
    func empty() { #expect(BundleOrder.scarcityFirst([]).isEmpty) }
}

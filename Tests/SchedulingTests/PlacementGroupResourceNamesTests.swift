import ClusterState
import Scheduling
import Testing

private let group = PlacementGroupID(uncheckedBytes: [UInt8](repeating: 0xab, count: 14) + [1, 0, 0, 0])
private let pg = "abababababababababababababab01000000"

@Suite("PlacementGroupResourceNames")
struct PlacementGroupResourceNamesTests {
    @Test("names")
    func names() {
        #expect(group.hex == pg)
        #expect(PlacementGroupResourceNames.indexed("CPU", bundleIndex: 3, group: group) == "CPU_group_3_\(pg)")
        #expect(PlacementGroupResourceNames.wildcard("GPU", group: group) == "GPU_group_\(pg)")
        #expect(PlacementGroupResourceNames.wildcard("bundle", group: group) == "bundle_group_\(pg)")
    }

    @Test("one committed bundle")
    func committedOne() {
        let gained = PlacementGroupResourceNames.committed(bundleIndex: 0, resources: resources(["CPU": 1, "GPU": 0.5]), group: group)
        #expect(gained == resources([
            "CPU_group_0_\(pg)": 1, "CPU_group_\(pg)": 1,
            "GPU_group_0_\(pg)": 0.5, "GPU_group_\(pg)": 0.5,
            "bundle_group_0_\(pg)": 1000, "bundle_group_\(pg)": 1000,
        ]))
    }

    @Test("several bundles of one group on one node: wildcards are summed, bundle_group is 1000 × count")
    func committedSeveral() {
        let bundles = [BundleRequest(index: 0, resources: resources(["CPU": 1])),
                       BundleRequest(index: 2, resources: resources(["CPU": 2, "foo": 0.25]))]
        let gained = PlacementGroupResourceNames.committed(bundles: bundles, group: group)
        #expect(gained == resources([
            "CPU_group_0_\(pg)": 1, "CPU_group_2_\(pg)": 2, "CPU_group_\(pg)": 3,
            "foo_group_2_\(pg)": 0.25, "foo_group_\(pg)": 0.25,
            "bundle_group_0_\(pg)": 1000, "bundle_group_2_\(pg)": 1000, "bundle_group_\(pg)": 2000,
        ]))
        #expect(PlacementGroupResourceNames.committed(bundles: [], group: group).isEmpty)
    }

    @Test("request for any bundle (index −1)")
    func requestAny() {
        let r = PlacementGroupResourceNames.request(resources(["CPU": 1, "GPU": 0.5]), group: group, bundleIndex: -1)
        #expect(r == resources(["CPU_group_\(pg)": 1, "GPU_group_\(pg)": 0.5, "bundle_group_\(pg)": 0.001]))
        #expect(r["bundle_group_\(pg)"].raw == 10)
    }

    @Test("request for bundle i: indexed and wildcard names plus both bundle_group entries")
    func requestIndexed() {
        let r = PlacementGroupResourceNames.request(resources(["CPU": 2]), group: group, bundleIndex: 1)
        #expect(r == resources([
            "CPU_group_\(pg)": 2, "CPU_group_1_\(pg)": 2,
            "bundle_group_\(pg)": 0.001, "bundle_group_1_\(pg)": 0.001,
        ]))
    }

    @Test("a request without resources needs only the bundle_group entries", arguments: [-1, 0])
    func requestEmpty(index: Int) {
        let r = PlacementGroupResourceNames.request(ResourceSet(), group: group, bundleIndex: index)
        var expected = ["bundle_group_\(pg)": 0.001]
        if index >= 0 { expected["bundle_group_0_\(pg)"] = 0.001 }
        #expect(r == resources(expected))
    }

    @Test("a request fits exactly the node holding the bundle it targets")
    func requestFitsCommitted() {
        let node = PlacementGroupResourceNames.committed(bundleIndex: 1, resources: resources(["CPU": 2]), group: group)
        #expect(node.contains(PlacementGroupResourceNames.request(resources(["CPU": 2]), group: group, bundleIndex: 1)))
        #expect(node.contains(PlacementGroupResourceNames.request(resources(["CPU": 1]), group: group, bundleIndex: -1)))
        #expect(!node.contains(PlacementGroupResourceNames.request(resources(["CPU": 1]), group: group, bundleIndex: 0)))
        #expect(!node.contains(PlacementGroupResourceNames.request(resources(["CPU": 3]), group: group, bundleIndex: -1)))
    }
}

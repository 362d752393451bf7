import ClusterState
import Testing
@testable import Runtime

@Suite("GCS tables")
struct GcsTablesTests {
    private func group(_ n: Int) -> PlacementGroupInfo {
        let id = PlacementGroupID(uncheckedBytes: [UInt8(n / 256), UInt8(n % 256)] + [UInt8](repeating: 7, count: 12)
                                  + JobID(counter: 1).bytes)
        var cpu = ResourceSet()
        cpu["CPU"] = ResourceQuantity(units: 1)
        return PlacementGroupInfo(id: id, name: "", namespace: "ns", strategy: .pack,
                                  bundles: [OrderedResources(keys: ["CPU"], set: cpu)], isDetached: true, receivedNs: 1)
    }

    @Test("only the `retention` most recently created REMOVED groups stay in memory, as in the store; live ones always stay")
    func removedGroupsAreTrimmed() {
        var tables = GcsTables(snapshot: StateStoreSnapshotAdapter(nodes: [], jobs: [], placementGroups: []), retention: 3)
        let groups = (0..<10).map(group)
        for g in groups { tables.put(g) }
        // Remove out of creation order: 5, 1, 2, 8, 0 — five removed, retention 3.
        for n in [5, 1, 2, 8, 0] {
            var g = groups[n]
            _ = g.markRemoved()
            tables.put(g)
        }
        // The store drops the oldest-created removed rows first: 0, 1 (then keeps 2, 5, 8).
        #expect(tables.allGroups.map(\.id) == [2, 3, 4, 5, 6, 7, 8, 9].map { groups[$0].id })
        #expect(tables.groups.count == 8)
        #expect(tables.allGroups.filter { $0.state == .removed }.map(\.id) == [2, 5, 8].map { groups[$0].id })
        // Updating a kept REMOVED group again does not count it twice.
        var again = groups[8]
        _ = again.markRemoved()
        tables.put(again)
        #expect(tables.groups.count == 8)
    }

    @Test("memory stays bounded when many groups are created and removed")
    func boundedUnderChurn() {
        var tables = GcsTables(snapshot: StateStoreSnapshotAdapter(nodes: [], jobs: [], placementGroups: []), retention: 100)
        for n in 0..<5_000 {
            var g = group(n)
            tables.put(g)
            _ = g.markRemoved()
            tables.put(g)
        }
        #expect(tables.groups.count == 100)
        #expect(tables.allGroups.count == 100)
        #expect(tables.allGroups.first?.id == group(4_900).id)
    }
}

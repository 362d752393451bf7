import ClusterState
import Scheduling
import Testing

@Suite("NodeBundleLedger")
struct NodeBundleLedgerTests {
    let group = PlacementGroupID(uncheckedBytes: [UInt8](repeating: 0xab, count: 14) + JobID(counter: 1).bytes)

    func formatted(_ index: Int, _ r: ResourceSet) -> ResourceSet {
        var out = ResourceSet()
        for name in r.names {
            out["\(name)_group_\(index)_\(group.hex)"] = r[name]
            out["\(name)_group_\(group.hex)"] = r[name]
        }
        return out
    }

    @Test("prepare reserves all bundles or none")
    func prepareAllOrNothing() {
        var ledger = NodeBundleLedger()
        var available = ResourceSet(doubles: ["CPU": 2, "GPU": 1])
        let tooMuch = ledger.prepare(group: group, bundles: [(0, ResourceSet(doubles: ["CPU": 1])), (1, ResourceSet(doubles: ["GPU": 2]))],
                                     available: &available)
        #expect(tooMuch?.contains("Bundle 1 {'GPU': 2.0}") == true)
        #expect(tooMuch?.contains("GPU (needs 2.0, 1.0 available)") == true)
        #expect(available == ResourceSet(doubles: ["CPU": 2, "GPU": 1]))
        #expect(ledger.holds.isEmpty)
        #expect(ledger.prepare(group: group, bundles: [(0, ResourceSet(doubles: ["CPU": 1, "GPU": 1]))], available: &available) == nil)
        #expect(available == ResourceSet(doubles: ["CPU": 1]))
        // A retried prepare is a no-op.
        #expect(ledger.prepare(group: group, bundles: [(0, ResourceSet(doubles: ["CPU": 1, "GPU": 1]))], available: &available) == nil)
        #expect(available == ResourceSet(doubles: ["CPU": 1]))
    }

    @Test("commit adds formatted resources; release returns everything")
    func commitAndRelease() {
        var ledger = NodeBundleLedger()
        var total = ResourceSet(doubles: ["CPU": 2, "GPU": 2])
        var available = total
        let bundle = ResourceSet(doubles: ["CPU": 1, "GPU": 1])
        #expect(ledger.prepare(group: group, bundles: [(0, bundle)], available: &available) == nil)
        #expect(ledger.commit(group: group, indexes: [0, 1], formatted: formatted, total: &total, available: &available) == [1])
        #expect(ledger.commit(group: group, indexes: [0], formatted: formatted, total: &total, available: &available).isEmpty)
        #expect(total["CPU_group_\(group.hex)"] == ResourceQuantity(units: 1))
        #expect(available["CPU"] == ResourceQuantity(units: 1))
        #expect(available["CPU_group_0_\(group.hex)"] == ResourceQuantity(units: 1))
        #expect(ledger.committedBundles.count == 1)
        let released = ledger.release(group: group, indexes: nil, formatted: formatted, total: &total, available: &available)
        #expect(released == [0])
        #expect(total == ResourceSet(doubles: ["CPU": 2, "GPU": 2]))
        #expect(available == total)
        #expect(ledger.holds.isEmpty)
        #expect(ledger.release(group: group, indexes: [0], formatted: formatted, total: &total, available: &available).isEmpty)
    }

    @Test("cancelling a prepared bundle returns its resources")
    func cancelPrepared() {
        var ledger = NodeBundleLedger()
        var total = ResourceSet(doubles: ["CPU": 4])
        var available = total
        #expect(ledger.prepare(group: group, bundles: [(0, ResourceSet(doubles: ["CPU": 1.5])), (1, ResourceSet(doubles: ["CPU": 0.5]))],
                               available: &available) == nil)
        #expect(available == ResourceSet(doubles: ["CPU": 2]))
        #expect(ledger.release(group: group, indexes: [1], formatted: formatted, total: &total, available: &available) == [1])
        #expect(available == ResourceSet(doubles: ["CPU": 2.5]))
        ledger.release(group: group, indexes: nil, formatted: formatted, total: &total, available: &available)
        #expect(available == total)
    }
}

extension NodeBundleLedgerTests {
    @Test("the version counts changes only: a retried prepare, an empty commit or an unknown release leave it")
    func versionCountsChanges() {
        var ledger = NodeBundleLedger()
        var total = ResourceSet(doubles: ["CPU": 2])
        var available = total
        let one = ResourceSet(doubles: ["CPU": 1])
        #expect(ledger.version == 0)
        #expect(ledger.prepare(group: group, bundles: [(0, one)], available: &available) == nil)
        #expect(ledger.version == 1)
        #expect(ledger.prepare(group: group, bundles: [(0, one)], available: &available) == nil)
        #expect(ledger.prepare(group: group, bundles: [(1, ResourceSet(doubles: ["CPU": 5]))], available: &available) != nil)
        #expect(ledger.version == 1)
        #expect(ledger.commit(group: group, indexes: [0], formatted: formatted, total: &total, available: &available).isEmpty)
        #expect(ledger.version == 2)
        #expect(ledger.commit(group: group, indexes: [0], formatted: formatted, total: &total, available: &available).isEmpty)
        #expect(ledger.version == 2)
        #expect(ledger.release(group: group, indexes: [7], formatted: formatted, total: &total, available: &available).isEmpty)
        #expect(ledger.version == 2)
        #expect(ledger.release(group: group, indexes: nil, formatted: formatted, total: &total, available: &available) == [0])
        #expect(ledger.version == 3)
        #expect(ledger.holds.isEmpty && available == ResourceSet(doubles: ["CPU": 2]))
    }
}

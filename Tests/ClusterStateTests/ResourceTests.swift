import ClusterState
import Testing

@Suite("ResourceQuantity")
struct ResourceQuantityTests {
    @Test("double conversion truncates toward zero like Ray's FixedPoint", arguments: [
        (0.00015, Int64(1)), (0.0001, 1), (0.00009, 0), (1.0, 10_000), (0.5, 5_000), (1.99999, 19_999),
        (0.3, 3_000), (2.0001, 20_001), (-0.00015, -1), (-1.99999, -19_999), (0, 0), (100e12, 1_000_000_000_000_000_000),
    ])
    func truncation(value: Double, raw: Int64) {
        #expect(ResourceQuantity(value).raw == raw)
    }

    @Test("0.00015 prints as 0.0001")
    func precision() {
        #expect(ResourceQuantity(0.00015).description == "0.0001")
        #expect(ResourceQuantity(0.00009).description == "0.0")
    }

    @Test("sums are exact: 0.1 + 0.2 prints 0.3")
    func exactSums() {
        let sum = ResourceQuantity(0.1) + ResourceQuantity(0.2)
        #expect(sum.description == "0.3")
        #expect(sum == ResourceQuantity(0.3))
        var q = ResourceQuantity(units: 3)
        for _ in 0..<10 { q -= ResourceQuantity(0.1) }
        #expect(q.description == "2.0")
        q += ResourceQuantity(0.7)
        #expect(q.description == "2.7")
        #expect((ResourceQuantity(units: 3) - ResourceQuantity(2.7)).description == "0.3")
    }

    @Test("description per Python float repr", arguments: [
        (Int64(10_000), "1.0"), (0, "0.0"), (1, "0.0001"), (5, "0.0005"), (3_000, "0.3"), (12_345, "1.2345"),
        (-10_000, "-1.0"), (1_000_000_000_000_000_000, "100000000000000.0"), (80_000, "8.0"),
    ])
    func description(raw: Int64, expected: String) {
        #expect(ResourceQuantity(raw: raw).description == expected)
    }

    @Test("units, whole, comparison, double value")
    func basics() {
        #expect(ResourceQuantity(units: 4).raw == 40_000)
        #expect(ResourceQuantity(units: 4).isWhole)
        #expect(!ResourceQuantity(0.5).isWhole)
        #expect(ResourceQuantity.zero.raw == 0)
        #expect(ResourceQuantity(0.5) < ResourceQuantity(units: 1))
        #expect(ResourceQuantity(0.3).doubleValue == 0.3)
        #expect(ResourceQuantity.scale == 10_000)
    }
}

@Suite("ResourceSet")
struct ResourceSetTests {
    @Test("zero amounts are dropped")
    func zeros() {
        let set = ResourceSet(doubles: ["CPU": 2, "GPU": 0, "tiny": 0.00001])
        #expect(set.names == ["CPU"])
        #expect(set == ResourceSet(doubles: ["CPU": 2]))
        #expect(ResourceSet(raw: ["a": 0, "b": 5]).raw == ["b": 5])
        var s = set
        s["CPU"] = .zero
        #expect(s.isEmpty)
        #expect(s == ResourceSet())
        #expect(s["missing"] == .zero)
    }

    @Test("subtracting to zero removes the key")
    func subtractToZero() {
        var s = ResourceSet(doubles: ["CPU": 1, "GPU": 1])
        s.subtract(ResourceSet(doubles: ["CPU": 1]))
        #expect(s.names == ["GPU"])
        #expect(s.amounts["CPU"] == nil)
    }

    @Test("contains")
    func contains() {
        let node = ResourceSet(doubles: ["CPU": 4, "GPU": 1, "memory": 1000])
        #expect(node.contains(ResourceSet(doubles: ["CPU": 4])))
        #expect(node.contains(ResourceSet(doubles: ["CPU": 0.5, "GPU": 1])))
        #expect(node.contains(ResourceSet()))
        #expect(!node.contains(ResourceSet(doubles: ["CPU": 4.0001])))
        #expect(!node.contains(ResourceSet(doubles: ["custom": 1])))
        #expect(ResourceSet().contains(ResourceSet()))
        #expect(!ResourceSet().contains(ResourceSet(doubles: ["CPU": 0.0001])))
    }

    @Test("add and subtract are exact")
    func arithmetic() {
        var s = ResourceSet(doubles: ["CPU": 0.1])
        s.add(ResourceSet(doubles: ["CPU": 0.2, "GPU": 1]))
        #expect(s.description == "{'CPU': 0.3, 'GPU': 1.0}")
        let d = ResourceSet(doubles: ["CPU": 3]) - ResourceSet(doubles: ["CPU": 2.7])
        #expect(d.description == "{'CPU': 0.3}")
        let sum = ResourceSet(doubles: ["a": 1]) + ResourceSet(doubles: ["b": 2])
        #expect(sum.raw == ["a": 10_000, "b": 20_000])
        var neg = ResourceSet(doubles: ["CPU": 1])
        neg.subtract(ResourceSet(doubles: ["CPU": 2]))
        #expect(neg["CPU"].raw == -10_000)
    }

    @Test("Python dict repr with code-point sorted keys")
    func repr() {
        let s = ResourceSet(doubles: ["memory": 1e9, "CPU": 8, "node:127.0.0.1": 1, "GPU": 2, "a": 0.5,
                                      "node:__internal_head__": 1, "Zz": 1, "object_store_memory": 5e8])
        #expect(s.names == ["CPU", "GPU", "Zz", "a", "memory", "node:127.0.0.1", "node:__internal_head__", "object_store_memory"])
        #expect(s.description == "{'CPU': 8.0, 'GPU': 2.0, 'Zz': 1.0, 'a': 0.5, 'memory': 1000000000.0, 'node:127.0.0.1': 1.0, 'node:__internal_head__': 1.0, 'object_store_memory': 500000000.0}")
        #expect(ResourceSet().description == "{}")
        #expect(ResourceSet(doubles: ["it's": 1]).description == "{\"it's\": 1.0}")
    }

    @Test("addClamped keeps the changed amounts within 0 … limit and leaves the others alone")
    func addClamped() {
        let total = ResourceSet(doubles: ["CPU": 4, "CPU_group_ab": 0.1])
        var available = ResourceSet(doubles: ["CPU": 3.5, "GPU": 1])
        available.addClamped(ResourceSet(doubles: ["CPU": 1, "CPU_group_ab": 0.2, "memory": 5]), upTo: total)
        #expect(available == ResourceSet(doubles: ["CPU": 4, "CPU_group_ab": 0.1, "GPU": 1]))
        available.addClamped(ResourceSet(doubles: ["CPU_group_ab": 0.3, "CPU": 1]), subtracting: true, upTo: total)
        #expect(available == ResourceSet(doubles: ["CPU": 3, "GPU": 1]))
        var unbounded = ResourceSet(doubles: ["CPU": 1])
        unbounded.addClamped(ResourceSet(doubles: ["CPU": 100, "X": 2]), upTo: nil)
        #expect(unbounded == ResourceSet(doubles: ["CPU": 101, "X": 2]))
        unbounded.addClamped(ResourceSet(doubles: ["X": 3]), subtracting: true, upTo: nil)
        #expect(unbounded == ResourceSet(doubles: ["CPU": 101]))
    }
}

@Suite("OrderedResources")
struct OrderedResourcesTests {
    @Test("keeps the written key order and drops zeros")
    func order() {
        let set = ResourceSet(doubles: ["GPU": 2, "CPU": 1, "zero": 0])
        let o = OrderedResources(keys: ["GPU", "zero", "CPU"], set: set)
        #expect(o.keys == ["GPU", "CPU"])
        #expect(o.pythonRepr == "{'GPU': 2.0, 'CPU': 1.0}")
        #expect(OrderedResources(keys: ["CPU", "GPU"], set: set).pythonRepr == "{'CPU': 1.0, 'GPU': 2.0}")
        #expect(OrderedResources(keys: [], set: ResourceSet()).pythonRepr == "{}")
        #expect(OrderedResources(keys: ["CPU"], set: ResourceSet(doubles: ["CPU": 0.5])).pythonRepr == "{'CPU': 0.5}")
    }
}

import ClusterState
import Testing

@Suite("NodeResourceSpec")
struct NodeResourceSpecTests {
    private func message(_ json: String) -> String? {
        do {
            _ = try NodeResourceSpec.parseCustomResources(json)
            return nil
        } catch {
            if case let .invalidResource(text) = error { return text }
            return "unexpected \(error)"
        }
    }

    @Test("valid custom resources", arguments: [
        ("{}", [String: Int64]()),
        ("{\"CustomResource3\": 1, \"CustomResource2\": 2}", ["CustomResource3": 1, "CustomResource2": 2]),
        ("{\"a\": 0}", [:]),
        ("{\"big\": 100000000000000}", ["big": 100_000_000_000_000]),
        ("{\"f\": 2.0}", ["f": 2]),
        ("  {\"x\" : 3 }  ", ["x": 3]),
        ("{\"accelerator_type:A100\": 1}", ["accelerator_type:A100": 1]),
        ("{\"日本\": 4}", ["日本": 4]),
    ])
    func valid(json: String, expected: [String: Int64]) throws {
        #expect(try NodeResourceSpec.parseCustomResources(json) == expected)
    }

    @Test("not JSON", arguments: ["{", "nope", "", "{'a': 1}", "{\"a\": }"])
    func notJSON(json: String) throws {
        let text = try #require(message(json))
        #expect(text.hasPrefix("`--resources=\(json)` is not a valid JSON string."))
        #expect(text.hasSuffix("Valid values look like this: `--resources='{\"CustomResource3\": 1, \"CustomResource2\": 2}'`"))
    }

    @Test("a trailing comma is not JSON (Python's json.loads refuses it)")
    func trailingComma() {
        #expect(message("{\"a\": 1,}") != nil)
    }

    @Test("JSON but not an object", arguments: ["[1, 2]", "1", "\"CPU\"", "null", "true"])
    func notObject(json: String) throws {
        let text = try #require(message(json))
        #expect(text.hasPrefix("`--resources=\(json)` must be a JSON object mapping resource names to quantities."))
    }

    @Test("default resources are refused", arguments: [
        ("CPU", "--num-cpus"), ("GPU", "--num-gpus"), ("memory", "--memory"),
        ("object_store_memory", "--object-store-memory"),
    ])
    func defaultResources(key: String, flag: String) throws {
        let text = try #require(message("{\"\(key)\": 1}"))
        #expect(text.hasPrefix("`\(key)` cannot be a custom resource because it is one of the default resources."))
        #expect(text.contains("Use `\(flag)` instead"))
    }

    @Test("node: names are reserved", arguments: ["node:__internal_head__", "node:127.0.0.1", "node:"])
    func reserved(key: String) throws {
        #expect(message("{\"\(key)\": 1}") == "`\(key)` is a reserved resource name, use another name instead.")
    }

    @Test("negative")
    func negative() {
        #expect(message("{\"a\": -1}") == "The quantity of resource 'a' cannot be negative. Violated by resource 'a' in {\"a\": -1}.")
    }

    @Test("fractional", arguments: ["0.5", "1.5", "1e-4"])
    func fractional(value: String) {
        let json = "{\"a\": \(value)}"
        #expect(message(json) == "Resource quantities must all be whole numbers. Violated by resource 'a' in \(json).")
    }

    @Test("non-numbers", arguments: [
        ("true", "true"), ("false", "false"), ("\"1\"", "'1'"), ("null", "null"), ("[1]", "a list"), ("{}", "an object"),
    ])
    func nonNumbers(value: String, shown: String) {
        #expect(message("{\"a\": \(value)}") == "The quantity of resource 'a' in `--resources` must be a number, got \(shown).")
    }

    @Test("more than 100e12")
    func tooLarge() {
        let json = "{\"a\": 100000000000001}"
        #expect(message(json) == "Resource quantities must be at most 100e12. Violated by resource 'a' in \(json).")
        #expect(message("{\"a\": 1e300}") != nil)
    }

    @Test("empty name")
    func emptyName() {
        #expect(message("{\"\": 1}") == "Resource names in `--resources` cannot be empty.")
    }

    @Test("the first bad key in sorted order is reported")
    func deterministicError() {
        let json = "{\"b\": -1, \"a\": 0.5}"
        #expect(message(json) == "Resource quantities must all be whole numbers. Violated by resource 'a' in \(json).")
    }

    @Test("totalResources on a worker")
    func workerTotals() {
        let spec = NodeResourceSpec(numCPUs: 4, numGPUs: 0, memoryBytes: 1_000, objectStoreBytes: 500,
                                    custom: ["foo": 2, "zero": 0])
        let total = spec.totalResources(nodeIP: "10.0.0.2", isHead: false)
        #expect(total.names == ["CPU", "foo", "memory", "node:10.0.0.2", "object_store_memory"])
        #expect(total["CPU"] == ResourceQuantity(units: 4))
        #expect(total["GPU"] == .zero)
        #expect(total["node:10.0.0.2"] == ResourceQuantity(units: 1))
        #expect(total["node:__internal_head__"] == .zero)
        #expect(total["memory"].raw == 10_000_000)
    }

    @Test("totalResources on the head")
    func headTotals() {
        let spec = NodeResourceSpec(numCPUs: 2, numGPUs: 1, memoryBytes: 0, objectStoreBytes: 78_643_200)
        let total = spec.totalResources(nodeIP: "127.0.0.1", isHead: true)
        #expect(total.names == ["CPU", "GPU", "node:127.0.0.1", "node:__internal_head__", "object_store_memory"])
        #expect(total.description == "{'CPU': 2.0, 'GPU': 1.0, 'node:127.0.0.1': 1.0, 'node:__internal_head__': 1.0, 'object_store_memory': 78643200.0}")
    }

    @Test("a zero-CPU node has no CPU key")
    func zeroCPU() {
        let total = NodeResourceSpec(numCPUs: 0, numGPUs: 0, memoryBytes: 0, objectStoreBytes: 0)
            .totalResources(nodeIP: "1.2.3.4", isHead: false)
        #expect(total.names == ["node:1.2.3.4"])
    }

    @Test("constants")
    func constants() {
        #expect(NodeResourceSpec.maxQuantity == 100e12)
        #expect(NodeResourceSpec.minObjectStoreBytes == 78_643_200)
    }
}

import Foundation

/// The resources a node starts with, validated as `swiftray start` validates its flags (Ray's
/// rules and messages, reference §5.1): whole, non-negative quantities; CPU, GPU, memory and
/// object_store_memory only through their own flags; reserved names refused. Pure.
public struct NodeResourceSpec: Sendable, Equatable {
    public var numCPUs: Int64
    public var numGPUs: Int64
    public var memoryBytes: Int64
    public var objectStoreBytes: Int64
    public var custom: [String: Int64]

    /// Largest quantity Ray accepts for a node resource.
    public static let maxQuantity: Double = 100e12
    /// Smallest explicit object store Ray accepts (75 MiB).
    public static let minObjectStoreBytes: Int64 = 78_643_200

    public init(numCPUs: Int64, numGPUs: Int64, memoryBytes: Int64, objectStoreBytes: Int64, custom: [String: Int64] = [:]) {
        self.numCPUs = numCPUs
        self.numGPUs = numGPUs
        self.memoryBytes = memoryBytes
        self.objectStoreBytes = objectStoreBytes
        self.custom = custom
    }

    /// Parses and validates `--resources` (a JSON object of whole non-negative numbers).
    public static func parseCustomResources(_ json: String) throws(ClusterStateError) -> [String: Int64] {
        let example = "Valid values look like this: `--resources='{\"CustomResource3\": 1, \"CustomResource2\": 2}'`"
        guard let parsed = JSONValue.parse(json) else {
            throw .invalidResource("`--resources=\(json)` is not a valid JSON string. \(example)")
        }
        guard case .object(let pairs) = parsed else {
            throw .invalidResource("`--resources=\(json)` must be a JSON object mapping resource names to quantities. \(example)")
        }
        var result: [String: Int64] = [:]
        for (key, value) in pairs.sorted(by: { PythonOrder.less($0.0, $1.0) }) {
            if ["CPU", "GPU", "memory", "object_store_memory"].contains(key) {
                let flag = ["CPU": "--num-cpus", "GPU": "--num-gpus", "memory": "--memory",
                            "object_store_memory": "--object-store-memory"][key]!
                throw .invalidResource("`\(key)` cannot be a custom resource because it is one of the default resources. Use `\(flag)` instead, for example `swiftray start \(flag)=1` instead of `swiftray start --resources='{\"\(key)\": 1}'`.")
            }
            if key.hasPrefix("node:") {
                throw .invalidResource("`\(key)` is a reserved resource name, use another name instead.")
            }
            if key.isEmpty {
                throw .invalidResource("Resource names in `--resources` cannot be empty.")
            }
            guard case let .number(d) = value else {
                throw .invalidResource("The quantity of resource '\(key)' in `--resources` must be a number, got \(value.summary).")
            }
            guard d.isFinite, d >= 0 else {
                throw .invalidResource("The quantity of resource '\(key)' cannot be negative. Violated by resource '\(key)' in \(json).")
            }
            guard d == d.rounded() else {
                throw .invalidResource("Resource quantities must all be whole numbers. Violated by resource '\(key)' in \(json).")
            }
            guard d <= maxQuantity else {
                throw .invalidResource("Resource quantities must be at most 100e12. Violated by resource '\(key)' in \(json).")
            }
            if d > 0 { result[key] = Int64(d) }
        }
        return result
    }

    /// The node's total resources including the implicit `node:<ip>` resource and, on the head,
    /// `node:__internal_head__`. Zero quantities are dropped (no GPU key on a GPU-less node).
    public func totalResources(nodeIP: String, isHead: Bool) -> ResourceSet {
        var set = ResourceSet()
        set["CPU"] = ResourceQuantity(units: numCPUs)
        set["GPU"] = ResourceQuantity(units: numGPUs)
        set["memory"] = ResourceQuantity(units: memoryBytes)
        set["object_store_memory"] = ResourceQuantity(units: objectStoreBytes)
        for (k, v) in custom { set[k] = ResourceQuantity(units: v) }
        set["node:\(nodeIP)"] = ResourceQuantity(units: 1)
        if isHead { set["node:__internal_head__"] = ResourceQuantity(units: 1) }
        return set
    }
}

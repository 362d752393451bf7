import OrderedCollections

/// Validates the options of `@ray.remote(...)` and `.options(...)` for remote functions and
/// actor classes, and derives what the runtime submits: resource requests, retry counts and the
/// scheduling strategy. Pure.
///
/// Follows Ray: the decorator's options are validated on their own; `.options(...)` are merged
/// over them (a repeated key keeps its place and takes the new value; the decorator's
/// `max_calls` / `concurrency_groups` do not carry over, and `.options()` may not set them) and
/// the merged options are validated again. Within one set, keywords are checked in the order
/// given and the first problem is thrown. Wrong Python types throw
/// `ClusterStateError.invalidType` (Ray's TypeError), bad resource quantities
/// `.invalidResource`, every other problem `.invalidRecord` (Ray's ValueError); the payload is
/// always the full message, Ray's text where Ray has one.
///
/// Not modelled: capturing the parent task's placement group (a driver has none, so
/// `placement_group="default"` means no group), `num_returns="dynamic"/"streaming"`,
/// `object_store_memory`, `_metadata` and the other private keywords.
public enum TaskOptionsParser {
    /// Keyword arguments in call order.
    public typealias Options = [(key: String, value: PyValue)]

    static let commonKeywords = [
        "accelerator_type", "memory", "name", "num_cpus", "num_gpus", "placement_group",
        "placement_group_bundle_index", "placement_group_capture_child_tasks", "resources",
        "runtime_env", "scheduling_strategy",
    ]

    /// The keywords a remote function accepts, in the order its error message lists them.
    public static let taskKeywords = commonKeywords + ["max_calls", "max_retries", "num_returns", "retry_exceptions"]

    /// The keywords an actor class accepts, in the order its error message lists them.
    public static let actorKeywords = commonKeywords + [
        "concurrency_groups", "lifetime", "max_concurrency", "max_restarts", "max_task_retries",
        "max_pending_calls", "namespace", "get_if_exists",
    ]

    /// Ray's default `max_retries` for tasks.
    public static let defaultMaxRetries = 3

    /// Prefix of the implicit resource that `accelerator_type=` requests.
    public static let acceleratorPrefix = "accelerator_type:"

    /// The amount of the accelerator-type resource a task asks for.
    static let acceleratorAmount = 0.001

    // MARK: - Entry points

    /// Validates a remote function's `@ray.remote(...)` options and, when given, the
    /// `.options(...)` of this call, and returns what the call submits.
    public static func task(_ decorator: Options, overrides: Options = []) throws(ClusterStateError) -> TaskOptions {
        let base = ordered(decorator)
        try validate(base, actor: false, inOptions: false)
        var merged = base
        merged.removeValue(forKey: "max_calls")
        for (key, value) in overrides { merged[key] = value }
        try validate(merged, actor: false, inOptions: true)

        // max_calls belongs to the function (the decorator); GPU functions default to 1.
        var maxCalls = count(base["max_calls"]) ?? 0
        if (base["max_calls"] ?? .none) == .none, let gpus = number(base["num_gpus"]), gpus > 0 {
            maxCalls = 1
        }

        let requested = try requestedResources(merged, defaultCPU: .int(1))
        let strategy = try resolveStrategy(merged)

        var retryExceptions = false
        var allowlist: [String] = []
        switch merged["retry_exceptions"] ?? .bool(false) {
        case .bool(let b): retryExceptions = b
        case .list(let items), .tuple(let items):
            retryExceptions = true
            allowlist = items.map(\.str)
        default: break
        }
        var name: String? = nil
        if case .str(let text)? = merged["name"] { name = text }

        return TaskOptions(resources: resourceSet(requested),
                           maxRetries: count(merged["max_retries"]) ?? defaultMaxRetries,
                           retryExceptions: retryExceptions, retryExceptionAllowlist: allowlist,
                           strategy: strategy, name: name,
                           numReturns: count(merged["num_returns"]) ?? 1, maxCalls: maxCalls)
    }

    /// Validates an actor class's `@ray.remote(...)` options and, when given, the
    /// `.options(...)` of this creation, and returns what the creation submits.
    public static func actor(_ decorator: Options, overrides: Options = []) throws(ClusterStateError) -> ActorOptions {
        let base = ordered(decorator)
        try validate(base, actor: true, inOptions: false)
        var merged = base
        merged.removeValue(forKey: "concurrency_groups")
        for (key, value) in overrides { merged[key] = value }
        try validate(merged, actor: true, inOptions: true)

        var name: String? = nil
        if case .str(let text)? = merged["name"] {
            guard !text.isEmpty else { throw .invalidRecord("Actor name cannot be an empty string.") }
            name = text
        }
        var namespace: String? = nil
        if case .str(let text)? = merged["namespace"] {
            guard !text.isEmpty else {
                throw .invalidRecord("\"\" is not a valid namespace. Pass None to not specify a namespace.")
            }
            namespace = text
        }
        var lifetime: ActorLifetime? = nil
        if case .str(let text)? = merged["lifetime"] { lifetime = ActorLifetime(rawValue: text) }

        // Ray's actor defaults: with nothing but memory requested, the actor holds no CPU and
        // is placed with one more (its methods' CPU); otherwise it holds what it asked for,
        // CPU defaulting to 1, and is placed with exactly that.
        var lifetimeRequest = try requestedResources(merged, defaultCPU: .none)
        let placementRequest: OrderedDictionary<String, Double>
        if lifetimeRequest.keys.allSatisfy({ $0 == "memory" || $0 == "object_store_memory" }) {
            var placement = lifetimeRequest
            placement["CPU", default: 0] += 1
            placementRequest = placement
        } else {
            if lifetimeRequest["CPU"] == nil { lifetimeRequest["CPU"] = 1 }
            placementRequest = lifetimeRequest
        }
        let strategy = try resolveStrategy(merged)

        return ActorOptions(placementResources: resourceSet(placementRequest),
                            lifetimeResources: resourceSet(lifetimeRequest),
                            maxRestarts: count(merged["max_restarts"]) ?? 0,
                            maxTaskRetries: count(merged["max_task_retries"]) ?? 0,
                            maxConcurrency: count(merged["max_concurrency"]),
                            maxPendingCalls: count(merged["max_pending_calls"]) ?? -1,
                            lifetime: lifetime, name: name, namespace: namespace,
                            getIfExists: TaskStrategy.truthy(merged["get_if_exists"] ?? .none),
                            strategy: strategy)
    }

    // MARK: - Validation of one option set

    /// Ray's per-set checks: every keyword known and of the right type and value, then the
    /// checks that look at several keywords.
    static func validate(_ options: OrderedDictionary<String, PyValue>, actor: Bool,
                         inOptions: Bool) throws(ClusterStateError) {
        let keywords = actor ? actorKeywords : taskKeywords
        for (key, value) in options {
            guard keywords.contains(key) else {
                let list = "[" + keywords.map(PythonString.repr).joined(separator: ", ") + "]"
                throw .invalidRecord("Invalid option keyword \(key) for \(actor ? "actors" : "remote functions"). Valid ones are \(list).")
            }
            try validateValue(key, value)
        }
        if inOptions && !actor && options["max_calls"] != nil {
            throw .invalidRecord("Setting 'max_calls' is not supported in '.options()'.")
        }
        if actor {
            if inOptions && options["concurrency_groups"] != nil {
                throw .invalidRecord("Setting 'concurrency_groups' is not supported in '.options()'.")
            }
            // None counts as not set (Ray would fail on it later, at submission).
            if (count(options["max_restarts"]) ?? 0) == 0 && (count(options["max_task_retries"]) ?? 0) != 0 {
                throw .invalidRecord("'max_task_retries' cannot be set if 'max_restarts' is 0 or if 'max_restarts' is not set.")
            }
            if TaskStrategy.truthy(options["get_if_exists"] ?? .none) && !TaskStrategy.truthy(options["name"] ?? .none) {
                throw .invalidRecord("The actor name must be specified to use `get_if_exists`.")
            }
        }
        let group = options["placement_group"] ?? .str("default")
        if group != .str("default") && group != .none && (options["scheduling_strategy"] ?? .none) != .none {
            throw .invalidRecord("Placement groups should be specified via the scheduling_strategy option. The placement_group option is deprecated.")
        }
    }

    /// Type and value of one keyword.
    static func validateValue(_ key: String, _ value: PyValue) throws(ClusterStateError) {
        switch key {
        case "num_cpus", "num_gpus", "memory":
            try requireType(key, value, ["float", "int", "NoneType"])
            if value != .none { _ = try quantity(key, value) }
        case "accelerator_type", "name", "namespace":
            try requireType(key, value, ["str", "NoneType"])
        case "lifetime":
            try requireType(key, value, ["str", "NoneType"])
            if case .str(let text) = value, ActorLifetime(rawValue: text) == nil {
                throw .invalidRecord("actor `lifetime` argument must be one of 'detached', 'non_detached' and 'None'.")
            }
        case "resources":
            try requireType(key, value, ["dict", "NoneType"])
            try validateResources(value)
        case "runtime_env":
            try requireType(key, value, ["dict", "NoneType"])
        case "scheduling_strategy":
            _ = try TaskStrategy.parse(value)
        case "placement_group":
            switch value {
            case .none, .str("default"): break
            case .dict: _ = try TaskStrategy.placementGroup(group: value, bundleIndex: .int(-1), captureChildTasks: .none)
            case .str(let text):
                throw .invalidRecord("Invalid placement_group value \(PythonString.repr(text)). Pass a PlacementGroup, None or 'default'.")
            default:
                throw .invalidType("The type of keyword 'placement_group' must be (<class 'NoneType'>, <class 'str'>, <class 'ray.util.placement_group.PlacementGroup'>), but received type \(value.typeRepr)")
            }
        case "placement_group_bundle_index":
            try requireType(key, value, ["int"])
        case "placement_group_capture_child_tasks":
            try requireType(key, value, ["bool", "NoneType"])
        case "max_calls", "max_concurrency":
            try requireType(key, value, ["int", "NoneType"])
            if let n = count(value), n < 0 {
                throw .invalidRecord("The keyword '\(key)' only accepts None, 0 or a positive integer.")
            }
        case "max_retries", "max_restarts", "max_task_retries", "max_pending_calls":
            try requireType(key, value, ["int", "NoneType"])
            if let n = count(value), n < -1 {
                throw .invalidRecord("The keyword '\(key)' only accepts None, 0, -1 or a positive integer, where -1 represents infinity.")
            }
        case "num_returns":
            try requireType(key, value, ["int", "str", "NoneType"])
            switch value {
            case .str("dynamic"), .str("streaming"):
                throw .invalidRecord("num_returns=\(value.repr) (generator returns) is not supported yet; pass None or a non-negative integer.")
            case .str:
                throw .invalidRecord(numReturnsMessage)
            default:
                if let n = count(value), n < 0 { throw .invalidRecord(numReturnsMessage) }
            }
        case "retry_exceptions":
            try requireType(key, value, ["bool", "list", "tuple"])
            switch value {
            case .list(let items), .tuple(let items):
                guard items.allSatisfy({ if case .str = $0 { return true } else { return false } }) else {
                    throw .invalidRecord("retry_exceptions must be either a boolean or a list of exceptions")
                }
            default: break
            }
        case "concurrency_groups":
            try requireType(key, value, ["list", "dict", "NoneType"])
        case "get_if_exists":
            try requireType(key, value, ["bool"])
        default:
            break  // only keywords of the lists above reach here
        }
    }

    static let numReturnsMessage = "The keyword 'num_returns' only accepts None, a non-negative integer, or \"dynamic\" (for generators)"

    /// The `resources=` dict: no CPU/GPU keys, then each entry a valid quantity.
    static func validateResources(_ value: PyValue) throws(ClusterStateError) {
        guard case .dict(let pairs) = value else { return }
        if pairs.contains(where: { $0.key == .str("CPU") || $0.key == .str("GPU") }) {
            throw .invalidResource("Use the 'num_cpus' and 'num_gpus' keyword instead of 'CPU' and 'GPU' in 'resources' keyword")
        }
        for pair in pairs {
            guard case .str(let name) = pair.key else {
                throw .invalidType("Resource names in the 'resources' keyword must be strings, got \(pair.key.repr).")
            }
            switch pair.value {
            case .int, .float, .bool: _ = try quantity(name, pair.value)
            default:
                throw .invalidType("The quantity of resource \(name) must be a number, got \(pair.value.repr).")
            }
        }
    }

    /// Validates one resource quantity named `name` (the keyword or the custom resource) and
    /// returns it as a double. Ray's checks (sign, 0.0001 precision, whole GPUs above 1) and
    /// swiftray's (finite, representable).
    static func quantity(_ name: String, _ value: PyValue) throws(ClusterStateError) -> Double {
        let amount: Double
        var isFloat = false
        switch value {
        case .int(let i): amount = Double(i)
        case .bool(let b): amount = b ? 1 : 0
        case .float(let d): amount = d; isFloat = true
        default:
            throw .invalidType("The quantity of resource \(name) must be a number, got \(value.repr).")
        }
        if amount < 0 {
            throw .invalidResource("The quantity of resource \(name) cannot be negative")
        }
        guard amount.isFinite else {
            throw .invalidResource("The quantity of resource \(name) must be a finite number, got \(value.repr).")
        }
        guard amount <= BundleValidation.maximumQuantity else {
            throw .invalidResource("The quantity of resource \(name) is too large, got \(value.repr).")
        }
        if isFloat && amount != 0 && ResourceQuantity(amount).raw == 0 {
            throw .invalidResource("The precision of the fractional quantity of resource \(name) cannot go beyond 0.0001")
        }
        if (name == "num_gpus" || name == "GPU") && isFloat && amount > 1 && amount.rounded(.towardZero) != amount {
            throw .invalidResource("GPU resource quantities >1 must be whole numbers. The specified quantity \(value.repr) is invalid.")
        }
        return amount
    }

    // MARK: - Derivation

    /// Ray's request from the options, keys in Ray's order (custom, CPU, GPU, memory,
    /// accelerator type), zero amounts kept (they matter for the actor defaults). `defaultCPU`
    /// stands in for a missing `num_cpus`.
    static func requestedResources(_ options: OrderedDictionary<String, PyValue>,
                                   defaultCPU: PyValue) throws(ClusterStateError) -> OrderedDictionary<String, Double> {
        var out: OrderedDictionary<String, Double> = [:]
        if case .dict(let pairs)? = options["resources"] {
            let names = pairs.map(\.key.str)
            if names.contains("memory") || names.contains("object_store_memory") {
                throw .invalidResource("The resources dictionary must not contain the key 'memory' or 'object_store_memory'")
            }
            if names.contains("bundle") {
                throw .invalidResource("The resource should not include `bundle` which is reserved for Ray. resources: \(PyValue.dict(pairs).repr)")
            }
            for pair in pairs { out[pair.key.str] = try quantity(pair.key.str, pair.value) }
        }
        let cpu = options["num_cpus"] ?? defaultCPU
        if cpu != .none { out["CPU"] = try quantity("num_cpus", cpu) }
        if let gpu = options["num_gpus"], gpu != .none { out["GPU"] = try quantity("num_gpus", gpu) }
        if let memory = options["memory"], memory != .none {
            out["memory"] = try quantity("memory", memory).rounded(.towardZero)  // int(memory): whole bytes
        }
        if case .str(let type)? = options["accelerator_type"] {
            out[acceleratorPrefix + type] = acceleratorAmount
        }
        return out
    }

    /// The strategy the call uses: `scheduling_strategy` when set, else the legacy
    /// `placement_group` / `placement_group_bundle_index` / `placement_group_capture_child_tasks`.
    static func resolveStrategy(_ options: OrderedDictionary<String, PyValue>) throws(ClusterStateError) -> TaskStrategy {
        let given = options["scheduling_strategy"] ?? .none
        if given != .none { return try TaskStrategy.parse(given) }
        var group = options["placement_group"] ?? .none
        if group == .str("default") { group = .none }  // a driver has no placement group to capture
        return try TaskStrategy.placementGroup(group: group,
                                               bundleIndex: options["placement_group_bundle_index"] ?? .int(-1),
                                               captureChildTasks: options["placement_group_capture_child_tasks"] ?? .none)
    }

    static func resourceSet(_ request: OrderedDictionary<String, Double>) -> ResourceSet {
        var set = ResourceSet()
        for (name, amount) in request { set[name] = ResourceQuantity(amount) }
        return set
    }

    // MARK: - Helpers

    /// Ray's `isinstance(value, types)` check; `types` are Python type names in the order Ray's
    /// message prints them, and a bool passes as an int (as in Python).
    static func requireType(_ key: String, _ value: PyValue, _ types: [String]) throws(ClusterStateError) {
        let ok = types.contains(value.typeName) || (value.typeName == "bool" && types.contains("int"))
        guard ok else {
            let names = types.map { "<class '\($0)'>" }
            let constraint = names.count == 1 ? names[0] : "(" + names.joined(separator: ", ") + ")"
            throw .invalidType("The type of keyword '\(key)' must be \(constraint), but received type \(value.typeRepr)")
        }
    }

    /// An int option's value (bools count as 0/1); nil for None or absent.
    static func count(_ value: PyValue?) -> Int? {
        switch value {
        case .int(let i)?: return i
        case .bool(let b)?: return b ? 1 : 0
        default: return nil
        }
    }

    static func number(_ value: PyValue?) -> Double? {
        switch value {
        case .int(let i)?: return Double(i)
        case .bool(let b)?: return b ? 1 : 0
        case .float(let d)?: return d
        default: return nil
        }
    }

    /// Python dict semantics: a repeated key keeps its first place and takes the last value.
    static func ordered(_ options: Options) -> OrderedDictionary<String, PyValue> {
        var out: OrderedDictionary<String, PyValue> = [:]
        for (key, value) in options { out[key] = value }
        return out
    }
}

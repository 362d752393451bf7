/// Validates the arguments of `placement_group(bundles, strategy, name, lifetime)` as the driver
/// received them. Pure.
///
/// Checks run in Ray's order — the bundles' shape (Ray's exact messages), then swiftray's own
/// quantity checks (Ray accepts these), then the strategy, the lifetime and the name — and the
/// first failure is thrown. Bundle problems throw `ClusterStateError.invalidResource`, argument
/// problems `ClusterStateError.invalidRecord`; in both the payload is the full message.
public enum BundleValidation {
    /// Ray's example, quoted in its messages.
    static let bundlesShape = "Bundles must be a non-empty list of resource dictionaries. For example: `[{\"CPU\": 1.0}, {\"GPU\": 1.0}]`."

    /// Ray's strategy set as its message prints it.
    static let supportedStrategies = "{'PACK', 'STRICT_SPREAD', 'SPREAD', 'STRICT_PACK'}"

    /// Largest amount that fixed point (×10 000 in an Int64) can hold.
    static let maximumQuantity = Double(Int64.max / ResourceQuantity.scale)

    /// Validates every argument; `strategy` None means PACK, `lifetime` must be None or
    /// `'detached'`, `name` a string.
    public static func validate(bundles: PyValue, strategy: PyValue = .none, name: PyValue = "",
                                lifetime: PyValue = .none) throws(ClusterStateError) -> PlacementGroupRequest {
        let validated = try validateBundles(bundles)
        let strategyValue: PlacementStrategy
        switch strategy {
        case .none:
            strategyValue = .pack
        case .str(let text) where PlacementStrategy(rawValue: text) != nil:
            strategyValue = PlacementStrategy(rawValue: text)!
        default:
            throw .invalidRecord("Invalid placement group strategy \(strategy.str). Supported strategies are: \(supportedStrategies).")
        }
        let detached: Bool
        switch lifetime {
        case .none: detached = false
        case .str("detached"): detached = true
        default:
            throw .invalidRecord("Placement group `lifetime` argument must be either `None` or 'detached'. Got \(lifetime.str).")
        }
        guard case .str(let nameText) = name else {
            throw .invalidRecord("Placement group `name` argument must be a string, got \(name.typeRepr).")
        }
        return PlacementGroupRequest(bundles: validated, strategy: strategyValue, name: nameText, isDetached: detached)
    }

    /// Validates the bundles alone and returns them in order, each keeping its key order.
    public static func validateBundles(_ bundles: PyValue) throws(ClusterStateError) -> [OrderedResources] {
        guard case .list(let items) = bundles else {
            throw .invalidResource("Placement group bundles must be a list, got \(bundles.typeRepr).")
        }
        guard !items.isEmpty else {
            throw .invalidResource("\(bundlesShape) Got empty list instead.")
        }
        // Ray's checks, bundle by bundle.
        var parsed: [[(key: String, value: PyValue, amount: Double)]] = []
        for (index, item) in items.enumerated() {
            guard case .dict(let pairs) = item else {
                throw .invalidResource(bundlesShape)
            }
            var entries: [(key: String, value: PyValue, amount: Double)] = []
            for pair in pairs {
                guard case .str(let key) = pair.key else {
                    throw .invalidResource("\(bundlesShape) Bundle \(index) has the key \(pair.key.repr), which is not a string.")
                }
                let amount: Double
                switch pair.value {
                case .int(let i): amount = Double(i)
                case .float(let d): amount = d
                case .bool(let b): amount = b ? 1 : 0
                default:
                    throw .invalidResource("\(bundlesShape) Bundle \(index) gives resource \(PythonString.repr(key)) the value \(pair.value.repr), which is not a number.")
                }
                if let existing = entries.firstIndex(where: { $0.key == key }) {
                    entries[existing] = (key, pair.value, amount)  // Python: last value, first position
                } else {
                    entries.append((key, pair.value, amount))
                }
            }
            if entries.allSatisfy({ $0.amount == 0 }) {
                throw .invalidResource("Bundles cannot be an empty dictionary or resources with only 0 values. Bundles: \(bundles.repr)")
            }
            parsed.append(entries)
        }
        // swiftray's checks, where Ray accepts nonsense.
        var result: [OrderedResources] = []
        for (index, entries) in parsed.enumerated() {
            var set = ResourceSet()
            for entry in entries {
                let shown = entry.value.repr
                guard entry.amount.isFinite else {
                    throw .invalidResource("The quantity of resource \(entry.key) in bundle \(index) must be a finite number, got \(shown).")
                }
                guard entry.amount >= 0 else {
                    throw .invalidResource("The quantity of resource \(entry.key) in bundle \(index) cannot be negative, got \(shown).")
                }
                guard entry.amount <= maximumQuantity else {
                    throw .invalidResource("The quantity of resource \(entry.key) in bundle \(index) is too large, got \(shown).")
                }
                let quantity = ResourceQuantity(entry.amount)
                if entry.amount != 0 && quantity.raw == 0 {
                    throw .invalidResource("The precision of the fractional quantity of resource \(entry.key) in bundle \(index) cannot go beyond 0.0001, got \(shown).")
                }
                if entry.key == "GPU" && entry.amount > 1 && entry.amount.rounded(.towardZero) != entry.amount {
                    throw .invalidResource("GPU resource quantities >1 must be whole numbers. The specified quantity \(shown) is invalid.")
                }
                set[entry.key] = quantity
            }
            result.append(OrderedResources(keys: entries.map(\.key), set: set))
        }
        return result
    }
}

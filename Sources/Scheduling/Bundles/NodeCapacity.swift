import ClusterState

/// What one node can still give to bundles during a scheduling pass: the aggregate free amount of
/// every resource plus, for unit-instance resources (GPU and the like), the free amount of each
/// instance. Pure value; `allocating(_:)` returns the capacity left after reserving a request.
///
/// Guarantees:
/// * For a unit-instance resource the aggregate amount always equals the sum of its instances.
/// * A request of a unit-instance resource fits only as Ray's instance allocator would place it:
///   a fractional amount (< 1) on a single instance (best fit: the instance with the least free
///   amount that still holds it, lowest index on ties); a whole amount `n` on `n` completely free
///   instances (lowest indexes first); a non-whole amount above 1 (which validation should reject)
///   as its whole part on free instances plus its remainder on one further instance.
/// * Every other resource fits when the aggregate free amount is at least the request.
public struct NodeCapacity: Sendable, Equatable {
    /// Resources Ray allocates per instance (`predefined unit instance resources` + the defaults
    /// of `custom_unit_instance_resources`).
    public static let unitInstanceResources: Set<String> = [
        "GPU", "neuron_cores", "TPU", "NPU", "HPU", "RBLN", "FURIOSA", "TTNPU", "MBLT",
    ]

    /// Aggregate free amounts.
    public private(set) var amounts: ResourceSet
    /// Free amount per instance of each unit-instance resource present.
    public private(set) var instances: [String: [ResourceQuantity]]

    /// Builds a capacity from aggregate amounts and optional per-instance amounts. Unit-instance
    /// resources without explicit instances get whole instances plus one partial remainder
    /// (`2.5` → `[1.0, 1.0, 0.5]`); explicit instances win and set the aggregate to their sum.
    public init(_ amounts: ResourceSet, instances explicit: [String: [ResourceQuantity]]? = nil) {
        var amounts = amounts
        var instances: [String: [ResourceQuantity]] = [:]
        for (name, list) in explicit ?? [:] where Self.unitInstanceResources.contains(name) {
            instances[name] = list
            amounts[name] = list.reduce(.zero, +)
        }
        // Only the few unit-instance names are looked up: a node holding many placement groups
        // has hundreds of resource names, and this runs for every node on every decision.
        for name in Self.unitInstanceResources where amounts.amounts[name] != nil && instances[name] == nil {
            instances[name] = Self.derivedInstances(amounts[name])
        }
        self.amounts = amounts
        self.instances = instances
    }

    /// Whole free instances plus one partial remainder.
    static func derivedInstances(_ amount: ResourceQuantity) -> [ResourceQuantity] {
        guard amount.raw > 0 else { return [] }
        let whole = Int(amount.raw / ResourceQuantity.scale)
        let rest = amount.raw % ResourceQuantity.scale
        var list = [ResourceQuantity](repeating: ResourceQuantity(units: 1), count: whole)
        if rest != 0 { list.append(ResourceQuantity(raw: rest)) }
        return list
    }

    /// True when `request` can be reserved here now.
    public func canAllocate(_ request: ResourceSet) -> Bool { allocating(request) != nil }

    /// The capacity left after reserving `request`, or nil when it does not fit.
    public func allocating(_ request: ResourceSet) -> NodeCapacity? {
        var next = self
        for (name, quantity) in request.amounts {
            guard amounts[name] >= quantity else { return nil }
            if let list = instances[name] {
                guard let left = Self.allocate(quantity, from: list) else { return nil }
                next.instances[name] = left
            }
            next.amounts[name] = amounts[name] - quantity
        }
        return next
    }

    /// Instance allocation of one unit-instance resource (see the type's guarantees).
    static func allocate(_ demand: ResourceQuantity, from list: [ResourceQuantity]) -> [ResourceQuantity]? {
        var list = list
        let one = ResourceQuantity(units: 1)
        var wholeNeeded = demand.raw / ResourceQuantity.scale
        let fraction = ResourceQuantity(raw: demand.raw % ResourceQuantity.scale)
        var i = 0
        while wholeNeeded > 0 && i < list.count {
            if list[i] == one { list[i] = .zero; wholeNeeded -= 1 }
            i += 1
        }
        if wholeNeeded > 0 { return nil }
        if fraction.raw > 0 {
            var best: Int?
            for (j, free) in list.enumerated() where free >= fraction {
                if best == nil || free < list[best!] { best = j }
            }
            guard let b = best else { return nil }
            list[b] -= fraction
        }
        return list
    }

    /// The number of completely free instances of `name` (0 for other resources).
    func freeInstanceCount(_ name: String) -> Int {
        (instances[name] ?? []).filter { $0 == ResourceQuantity(units: 1) }.count
    }

    /// The largest free amount of a single instance of `name` (zero when none).
    func largestInstance(_ name: String) -> ResourceQuantity {
        (instances[name] ?? []).max() ?? .zero
    }
}

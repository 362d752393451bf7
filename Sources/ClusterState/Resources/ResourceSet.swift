/// A map from resource name to a non-zero fixed-point amount, kept sorted by name.
///
/// Zero amounts are never stored (Ray drops zero-valued resources), so two sets are equal exactly
/// when they hold the same non-zero amounts. Value type; owned by whoever holds it.
public struct ResourceSet: Hashable, Sendable, CustomStringConvertible {
    private(set) public var amounts: [String: ResourceQuantity]

    public init() { amounts = [:] }

    /// Builds a set, dropping zero amounts.
    public init(_ amounts: [String: ResourceQuantity]) {
        self.amounts = amounts.filter { $0.value.raw != 0 }
    }

    /// Builds a set from doubles (truncating to fixed point), dropping zeros.
    public init(doubles: [String: Double]) {
        self.init(doubles.mapValues { ResourceQuantity($0) })
    }

    /// Builds a set from raw fixed-point values (the wire form).
    public init(raw: [String: Int64]) {
        self.init(raw.mapValues { ResourceQuantity(raw: $0) })
    }

    /// The wire form: raw fixed-point values.
    public var raw: [String: Int64] { amounts.mapValues(\.raw) }

    /// The amount of `name` (zero when absent).
    public subscript(name: String) -> ResourceQuantity {
        get { amounts[name] ?? .zero }
        set { amounts[name] = newValue.raw == 0 ? nil : newValue }
    }

    /// Resource names in code-point order (Python's `sorted`).
    public var names: [String] { amounts.keys.sorted(by: PythonOrder.less) }

    public var isEmpty: Bool { amounts.isEmpty }

    /// True when every amount of `request` is at most the amount here.
    public func contains(_ request: ResourceSet) -> Bool {
        request.amounts.allSatisfy { self[$0.key] >= $0.value }
    }

    /// Adds every amount of `other`.
    public mutating func add(_ other: ResourceSet) {
        for (k, v) in other.amounts { self[k] += v }
    }

    /// Subtracts every amount of `other` (amounts may go negative only if the caller allows it).
    public mutating func subtract(_ other: ResourceSet) {
        for (k, v) in other.amounts { self[k] -= v }
    }

    /// Adds (or, with `subtracting`, takes away) every amount of `other`, keeping each changed
    /// amount within 0 … its amount in `limit` (no upper bound when `limit` is nil; a name
    /// missing from `limit` has a limit of 0, so it is dropped). Only the names of `other` are
    /// looked at, so a node holding many placement groups (hundreds of names) pays for the few
    /// that changed; the other amounts are assumed to be within their bounds already.
    public mutating func addClamped(_ other: ResourceSet, subtracting: Bool = false, upTo limit: ResourceSet?) {
        for (name, amount) in other.amounts {
            var changed = subtracting ? self[name] - amount : self[name] + amount
            if changed < .zero { changed = .zero }
            if let limit, changed > limit[name] { changed = limit[name] }
            self[name] = changed
        }
    }

    public static func + (a: ResourceSet, b: ResourceSet) -> ResourceSet { var r = a; r.add(b); return r }
    public static func - (a: ResourceSet, b: ResourceSet) -> ResourceSet { var r = a; r.subtract(b); return r }

    /// Python dict repr with sorted keys: `{'CPU': 1.0, 'GPU': 2.0}`.
    public var description: String {
        "{" + names.map { "\(PythonString.repr($0)): \(self[$0])" }.joined(separator: ", ") + "}"
    }
}

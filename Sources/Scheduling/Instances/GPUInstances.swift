import ClusterState

/// Which GPU instances of one node are free, so that a lease can be given concrete device
/// indices (`CUDA_VISIBLE_DEVICES`). A request of at most one GPU must fit inside a single
/// instance; a larger request takes that many whole, idle instances. Owned by the raylet.
public struct GPUInstances: Sendable, Equatable {
    /// Free amount of each instance, by index.
    public private(set) var free: [ResourceQuantity]

    /// `count` whole GPUs (fractional totals are rounded down to whole instances).
    public init(count: Int) {
        free = Array(repeating: ResourceQuantity(units: 1), count: max(0, count))
    }

    /// Takes instances for `amount` GPUs; returns their indices, or nil when they do not fit
    /// now (nothing changes then). A zero amount takes nothing.
    public mutating func allocate(_ amount: ResourceQuantity) -> [Int]? {
        if amount.raw <= 0 { return [] }
        let one = ResourceQuantity(units: 1)
        if amount <= one {
            // Best fit: the fullest instance that still has room keeps whole GPUs free.
            guard let i = free.indices.filter({ free[$0] >= amount }).min(by: { free[$0] < free[$1] }) else { return nil }
            free[i] -= amount
            return [i]
        }
        let whole = Int(amount.raw / one.raw)
        let idle = free.indices.filter { free[$0] == one }
        guard idle.count >= whole else { return nil }
        let chosen = Array(idle.prefix(whole))
        for i in chosen { free[i] = .zero }
        return chosen
    }

    /// Gives back what `allocate(amount)` returned as `indices`.
    public mutating func release(_ amount: ResourceQuantity, indices: [Int]) {
        let one = ResourceQuantity(units: 1)
        guard !indices.isEmpty else { return }
        if indices.count == 1 && amount <= one {
            if indices[0] < free.count { free[indices[0]] = min(one, free[indices[0]] + amount) }
            return
        }
        for i in indices where i < free.count { free[i] = one }
    }
}

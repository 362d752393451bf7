import ClusterState

/// Ray's `LeastResourceScorer` for bundles: how much free capacity a node keeps, relative to
/// what it has, after taking a request.
///
/// `score` is −1 when the request cannot be reserved on the capacity now (instance-aware, see
/// `NodeCapacity`); otherwise Σ over the requested resources, in name order, of
/// `(available − requested) / available` (a term is 0 when available is 0). Higher is better.
/// The computation is exact integer arithmetic turned into doubles in a fixed order, so equal
/// inputs always give bit-identical scores.
public enum LeastResourceScorer {
    public static func score(_ request: ResourceSet, on capacity: NodeCapacity) -> Double {
        guard capacity.canAllocate(request) else { return -1 }
        var total = 0.0
        for name in request.names {
            let available = capacity.amounts[name].raw
            if available == 0 { continue }
            total += Double(available - request[name].raw) / Double(available)
        }
        return total
    }

    /// The position of the best-scoring capacity among `positions` (in that order; the first
    /// one wins ties), or nil when the request fits none of them.
    static func best(_ request: ResourceSet, among positions: [Int], of capacities: [NodeCapacity]) -> Int? {
        var best: Int?
        var bestScore = -1.0
        for p in positions {
            let s = score(request, on: capacities[p])
            if s >= 0 && (best == nil || s > bestScore) { best = p; bestScore = s }
        }
        return best
    }
}

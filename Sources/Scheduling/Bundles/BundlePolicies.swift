import ClusterState

/// The four bundle policies of Ray (reference §6.6) over one set of node capacities. Internal and
/// pure: `BundleScheduler` runs them once against the idle capacity and once against what is
/// available now.
///
/// Inputs: bundles already in scarcity-first order; `capacities` in the caller's stable node
/// order (positions are node indexes); `surviving` the positions of nodes holding this group's
/// surviving bundles; `softTarget` STRICT_PACK's preferred node position. Output: bundle index →
/// node position. Ties always go to the lowest position.
enum BundlePolicies {
    typealias Outcome = Result<[Int: Int], BundlePolicyFailure>

    static func run(_ sorted: [BundleRequest], strategy: PlacementStrategy, capacities: [NodeCapacity],
                    surviving: Set<Int>, softTarget: Int?) -> Outcome {
        switch strategy {
        case .pack: pack(sorted, capacities, surviving: surviving)
        case .spread: spread(sorted, capacities, surviving: surviving)
        case .strictPack: strictPack(sorted, capacities, surviving: surviving, softTarget: softTarget)
        case .strictSpread: strictSpread(sorted, capacities, surviving: surviving)
        }
    }

    /// PACK: nodes holding surviving bundles are filled first (in node order); then, repeatedly,
    /// the first remaining bundle picks the best-scoring unused node, and every remaining bundle
    /// that still fits that node goes there too. A bundle that fits no unused node fails the run.
    static func pack(_ sorted: [BundleRequest], _ capacities: [NodeCapacity], surviving: Set<Int>) -> Outcome {
        var caps = capacities
        var remaining = sorted
        var assignment: [Int: Int] = [:]
        var placed: [BundleRequest] = []
        func fill(_ p: Int) {
            remaining = remaining.filter { bundle in
                guard let left = caps[p].allocating(bundle.resources) else { return true }
                caps[p] = left
                assignment[bundle.index] = p
                placed.append(bundle)
                return false
            }
        }
        var candidates = Array(caps.indices)
        for p in candidates where surviving.contains(p) { fill(p) }
        candidates.removeAll { surviving.contains($0) }
        while let first = remaining.first {
            guard let p = LeastResourceScorer.best(first.resources, among: candidates, of: caps) else {
                return .failure(.bundle(first, capacities: caps, placedFirst: placed, scope: .anyNode))
            }
            fill(p)
            candidates.removeAll { $0 == p }
        }
        return .success(assignment)
    }

    /// SPREAD: each bundle takes the best-scoring node this group does not use yet (nodes holding
    /// surviving bundles count as used); if none fits, the best-scoring used node.
    static func spread(_ sorted: [BundleRequest], _ capacities: [NodeCapacity], surviving: Set<Int>) -> Outcome {
        var caps = capacities
        var used = surviving
        var assignment: [Int: Int] = [:]
        var placed: [BundleRequest] = []
        for bundle in sorted {
            let unusedPositions = caps.indices.filter { !used.contains($0) }
            let usedPositions = caps.indices.filter { used.contains($0) }
            guard let p = LeastResourceScorer.best(bundle.resources, among: unusedPositions, of: caps)
                    ?? LeastResourceScorer.best(bundle.resources, among: usedPositions, of: caps) else {
                return .failure(.bundle(bundle, capacities: caps, placedFirst: placed, scope: .anyNode))
            }
            caps[p] = caps[p].allocating(bundle.resources)!
            used.insert(p)
            assignment[bundle.index] = p
            placed.append(bundle)
        }
        return .success(assignment)
    }

    /// STRICT_PACK: all bundles on one node. When rescheduling (surviving bundles exist) only the
    /// node(s) holding them qualify. The soft target wins when everything fits there; otherwise
    /// among nodes where every bundle can be reserved (in order, instance-aware) the highest sum
    /// of per-bundle scores (each against the node's capacity before the group) wins.
    static func strictPack(_ sorted: [BundleRequest], _ capacities: [NodeCapacity], surviving: Set<Int>,
                           softTarget: Int?) -> Outcome {
        let positions = surviving.isEmpty ? Array(capacities.indices) : surviving.sorted()
        func fitsAll(_ p: Int) -> Bool {
            var cap: NodeCapacity? = capacities[p]
            for bundle in sorted { cap = cap?.allocating(bundle.resources) }
            return cap != nil
        }
        func all(on p: Int) -> Outcome { .success(sorted.reduce(into: [:]) { $0[$1.index] = p }) }
        if let t = softTarget, positions.contains(t), fitsAll(t) { return all(on: t) }
        var best: Int?
        var bestScore = 0.0
        for p in positions where fitsAll(p) {
            let s = sorted.reduce(0.0) { $0 + LeastResourceScorer.score($1.resources, on: capacities[p]) }
            if best == nil || s > bestScore { best = p; bestScore = s }
        }
        if let p = best { return all(on: p) }
        return .failure(.strictPack(bundles: sorted, capacities: positions.map { capacities[$0] },
                                    scope: surviving.isEmpty ? .anyNode : .survivingNode))
    }

    /// STRICT_SPREAD: nodes holding surviving bundles are excluded; more bundles than remaining
    /// nodes fails at once; otherwise each bundle takes the best-scoring node not used yet.
    static func strictSpread(_ sorted: [BundleRequest], _ capacities: [NodeCapacity], surviving: Set<Int>) -> Outcome {
        var candidates = capacities.indices.filter { !surviving.contains($0) }
        if sorted.count > candidates.count {
            return .failure(.tooFewNodes(bundles: sorted.count, nodes: candidates.count,
                                         excludingSurvivingNodes: !surviving.isEmpty))
        }
        var assignment: [Int: Int] = [:]
        var placed: [BundleRequest] = []
        for bundle in sorted {
            guard let p = LeastResourceScorer.best(bundle.resources, among: candidates, of: capacities) else {
                return .failure(.bundle(bundle, capacities: candidates.map { capacities[$0] },
                                        placedFirst: placed, scope: .unusedNode))
            }
            candidates.removeAll { $0 == p }
            assignment[bundle.index] = p
            placed.append(bundle)
        }
        return .success(assignment)
    }
}

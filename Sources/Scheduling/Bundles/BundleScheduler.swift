import ClusterState

/// Places a placement group's unplaced bundles on nodes with Ray's bundle policies (PACK, SPREAD,
/// STRICT_PACK, STRICT_SPREAD; reference §6.6), and tells infeasible groups from ones that only
/// have to wait. Pure and deterministic: the same inputs always give the same answer.
///
/// How it decides:
/// 1. No bundles → `.placed([:])`. No candidate nodes → `.infeasible`.
/// 2. Bundles are taken in scarcity-first order (`BundleOrder`), the answer maps back to their
///    own indexes.
/// 3. The policy runs against the *idle* capacity: every node's total minus what this group's
///    surviving bundles already hold there (never below zero). If it fails there, the group is
///    `.infeasible`: it cannot be placed until the nodes change. This is stricter than Ray, which
///    only notices single bundles that fit no node; sets of bundles that can never fit together
///    (PACK `[{CPU: 2}, {CPU: 2}]` on a cluster with one 2-CPU node) are infeasible here too.
/// 4. Otherwise the policy runs against what is available now (per-instance amounts of GPUs and
///    other unit-instance resources when given): success → `.placed`, failure → `.retryLater`.
///
/// Scores are Ray's `LeastResourceScorer`; ties go to the first node in the given order, so pass
/// candidates in a stable order (e.g. `ClusterResourceView.nodes`, which keeps join order).
///
/// Rescheduling (`survivingBundles` non-empty: resources still held by this group's bundles, by
/// node): STRICT_SPREAD never uses those nodes (as Ray); SPREAD treats them as already used, so
/// new bundles prefer other nodes first; PACK fills them first (keeping the group together) before
/// opening other nodes; STRICT_PACK may only use them (all bundles must share one node).
/// Entries for nodes that are not candidates are ignored.
public enum BundleScheduler {
    /// Schedules `bundles` with `strategy` over `nodes`: the alive, non-draining nodes (distinct
    /// ids, stable order; the caller filters dead and draining ones out).
    /// - Parameters:
    ///   - survivingBundles: per node, the resources this group's committed, surviving bundles hold.
    ///   - softTargetNode: STRICT_PACK's `_soft_target_node_id`: used when every bundle fits there now.
    public static func schedule(_ bundles: [BundleRequest], strategy: PlacementStrategy, nodes: [BundleCandidate],
                                survivingBundles: [NodeID: ResourceSet] = [:],
                                softTargetNode: NodeID? = nil) -> BundlePlacement {
        guard !bundles.isEmpty else { return .placed([:]) }
        guard !nodes.isEmpty else {
            return .infeasible(reason: BundlePolicyFailure.noNodes.sentence(strategy: strategy, idle: true))
        }
        let sorted = BundleOrder.scarcityFirst(bundles)
        let surviving = Set(nodes.indices.filter { survivingBundles[nodes[$0].nodeID] != nil })
        let soft = softTargetNode.flatMap { id in nodes.firstIndex { $0.nodeID == id } }

        let idle = nodes.map { node in NodeCapacity(idleCapacity(node.total, minus: survivingBundles[node.nodeID])) }
        if case .failure(let failure) = BundlePolicies.run(sorted, strategy: strategy, capacities: idle,
                                                           surviving: surviving, softTarget: soft) {
            return .infeasible(reason: failure.sentence(strategy: strategy, idle: true))
        }

        let now = nodes.map { NodeCapacity($0.available, instances: $0.availableInstances) }
        switch BundlePolicies.run(sorted, strategy: strategy, capacities: now, surviving: surviving, softTarget: soft) {
        case .success(let assignment):
            return .placed(assignment.mapValues { nodes[$0].nodeID })
        case .failure(let failure):
            return .retryLater(reason: failure.sentence(strategy: strategy, idle: false))
        }
    }

    /// Schedules over every node of a resource view, in its (join) order.
    public static func schedule(_ bundles: [BundleRequest], strategy: PlacementStrategy, view: ClusterResourceView,
                                survivingBundles: [NodeID: ResourceSet] = [:],
                                softTargetNode: NodeID? = nil) -> BundlePlacement {
        schedule(bundles, strategy: strategy, nodes: view.nodes.map(BundleCandidate.init),
                 survivingBundles: survivingBundles, softTargetNode: softTargetNode)
    }

    /// `total − held`, clamped at zero per resource.
    static func idleCapacity(_ total: ResourceSet, minus held: ResourceSet?) -> ResourceSet {
        guard let held else { return total }
        var idle = total
        for (name, amount) in held.amounts { idle[name] = max(.zero, idle[name] - amount) }
        return idle
    }
}

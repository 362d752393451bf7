import ClusterState

/// Why one run of a bundle policy could not place every bundle, with what is needed to say so in
/// a sentence. Internal: `BundleScheduler` turns it into the reason of a `BundlePlacement`.
enum BundlePolicyFailure: Error, Sendable {
    /// No candidate node at all.
    case noNodes
    /// STRICT_SPREAD with more bundles than usable nodes.
    case tooFewNodes(bundles: Int, nodes: Int, excludingSurvivingNodes: Bool)
    /// `bundle` fits none of `capacities` (the nodes it may still go to, after `placedFirst`
    /// were tentatively reserved in the same run).
    case bundle(BundleRequest, capacities: [NodeCapacity], placedFirst: [BundleRequest], scope: NodeScope)
    /// STRICT_PACK: no node in `capacities` can hold all `bundles` at once.
    case strictPack(bundles: [BundleRequest], capacities: [NodeCapacity], scope: NodeScope)

    /// Which nodes a shortfall talks about, and how to say it.
    enum NodeScope: Sendable {
        case anyNode
        case unusedNode
        case survivingNode

        func limit(_ amount: String, _ place: String) -> String {
            switch self {
            case .anyNode: "the most any alive node has \(place) is \(amount)"
            case .unusedNode: "the most any alive node not yet used by this group has \(place) is \(amount)"
            case .survivingNode: "the node holding its surviving bundles has only \(amount) \(place)"
            }
        }

        func noAny(_ name: String, _ place: String) -> String {
            let suffix = place == "in total" ? "" : " " + place
            return switch self {
            case .anyNode: "no alive node has any \(name)\(suffix)"
            case .unusedNode: "no alive node not yet used by this group has any \(name)\(suffix)"
            case .survivingNode: "the node holding its surviving bundles has no \(name)\(suffix)"
            }
        }

        func notAtOnce(_ place: String) -> String {
            switch self {
            case .anyNode: "no single alive node has all of it \(place) at once"
            case .unusedNode: "no single alive node not yet used by this group has all of it \(place) at once"
            case .survivingNode: "the node holding its surviving bundles does not have all of it \(place) at once"
            }
        }
    }

    /// The full reason sentence(s). `idle` tells whether the run was against the idle capacity
    /// (then the group is infeasible) or against what is available now (then it is retried).
    func sentence(strategy: PlacementStrategy, idle: Bool) -> String {
        let place = idle ? "in total" : "available"
        let group = "this \(strategy.rawValue) placement group"
        let verdict = idle ? "can never be placed on the current nodes" : "cannot be placed now"
        let retry = idle ? "" : " The group fits the cluster's idle capacity, so placement will be retried."
        switch self {
        case .noNodes:
            return "There is no alive node to place \(group) on."
        case .tooFewNodes(let bundles, let nodes, let excluding):
            let have = excluding
                ? "only \(Self.count(nodes, "alive node")) \(nodes == 1 ? "does" : "do") not already hold one of its bundles"
                : "there \(nodes == 1 ? "is" : "are") only \(Self.count(nodes, "alive node"))"
            let need = bundles == 1 ? "a node for its unplaced bundle"
                : "a separate node for each of its \(bundles) unplaced bundles"
            let lack = excluding && nodes == 0 ? "every alive node already holds one of its bundles" : have
            return "\(Self.capitalized(group)) needs \(need), but \(lack)."
        case .bundle(let bundle, let capacities, let placedFirst, let scope):
            var lead = ""
            var where_ = place
            if !placedFirst.isEmpty {
                lead = "with \(Self.list(placedFirst)) placed first, "
                if scope != .unusedNode { where_ = "left " + place }
            }
            let (need, but) = Self.shortfall(bundle.resources, capacities, scope: scope, place: where_,
                                             mayUseNoAny: placedFirst.isEmpty || scope == .unusedNode, instances: true)
            return "Bundle \(bundle.index) \(bundle.resources) of \(group) \(verdict): \(lead)it needs \(need) but \(but).\(retry)"
        case .strictPack(let bundles, let capacities, let scope):
            let sum = bundles.reduce(into: ResourceSet()) { $0.add($1.resources) }
            let (need, but) = Self.shortfall(sum, capacities, scope: scope, place: place,
                                             mayUseNoAny: true, instances: bundles.count == 1)
            if bundles.count == 1 {
                return "Bundle \(bundles[0].index) \(bundles[0].resources) of \(group) \(verdict): it needs \(need) but \(but).\(retry)"
            }
            return "The \(bundles.count) bundles of \(group) \(verdict): they need \(need) together on one node but \(but).\(retry)"
        }
    }

    /// What is needed and what is lacking, e.g. (`2.0 GPU`, `the most any alive node has
    /// available is 1.0`): the scarcest resource that no node in `capacities` has enough of, else
    /// the unit-instance limit, else (the whole request, no node has everything at once).
    static func shortfall(_ request: ResourceSet, _ capacities: [NodeCapacity], scope: NodeScope,
                          place: String, mayUseNoAny: Bool, instances: Bool) -> (String, String) {
        let names = BundleOrder.keys(for: [request]).filter { request[$0].raw != 0 }
        for name in names {
            let need = request[name]
            let most = capacities.map { $0.amounts[name] }.max() ?? .zero
            if most < need {
                if most.raw <= 0 && mayUseNoAny { return ("\(need) \(name)", scope.noAny(name, place)) }
                return ("\(need) \(name)", scope.limit(most.description, place))
            }
        }
        if instances {
            for name in names where NodeCapacity.unitInstanceResources.contains(name) {
                let need = request[name]
                let whole = Int(need.raw / ResourceQuantity.scale)
                let fraction = ResourceQuantity(raw: need.raw % ResourceQuantity.scale)
                let free = capacities.map { $0.freeInstanceCount(name) }.max() ?? 0
                if whole > 0 && free < whole {
                    return ("\(need) \(name) as \(count(whole, "whole free \(name) instance"))",
                            scope.limit(count(free, "whole free \(name) instance"), place))
                }
                if whole == 0 && fraction.raw > 0 {
                    let largest = capacities.map { $0.largestInstance(name) }.max() ?? .zero
                    if largest < fraction {
                        return ("\(need) \(name) on a single \(name) instance",
                                scope.limit(largest.description, "\(place) on one \(name) instance"))
                    }
                }
            }
        }
        return ("\(request)", scope.notAtOnce(place))
    }

    /// `1 alive node`, `2 alive nodes`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// `bundle 0`, `bundles 0 and 2`, `bundles 0, 2 and 3`.
    static func list(_ bundles: [BundleRequest]) -> String {
        let ids = bundles.map { String($0.index) }
        if ids.count == 1 { return "bundle \(ids[0])" }
        return "bundles " + ids.dropLast().joined(separator: ", ") + " and " + ids.last!
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

import ClusterState

/// One node's placement-group reservations, as its raylet keeps them during the two-phase
/// commit: a *prepared* bundle holds its resources out of the node's available pool; a
/// *committed* bundle turns them into the group's formatted resources (`CPU_group_<pg>`,
/// `CPU_group_<i>_<pg>`, `bundle_group_…`) that only work in that group may use; cancelling or
/// returning gives everything back. Pure value type owned by the raylet; every operation is
/// all-or-nothing, so a failed call leaves the ledger and the resource sets unchanged.
public struct NodeBundleLedger: Sendable, Equatable {
    /// What is held for one bundle.
    public enum Hold: Sendable, Equatable {
        case prepared(ResourceSet)
        case committed(ResourceSet)

        public var resources: ResourceSet {
            switch self {
            case .prepared(let r), .committed(let r): return r
            }
        }
    }

    public private(set) var holds: [PlacementGroupID: [Int: Hold]] = [:]
    /// Counts the changes to the ledger (a bundle prepared, committed or released). The raylet
    /// sends it with its answers and its resource reports, so the GCS can tell a report taken
    /// before a change it has already seen answered from one taken after.
    public private(set) var version: UInt64 = 0

    public init() {}

    /// Reserves every bundle of `bundles` from `available`, or nothing. Re-preparing a bundle
    /// already held is a no-op (the GCS may retry a call whose answer was lost).
    /// - Returns: nil when done, else a sentence saying which bundle did not fit.
    public mutating func prepare(group: PlacementGroupID, bundles: [(index: Int, resources: ResourceSet)],
                                 available: inout ResourceSet) -> String? {
        var remaining = available
        var added: [Int: Hold] = [:]
        for bundle in bundles where holds[group]?[bundle.index] == nil {
            guard remaining.contains(bundle.resources) else {
                let short = bundle.resources.names.filter { remaining[$0] < bundle.resources[$0] }
                    .map { "\($0) (needs \(bundle.resources[$0]), \(remaining[$0]) available)" }
                    .joined(separator: ", ")
                return "Bundle \(bundle.index) \(bundle.resources) of placement group \(group.hex) does not fit on this node: \(short)."
            }
            remaining.subtract(bundle.resources)
            added[bundle.index] = .prepared(bundle.resources)
        }
        available = remaining
        if !added.isEmpty {
            holds[group, default: [:]].merge(added) { old, _ in old }
            version += 1
        }
        return nil
    }

    /// Turns prepared bundles into the group's formatted resources on this node. Bundles already
    /// committed are skipped; unknown ones are reported.
    /// - Returns: the indexes that were neither prepared nor committed (nothing is changed then).
    public mutating func commit(group: PlacementGroupID, indexes: [Int], formatted: (Int, ResourceSet) -> ResourceSet,
                                total: inout ResourceSet, available: inout ResourceSet) -> [Int] {
        let missing = indexes.filter { holds[group]?[$0] == nil }
        guard missing.isEmpty else { return missing }
        for index in indexes {
            guard case .prepared(let resources) = holds[group]![index]! else { continue }
            let extra = formatted(index, resources)
            total.add(extra)
            available.add(extra)
            holds[group]![index] = .committed(resources)
            version += 1
        }
        return []
    }

    /// Gives back the given bundles (all of the group's when `indexes` is nil): prepared ones
    /// return their resources to `available`; committed ones also lose their formatted
    /// resources. Unknown bundles are ignored (cancelling is idempotent).
    /// - Returns: the indexes actually released.
    @discardableResult
    public mutating func release(group: PlacementGroupID, indexes: [Int]?, formatted: (Int, ResourceSet) -> ResourceSet,
                                 total: inout ResourceSet, available: inout ResourceSet) -> [Int] {
        guard let held = holds[group] else { return [] }
        let targets = (indexes ?? Array(held.keys)).filter { held[$0] != nil }.sorted()
        for index in targets {
            switch held[index]! {
            case .prepared(let resources):
                available.add(resources)
            case .committed(let resources):
                let extra = formatted(index, resources)
                total.subtract(extra)
                available.subtract(extra)
                available.add(resources)
            }
            holds[group]![index] = nil
        }
        if holds[group]?.isEmpty == true { holds[group] = nil }
        if !targets.isEmpty { version += 1 }
        return targets
    }

    /// Every committed bundle (group, index), for re-reporting to a restarted GCS.
    public var committedBundles: [(group: PlacementGroupID, index: Int)] {
        holds.flatMap { group, bundles in
            bundles.compactMap { index, hold -> (PlacementGroupID, Int)? in
                if case .committed = hold { return (group, index) }
                return nil
            }
        }.sorted { ($0.0.hex, $0.1) < ($1.0.hex, $1.1) }
    }
}

import ClusterState
import Foundation
import OrderedCollections

/// Renders `swiftray status` from a live `ClusterStatusReport`: Ray 2.60's v1 layout
/// (reference §3.2) with the section titles of the seed documents.
///
/// Guarantees:
/// - Layout: `======== Autoscaler status: <str(datetime)> ========`, `Node status`, a separator
///   of `-` as long as the header, `Active:` (` 1 node_<hex>` per alive node, in report order,
///   or ` (no active nodes)`), `Pending:` ` (no pending nodes)`, `Recent failures:` (one
///   ` node_<hex>: NodeTerminated (ip: <ip>)` per dead node, newest first, at most 20, or
///   ` (no failures)`), a blank line, `Resources`, separator, `Usage:` and its lines, a blank
///   line, `Demands:` and its lines (` (no resource demands)` when none). No
///   `From request_resources:` section.
/// - Usage is summed over alive nodes in exact fixed point (`0.3/3.0 CPU`, never float
///   artefacts), sorted by code point; names containing `node:`, placement-group resources
///   (`X_group_<id>`, `X_group_<i>_<id>`) and (unless verbose) `accelerator_type:*` are hidden;
///   `memory`/`object_store_memory` use `MemoryFormat.status`; a resource with placement-group
///   reservations shows `used − reserved + used-in-groups` and
///   ` (<used> used of <reserved> reserved in placement groups)`.
/// - Demands: task/actor shapes first (group names mapped back to base names, `bundle` dropped,
///   identical shapes merged in first-seen order, keys sorted), then placement groups
///   (identical bundles counted inside a group, bundle keys in the order given).
/// - Verbose: `accelerator_type:*` shown, `GCS request time: <s>s` only when a measured value is
///   given, and a `Node: <hex> (node_<hex>)` / ` Usage:` block per alive node.
/// - The result is Ray's `.strip()`ed text: no trailing newline; print it with `print(_:)`.
public struct StatusRenderer: Sendable {
    public var verbose: Bool
    public var timeZone: TimeZone
    /// Seconds the GCS request took; printed only in verbose mode and only when measured.
    public var gcsRequestTime: Double?

    public init(verbose: Bool = false, timeZone: TimeZone, gcsRequestTime: Double? = nil) {
        self.verbose = verbose
        self.timeZone = timeZone
        self.gcsRequestTime = gcsRequestTime
    }

    public func render(_ report: ClusterStatusReport) -> String {
        let header = "======== Autoscaler status: "
            + PythonDateTime.string(micros: report.timeMicros, timeZone: timeZone) + " ========"
        let separator = String(repeating: "-", count: header.unicodeScalars.count)
        var lines = [header]
        if verbose, let t = gcsRequestTime {
            lines.append("GCS request time: " + String(format: "%.6f", t) + "s")
            lines.append("")
        }
        lines += ["Node status", separator, "Active:"]
        let alive = report.aliveNodes
        lines += alive.isEmpty ? [" (no active nodes)"] : alive.map { " 1 node_\($0.nodeID.hex)" }
        lines += ["Pending:", " (no pending nodes)", "Recent failures:"]
        let failures = Self.failureLines(report.deadNodes)
        lines += failures.isEmpty ? [" (no failures)"] : failures
        lines += ["", "Resources", separator, "Usage:"]
        lines += Self.usageLines(nodes: alive, verbose: verbose).map { " " + $0 }
        lines += ["", "Demands:"]
        let demands = Self.demandLines(tasks: report.taskDemands, groups: report.placementGroupDemands)
        lines += demands.isEmpty ? [" (no resource demands)"] : demands
        if verbose {
            for node in alive {
                lines += ["", "Node: \(node.nodeID.hex) (node_\(node.nodeID.hex))", " Usage:"]
                lines += Self.usageLines(nodes: [node], verbose: true).map { "  " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - pieces (internal for tests)

    static func failureLines(_ dead: [NodeInfo]) -> [String] {
        let newestFirst = dead.enumerated().sorted {
            $0.element.endTimeMs != $1.element.endTimeMs
                ? $0.element.endTimeMs > $1.element.endTimeMs : $0.offset > $1.offset
        }.map(\.element)
        return newestFirst.prefix(20).map { " node_\($0.nodeID.hex): NodeTerminated (ip: \($0.ip))" }
    }

    /// Ray's `parse_usage` over the summed totals/availability of `nodes` (lines without the
    /// leading indentation).
    static func usageLines(nodes: [NodeInfo], verbose: Bool) -> [String] {
        var total: [String: ResourceQuantity] = [:]
        var available: [String: ResourceQuantity] = [:]
        for node in nodes {
            for (name, q) in node.resourcesTotal.amounts { total[name, default: .zero] += q }
            for (name, q) in node.resourcesAvailable.amounts where node.resourcesTotal.amounts[name] != nil {
                available[name, default: .zero] += q
            }
        }
        func used(_ name: String) -> ResourceQuantity { total[name]! - (available[name] ?? .zero) }
        var pgUsed: [String: ResourceQuantity] = [:]
        var pgTotal: [String: ResourceQuantity] = [:]
        for name in total.keys {
            let parsed = PlacementGroupResourceName.parse(name)
            guard parsed.groupID != nil else { continue }
            if pgUsed[parsed.base] == nil { pgUsed[parsed.base] = .zero }
            if parsed.countable {
                pgUsed[parsed.base]! += used(name)
                pgTotal[parsed.base, default: .zero] += total[name]!
            }
        }
        var lines: [String] = []
        for name in total.keys.sorted(by: PythonOrder.less) {
            if name.contains("node:") { continue }
            if PlacementGroupResourceName.parse(name).groupID != nil { continue }
            var u = used(name)
            let t = total[name]!
            let inGroups = pgUsed[name]
            if let g = inGroups { u = u - (pgTotal[name] ?? .zero) + g }
            let reserved = pgTotal[name] ?? .zero
            if name == "memory" || name == "object_store_memory" {
                var line = "\(Self.memory(u))/\(Self.memory(t)) \(name)"
                if let g = inGroups {
                    line += " (\(Self.memory(g)) used of \(Self.memory(reserved)) reserved in placement groups)"
                }
                lines.append(line)
            } else if name.hasPrefix("accelerator_type:") && !verbose {
                continue
            } else {
                var line = "\(u)/\(t) \(name)"
                if let g = inGroups { line += " (\(g) used of \(reserved) reserved in placement groups)" }
                lines.append(line)
            }
        }
        return lines
    }

    private static func memory(_ q: ResourceQuantity) -> String {
        MemoryFormat.status(bytes: q.doubleValue)
    }

    /// The demand lines, each with its leading space.
    static func demandLines(tasks: [ResourceDemand], groups: [PlacementGroupDemand]) -> [String] {
        var merged = OrderedDictionary<ResourceSet, (count: Int, inGroups: Int)>()
        for demand in tasks {
            var shape = ResourceSet()
            var usingGroups = false
            for name in demand.shape.names {
                let parsed = PlacementGroupResourceName.parse(name)
                if parsed.groupID != nil { usingGroups = true }
                shape[parsed.base] = demand.shape[name]
            }
            if usingGroups { shape["bundle"] = .zero }
            if shape.isEmpty { continue }
            let inGroups = max(demand.countUsingPlacementGroups, usingGroups ? demand.count : 0)
            let previous = merged[shape] ?? (0, 0)
            merged[shape] = (previous.count + demand.count, previous.inGroups + inGroups)
        }
        var lines = merged.map { shape, c in
            " \(shape): \(c.count)+ pending tasks/actors"
                + (c.inGroups > 0 ? " (\(c.inGroups)+ using placement groups)" : "")
        }
        struct GroupKey: Hashable { var bundles: [ResourceSet]; var strategy: String }
        var groupOrder = OrderedDictionary<GroupKey, (demand: PlacementGroupDemand, count: Int)>()
        for g in groups {
            let key = GroupKey(bundles: g.bundles.map(\.set), strategy: g.strategy)
            if let existing = groupOrder[key] {
                groupOrder[key] = (existing.demand, existing.count + g.count)
            } else {
                groupOrder[key] = (g, g.count)
            }
        }
        for (_, entry) in groupOrder {
            var bundleCounts = OrderedDictionary<ResourceSet, (repr: String, count: Int)>()
            for b in entry.demand.bundles {
                let previous = bundleCounts[b.set]
                bundleCounts[b.set] = (previous?.repr ?? b.pythonRepr, (previous?.count ?? 0) + 1)
            }
            let shapes = bundleCounts.values.map { "\($0.repr) * \($0.count)" }.joined(separator: ", ")
            lines.append(" \(shapes) (\(entry.demand.strategy)): \(entry.count)+ pending placement groups")
        }
        return lines
    }
}

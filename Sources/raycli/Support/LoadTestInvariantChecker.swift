import ClusterState
import Scheduling

/// The load test's invariant checker, pure and without I/O: it is fed samples of the GCS's
/// node table (live totals and latest availability) and placement-group table, and decides
/// what counts as a violation.
///
/// Checked on every alive node, on every sample:
/// - availability: `0 ≤ available ≤ total` for every resource named in either;
/// - reservations: for every placement group, the formatted resources (`CPU_group_<i>_<pg>`,
///   `CPU_group_<pg>`, `bundle_group_…`) in the node's live total equal exactly what the group's
///   bundles placed on that node add when committed — for CREATED groups (and the surviving
///   bundles of RESCHEDULING ones, which keep their reservations); any other group must have
///   none there.
///
/// Raylets report every 250 ms, so the two tables can briefly disagree. A mismatch becomes a
/// violation only when the same mismatch (same kind, node and group or resource) is seen in
/// consecutive samples for longer than its grace period (`reservationGraceSeconds`, 2 s by
/// default; `availabilityGraceSeconds`, 0 by default: at first sight). Mismatches that clear
/// sooner are counted as transient. A sample the caller could not take is simply not fed in;
/// it neither ends nor extends an open mismatch.
struct LoadTestInvariantChecker: Sendable {
    var reservationGraceSeconds: Double = 2
    var availabilityGraceSeconds: Double = 0

    /// Samples checked so far.
    private(set) var samples = 0
    /// Breaches that lasted past their grace period, in the order they were counted.
    private(set) var violations: [LoadTestViolation] = []
    /// Mismatches that cleared within their grace period.
    private(set) var transientMismatches = 0
    /// The first few transient mismatches, as sentences.
    private(set) var transientExamples: [String] = []

    /// Mismatches seen in the latest sample, by key: when first seen and, once counted, the
    /// index of its violation.
    private var open: [String: (firstSeen: Double, detail: String, violation: Int?)] = [:]

    init(reservationGraceSeconds: Double = 2, availabilityGraceSeconds: Double = 0) {
        self.reservationGraceSeconds = reservationGraceSeconds
        self.availabilityGraceSeconds = availabilityGraceSeconds
    }

    /// The mismatches in one sample, keyed `kind|node|subject`: nothing here is a violation yet.
    static func mismatches(nodes: [NodeInfo], groups: [PlacementGroupInfo]) -> [String: LoadTestViolation] {
        var found: [String: LoadTestViolation] = [:]
        func note(_ kind: String, _ node: NodeID, _ subject: String, _ detail: String) {
            found["\(kind)|\(node.hex)|\(subject)"] = LoadTestViolation(kind: kind, node: node.hex, subject: subject, detail: detail,
                                                                       firstSeenSeconds: 0, lastedSeconds: 0)
        }
        let alive = nodes.filter { $0.state == .alive }
        for node in alive {
            let total = node.resourcesTotal, available = node.resourcesAvailable
            for name in Set(total.amounts.keys).union(available.amounts.keys).sorted() {
                let a = available[name], t = total[name]
                if a < .zero || a > t {
                    note("availability", node.nodeID, name, "Node \(node.nodeID.hex) has \(a) \(name) available of a total of \(t).")
                }
            }
        }
        var expected: [NodeID: [String: ResourceSet]] = [:]
        for group in groups where group.state == .created || group.state == .rescheduling {
            for bundle in group.bundles {
                guard let node = bundle.nodeID else { continue }
                expected[node, default: [:]][group.id.hex, default: ResourceSet()]
                    .add(PlacementGroupResourceNames.committed(bundleIndex: bundle.index, resources: bundle.resources.set, group: group.id))
            }
        }
        for node in alive {
            var actual: [String: ResourceSet] = [:]
            for (name, amount) in node.resourcesTotal.amounts {
                if let group = groupHex(of: name) { actual[group, default: ResourceSet()][name] = amount }
            }
            let wanted = expected[node.nodeID] ?? [:]
            for group in Set(actual.keys).union(wanted.keys).sorted() {
                let has = actual[group] ?? ResourceSet(), needs = wanted[group] ?? ResourceSet()
                if has != needs {
                    let wants = needs.isEmpty ? "the group has no CREATED bundle there" : "its CREATED bundles there need \(needs)"
                    note("reservation", node.nodeID, group,
                         "Node \(node.nodeID.hex)'s total carries \(has) for placement group \(group), but \(wants).")
                }
            }
        }
        return found
    }

    /// The placement group (hex id) a formatted resource name belongs to: the name ends in
    /// `_group_<pg>` or `_group_<i>_<pg>`; nil for any other name.
    static func groupHex(of name: String) -> String? {
        let parts = name.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, last.count == PlacementGroupID.size * 2,
              last.allSatisfy({ $0.isHexDigit }) else { return nil }
        let marker = parts[parts.count - 2] == "group" ? parts.count - 2 : parts.count - 3
        guard marker >= 1, parts[marker] == "group" else { return nil }
        if marker == parts.count - 3 && Int(parts[parts.count - 2]) == nil { return nil }
        return String(last)
    }

    /// Checks one sample taken `now` seconds after the checker started.
    mutating func observe(nodes: [NodeInfo], groups: [PlacementGroupInfo], now: Double) {
        samples += 1
        let current = Self.mismatches(nodes: nodes, groups: groups)
        for (key, episode) in open where current[key] == nil {
            if episode.violation == nil {
                transientMismatches += 1
                if transientExamples.count < 5 { transientExamples.append(episode.detail) }
            }
            open[key] = nil
        }
        for key in current.keys.sorted() {
            guard var seen = current[key] else { continue }
            var episode = open[key] ?? (firstSeen: now, detail: seen.detail, violation: nil)
            episode.detail = seen.detail
            let lasted = now - episode.firstSeen
            seen.firstSeenSeconds = episode.firstSeen
            seen.lastedSeconds = lasted
            if let index = episode.violation {
                violations[index] = seen
                open[key] = episode
                continue
            }
            let grace = seen.kind == "reservation" ? reservationGraceSeconds : availabilityGraceSeconds
            if grace <= 0 || lasted > grace {
                violations.append(seen)
                episode.violation = violations.count - 1
            }
            open[key] = episode
        }
    }
}

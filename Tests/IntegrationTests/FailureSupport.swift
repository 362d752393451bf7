import Foundation
import Testing

/// Helpers of the failure tests: `list … --format json` parsed into rows, driver output files,
/// node ids from raylet logs, a free TCP port.
extension TestCluster {
    /// One row of a `list … --format json` answer.
    typealias Row = [String: Any]

    /// Runs `swiftray <args> --format json` and parses the array of rows (empty when the
    /// cluster has none of that resource or the command failed).
    func rows(_ args: [String]) -> [Row] {
        guard let out = try? run(args + ["--format", "json"]), out.status == 0,
              let data = out.stdout.data(using: .utf8),
              let parsed = try? JSONSerialization.jsonObject(with: data) as? [Row] else { return [] }
        return parsed
    }

    func nodeRows() -> [Row] { rows(["list", "nodes", "--detail"]) }
    func jobRows() -> [Row] { rows(["list", "jobs", "--detail"]) }
    func actorRows() -> [Row] { rows(["list", "actors", "--detail", "--limit", "10000"]) }
    func groupRows() -> [Row] { rows(["list", "placement-groups", "--detail", "--limit", "10000"]) }
    func taskRows() -> [Row] { rows(["list", "tasks", "--detail", "--limit", "10000"]) }
    func workerRows() -> [Row] { rows(["list", "workers", "--detail", "--limit", "10000"]) }

    /// The attempts of the task named `name` in `list tasks`, by attempt number, once their
    /// states are `states` (owners and workers send task events in 100 ms batches) or after
    /// `seconds`, whichever comes first.
    func attempts(of name: String, settlingTo states: [String], within seconds: Double = 5) -> [Row] {
        var rows: [Row] = []
        _ = eventually(within: seconds) {
            rows = taskRows().filter { $0["name"] as? String == name }
                .sorted { ($0["attempt_number"] as? Int ?? 0) < ($1["attempt_number"] as? Int ?? 0) }
            return rows.map { $0["state"] as? String ?? "" } == states
        }
        return rows
    }

    /// The node row with this id.
    func node(_ id: String) -> Row? { nodeRows().first { $0["node_id"] as? String == id } }

    /// The actor row with this name.
    func actor(named name: String) -> Row? { actorRows().first { $0["name"] as? String == name } }

    /// An actor's `death_cause.actor_died_error_context`, when it has one.
    static func deathContext(_ actor: Row?) -> Row? {
        (actor?["death_cause"] as? Row)?["actor_died_error_context"] as? Row
    }

    /// What a background driver (`runInBackground`) printed so far.
    func output(of script: String) -> String {
        (try? String(contentsOfFile: script + ".out", encoding: .utf8)) ?? ""
    }

    /// Waits until the background driver printed a line starting with `prefix`; returns that
    /// line without the prefix (nil on timeout).
    func line(of script: String, startingWith prefix: String, within seconds: Double = 30) -> String? {
        var found: String?
        _ = eventually(within: seconds) {
            found = output(of: script).split(separator: "\n").first { $0.hasPrefix(prefix) }
                .map { String($0.dropFirst(prefix.count)) }
            return found != nil
        }
        return found
    }

    /// A daemon's log file text (`raylet.1`, `gcs_server`, …).
    func log(_ name: String) -> String {
        (try? String(contentsOfFile: tempDir + "/session_latest/logs/\(name).out", encoding: .utf8)) ?? ""
    }

    /// The node id a raylet logged when it started (`Raylet <56 hex>`).
    func nodeID(ofRaylet name: String) -> String? {
        let text = log(name)
        guard let range = text.range(of: #"Raylet [0-9a-f]{56}"#, options: .regularExpression) else { return nil }
        return String(text[range].dropFirst(7))
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then closed).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { return 0 }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        guard named == 0 else { return 0 }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

import Foundation

/// A record of one daemon this session started: `<pid> <start-ticks> <role> <name>`.
/// The start time (field 22 of /proc/<pid>/stat) guards against pid reuse: `stop` only signals
/// a pid whose start time still matches.
public struct PidFile: Sendable, Equatable {
    public var pid: Int32
    public var startTicks: UInt64
    /// `gcs` or `raylet`.
    public var role: String
    /// Log-style name, e.g. `gcs_server`, `raylet`, `raylet.1`.
    public var name: String

    public init(pid: Int32, startTicks: UInt64, role: String, name: String) {
        self.pid = pid
        self.startTicks = startTicks
        self.role = role
        self.name = name
    }

    public var text: String { "\(pid) \(startTicks) \(role) \(name)\n" }

    public init?(text: String) {
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard parts.count == 4, let pid = Int32(parts[0]), let ticks = UInt64(parts[1]) else { return nil }
        self.init(pid: pid, startTicks: ticks, role: String(parts[2]), name: String(parts[3]))
    }

    /// The start time of a running process, or nil when there is no such process.
    public static func startTicks(of pid: Int32) -> UInt64? {
        guard let stat = FileSystem.read("/proc/\(pid)/stat"),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is the state (field 3); start time is field 22 → index 19.
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }

    /// True while the recorded process is still the one that was started (not a zombie).
    public var isRunning: Bool {
        guard let ticks = Self.startTicks(of: pid), ticks == startTicks else { return false }
        if let stat = FileSystem.read("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") {
            let state = stat[stat.index(after: close)...].split(separator: " ").first
            if state == "Z" || state == "X" { return false }
        }
        return true
    }
}

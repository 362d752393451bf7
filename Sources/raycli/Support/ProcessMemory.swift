import Foundation

/// Reads a process's memory from /proc: resident (RSS, counts pages shared with other
/// processes in full) and proportional (PSS, shared pages divided among their sharers — the
/// fair measure when the GCS and raylet map the same executable).
enum ProcessMemory {
    static func residentBytes(pid: Int32) -> Int64 { field("VmRSS:", in: "/proc/\(pid)/status") }

    static func proportionalBytes(pid: Int32) -> Int64 { field("Pss:", in: "/proc/\(pid)/smaps_rollup") }

    private static func field(_ name: String, in path: String) -> Int64 {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let kb = line.split(separator: " ").dropFirst().first.flatMap { Int64($0) } ?? 0
            return kb * 1024
        }
        return 0
    }
}

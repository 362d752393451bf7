import Foundation

/// The daemons a session recorded in its `pids/` folder. `stop` uses this and nothing else:
/// it never looks processes up by name, so other sessions and other temp dirs are untouched.
public struct SessionProcesses: Sendable {
    public let sessionDir: String

    public init(sessionDir: String) { self.sessionDir = sessionDir }

    var pidsDir: String { SessionPaths.pidsDir(sessionDir) }

    /// Records a daemon started for this session.
    public func record(pid: Int32, role: String, name: String) throws {
        try FileSystem.makeDirectory(pidsDir)
        let ticks = PidFile.startTicks(of: pid) ?? 0
        try FileSystem.writeAtomically(path: "\(pidsDir)/\(name).pid",
                                       contents: PidFile(pid: pid, startTicks: ticks, role: role, name: name).text)
    }

    /// Every recorded daemon (running or not), raylets first, then the GCS.
    public func all() -> [(path: String, pid: PidFile)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: pidsDir)) ?? []
        let records = names.filter { $0.hasSuffix(".pid") }.compactMap { name -> (String, PidFile)? in
            let path = "\(pidsDir)/\(name)"
            guard let text = FileSystem.read(path), let pid = PidFile(text: text) else { return nil }
            return (path, pid)
        }
        return records.sorted { a, b in
            if (a.1.role == "gcs") != (b.1.role == "gcs") { return b.1.role == "gcs" }
            return a.1.name < b.1.name
        }
    }

    /// The next free raylet index on this host (`raylet`, `raylet.1`, …).
    public func nextRayletIndex() -> Int {
        let used = Set(all().filter { $0.pid.role == "raylet" }.map(\.pid.name))
        var i = 0
        while used.contains(i == 0 ? "raylet" : "raylet.\(i)") { i += 1 }
        return i
    }

    /// Stops every running recorded daemon: SIGTERM to the raylets, wait, then the GCS, each
    /// group getting `grace` before SIGKILL (`force`: SIGKILL at once). Removes the pid files of
    /// processes that are gone. `only` limits it to the given pids. Returns how many processes were running, and how many stopped.
    public func stopAll(grace: Duration, force: Bool, only: Set<Int32>? = nil) -> (found: Int, stopped: Int) {
        let records = all().filter { only?.contains($0.pid.pid) ?? true }
        var found = 0, stopped = 0
        for group in [records.filter { $0.pid.role != "gcs" }, records.filter { $0.pid.role == "gcs" }] {
            let running = group.filter { $0.pid.isRunning }
            for stale in group where !stale.pid.isRunning { unlink(stale.path) }
            found += running.count
            for r in running { kill(r.pid.pid, force ? SIGKILL : SIGTERM) }
            let deadline = ContinuousClock.now + grace
            var remaining = running
            while !remaining.isEmpty && ContinuousClock.now < deadline {
                usleep(20_000)
                remaining = remaining.filter { $0.pid.isRunning }
            }
            for r in remaining { kill(r.pid.pid, SIGKILL) }
            let killDeadline = ContinuousClock.now + .seconds(2)
            while !remaining.isEmpty && ContinuousClock.now < killDeadline {
                usleep(10_000)
                remaining = remaining.filter { $0.pid.isRunning }
            }
            for r in running where !r.pid.isRunning {
                unlink(r.path)
                stopped += 1
            }
        }
        return (found, stopped)
    }
}

import Foundation
import Runtime
import Testing

/// A private swiftray cluster for one test: its own temp dir, 127.0.0.1, ephemeral ports.
/// `withCluster` always stops every process the session recorded, by pid, and removes the
/// temp dir — whether the test passed or not.
final class TestCluster: @unchecked Sendable {
    let tempDir: String
    let binary: String
    private(set) var gcsAddress = ""

    init() {
        binary = TestCluster.locateBinary()
        tempDir = "/tmp/swiftray-test-\(UUID().uuidString.prefix(8).lowercased())"
        try? FileManager.default.createDirectory(atPath: tempDir, withIntermediateDirectories: true)
    }

    /// The built `swiftray` executable: `SWIFTRAY_BIN`, else beside the test bundle, else the
    /// package's debug build.
    static func locateBinary() -> String {
        if let bin = ProcessInfo.processInfo.environment["SWIFTRAY_BIN"] { return bin }
        let exe = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("swiftray").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/swiftray").path
    }

    struct Outcome: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    /// Runs `swiftray args…` with this cluster's temp dir in the environment. Uses
    /// posix_spawn and waitpid directly (Foundation's Process can miss a child's exit when many
    /// run at once); a run that exceeds `timeout` is SIGKILLed.
    @discardableResult
    func run(_ args: [String], environment extra: [String: String] = [:], timeout: Double = 60) throws -> Outcome {
        var env = ProcessInfo.processInfo.environment
        env["SWIFTRAY_TEMP_DIR"] = tempDir
        env.removeValue(forKey: "SWIFTRAY_ADDRESS")
        env.removeValue(forKey: "SWIFTRAY_AUTH_TOKEN")
        for (k, v) in extra { env[k] = v }
        return try execute(binary, args, environment: env, timeout: timeout)
    }

    /// Runs any executable to completion with its output captured (posix_spawn + waitpid).
    func execute(_ executable: String, _ args: [String], environment env: [String: String],
                 timeout: Double = 60) throws -> Outcome {
        let r = try CommandRunner.run(executable, args, environment: env, timeout: timeout)
        return Outcome(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }

    /// Starts the head on 127.0.0.1 with a free GCS port.
    @discardableResult
    func startHead(_ extra: [String] = []) throws -> Outcome {
        let outcome = try run(["start", "--head", "--port", "0", "--node-ip-address", "127.0.0.1",
                               "--health-check-timeout-ms", "1500"] + extra)
        if outcome.status == 0 {
            gcsAddress = (try? String(contentsOfFile: tempDir + "/swiftray_current_cluster", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        return outcome
    }

    /// Adds a worker node on 127.0.0.1.
    @discardableResult
    func addWorker(_ extra: [String] = []) throws -> Outcome {
        try run(["start", "--address", gcsAddress, "--node-ip-address", "127.0.0.1"] + extra)
    }

    /// Writes a driver script into the temp dir and returns its path.
    func writeScript(_ name: String, _ text: String) throws -> String {
        let path = tempDir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Starts `swiftray run <script>` in the background (output in `<script>.out`); returns its pid.
    func runInBackground(_ script: String) throws -> Int32 {
        let pidFile = tempDir + "/bg-\(UUID().uuidString).pid"
        let r = try execute("/bin/sh", ["-c", "\(binary) run \(script) > \(script).out 2>&1 & echo $! > \(pidFile)"],
                            environment: ["SWIFTRAY_TEMP_DIR": tempDir, "PATH": "/usr/bin:/bin"])
        guard r.status == 0, let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw POSIXError(.ECHILD)
        }
        return pid
    }

    /// `swiftray repl` on a pseudo-terminal, with a private home (`<tempDir>/home`, where the
    /// history file goes) and a dumb terminal.
    func startRepl() throws -> PseudoTerminal {
        let home = tempDir + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let env = ["SWIFTRAY_TEMP_DIR": tempDir, "HOME": home, "TERM": "dumb", "PATH": "/usr/bin:/bin"]
        return try PseudoTerminal(executable: binary, arguments: ["repl"], environment: env)
    }

    /// The session's recorded daemons: name → pid.
    func pids() -> [String: Int32] {
        let dir = tempDir + "/session_latest/pids"
        var result: [String: Int32] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix(".pid") {
            if let text = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8),
               let pid = text.split(separator: " ").first.flatMap({ Int32($0) }) {
                result[String(name.dropLast(4))] = pid
            }
        }
        return result
    }

    /// Every pid this test's sessions ever recorded (for the final clean-up).
    func allRecordedPids() -> [Int32] {
        var pids: [Int32] = []
        let sessions = ((try? FileManager.default.contentsOfDirectory(atPath: tempDir)) ?? []).filter { $0.hasPrefix("session_2") }
        for session in sessions {
            let dir = tempDir + "/" + session + "/pids"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                if let text = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8),
                   let pid = text.split(separator: " ").first.flatMap({ Int32($0) }) {
                    pids.append(pid)
                }
            }
        }
        return pids
    }

    static func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
           let close = stat.lastIndex(of: ")") {
            let state = stat[stat.index(after: close)...].split(separator: " ").first
            return state != "Z" && state != "X"
        }
        return false
    }

    /// SIGKILLs every recorded process and removes the temp dir.
    func destroy() {
        for pid in allRecordedPids() where TestCluster.isAlive(pid) { kill(pid, SIGKILL) }
        let sessions = ((try? FileManager.default.contentsOfDirectory(atPath: tempDir)) ?? []).filter { $0.hasPrefix("session_2") }
        for session in sessions { SessionPaths.removeObjectStores(sessionName: session) }
        try? FileManager.default.removeItem(atPath: tempDir)
    }

    /// Polls `condition` every 100 ms until it holds or `seconds` pass; returns whether it held.
    func eventually(within seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(100_000)
        }
        return try condition()
    }
}

/// Runs `body` with a fresh cluster directory and always cleans up.
func withCluster(_ body: (TestCluster) throws -> Void) rethrows {
    let cluster = TestCluster()
    defer { cluster.destroy() }
    try body(cluster)
}

import ClusterState
import Foundation
import NIOConcurrencyHelpers
import Script

/// The interpreter's host in a worker process: output goes to the worker's log file (its
/// stdout/stderr) and, line by line with the `(name pid=N)` prefix, to the driver of the task
/// that printed it; the environment includes the task's `CUDA_VISIBLE_DEVICES` and
/// `OMP_NUM_THREADS`. Used from the interpreter queue only, except `setTask`.
final class WorkerHost: ScriptHost, @unchecked Sendable {
    let forwarder: OutputForwarder
    private var partial: [ScriptStream: String] = [:]
    private var prefix = ""
    private var driver = Swiftray_WorkerAddress()
    private var overrides: [String: String] = [:]

    init(forwarder: OutputForwarder) { self.forwarder = forwarder }

    /// Sets who prints (prefix), where output goes, and the task's environment. Returns true
    /// when the environment differs from the previous task's (so `os.environ` needs a refresh).
    @discardableResult
    func setTask(prefix: String, driver: Swiftray_WorkerAddress, environment: [String: String]) -> Bool {
        flush()
        self.prefix = prefix
        self.driver = driver
        guard environment != overrides else { return false }
        for k in overrides.keys where environment[k] == nil { unsetenv(k) }
        overrides = environment
        for (k, v) in environment { setenv(k, v, 1) }
        return true
    }

    func write(_ text: String, to stream: ScriptStream) {
        let handle = stream == .stdout ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
        var buffer = (partial[stream] ?? "") + text
        var lines: [String] = []
        while let nl = buffer.firstIndex(of: "\n") {
            lines.append(String(buffer[..<nl]))
            buffer = String(buffer[buffer.index(after: nl)...])
        }
        partial[stream] = buffer
        if !lines.isEmpty { forwarder.send(to: driver, prefix: prefix, lines: lines, stderr: stream == .stderr) }
    }

    /// Sends any unfinished line.
    func flush() {
        for (stream, text) in partial where !text.isEmpty {
            forwarder.send(to: driver, prefix: prefix, lines: [text], stderr: stream == .stderr)
        }
        partial = [:]
    }

    func monotonicSeconds() -> Double { HostClock.monotonicSeconds() }

    func wallClockSeconds() -> Double { HostClock.wallClockSeconds() }

    func sleep(seconds: Double) {
        guard seconds > 0 else { return }
        var ts = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        nanosleep(&ts, nil)
    }

    var processID: Int { Int(getpid()) }

    var environment: [String: String] {
        ProcessInfo.processInfo.environment.merging(overrides) { _, new in new }
    }

    var arguments: [String] { ["swiftray-worker"] }

    func randomSeed() -> UInt64 { UInt64.random(in: 0...UInt64.max) }
}

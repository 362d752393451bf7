import CReadline
import Foundation
import Script

/// The interpreter's window on the real world for `swiftray run` and `swiftray repl`: the
/// process's stdout/stderr (unbuffered), real clocks, real sleeps (cut short by Ctrl-C), the
/// environment and argv. Remembers the last line written to stderr (the exception line of a
/// traceback) so the job can say how the driver ended.
final class ConsoleHost: ScriptHost {
    let arguments: [String]
    private(set) var lastErrorLine = ""

    init(arguments: [String]) {
        self.arguments = arguments
    }

    func write(_ text: String, to stream: ScriptStream) {
        let handle = stream == .stdout ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
        if stream == .stderr {
            let lines = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if let last = lines.last { lastErrorLine = String(last) }
        }
    }

    func monotonicSeconds() -> Double { HostClock.monotonicSeconds() }

    func wallClockSeconds() -> Double { HostClock.wallClockSeconds() }

    func sleep(seconds: Double) {
        let end = monotonicSeconds() + max(0, seconds)
        while true {
            let left = end - monotonicSeconds()
            if left <= 0 || pendingInterrupt { return }
            let slice = min(left, 0.05)
            var ts = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - Double(Int(slice))) * 1e9))
            nanosleep(&ts, nil)
            if InterruptSignal.take() { pendingInterrupt = true }
        }
    }

    /// A Ctrl-C seen during a sleep, delivered at the next poll.
    private var pendingInterrupt = false

    var processID: Int { Int(getpid()) }
    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func pollInterrupt() -> Bool {
        if pendingInterrupt { pendingInterrupt = false; return true }
        return InterruptSignal.take()
    }

    func randomSeed() -> UInt64 { UInt64.random(in: 0...UInt64.max) }
}

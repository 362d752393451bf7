import Foundation
import Script

/// A `ScriptHost` on the real clock (sleeps really block), collecting output under a lock: for
/// driving `Interpreter.serveActor`, whose calls run on fibers (other threads).
final class ActorTestHost: ScriptHost, @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""
    var processID: Int { 1 }
    var environment: [String: String] { [:] }
    var arguments: [String] { ["actor.py"] }

    var stdout: String { lock.withLock { out } }
    var stderr: String { lock.withLock { err } }
    /// Printed lines in order.
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }

    func write(_ text: String, to stream: ScriptStream) {
        lock.withLock { if stream == .stdout { out += text } else { err += text } }
    }
    func monotonicSeconds() -> Double { ActorTestClock.now() }
    func wallClockSeconds() -> Double { Date().timeIntervalSince1970 }
    func sleep(seconds: Double) { if seconds > 0 { Thread.sleep(forTimeInterval: seconds) } }
}

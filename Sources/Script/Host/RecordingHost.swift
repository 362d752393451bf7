/// A `ScriptHost` that records output and uses a virtual clock — for tests and for embedding
/// where no real I/O is wanted.
///
/// Guarantees: `sleep` advances the virtual clocks instead of blocking.
public final class RecordingHost: ScriptHost {
    public private(set) var stdout = ""
    public private(set) var stderr = ""
    public var clock: Double
    public var wallClockBase: Double
    public var processID: Int
    public var environment: [String: String]
    public var arguments: [String]
    public private(set) var sleeps: [Double] = []

    public init(environment: [String: String] = [:], arguments: [String] = ["script.py"],
                processID: Int = 4242, wallClockBase: Double = 1_700_000_000) {
        self.environment = environment
        self.arguments = arguments
        self.processID = processID
        self.clock = 0
        self.wallClockBase = wallClockBase
    }

    public func write(_ text: String, to stream: ScriptStream) {
        if stream == .stdout { stdout += text } else { stderr += text }
    }

    public func monotonicSeconds() -> Double { clock }
    public func wallClockSeconds() -> Double { wallClockBase + clock }
    public func sleep(seconds: Double) {
        sleeps.append(seconds)
        clock += max(0, seconds)
    }

    /// Clears recorded output.
    public func reset() { stdout = ""; stderr = "" }
}

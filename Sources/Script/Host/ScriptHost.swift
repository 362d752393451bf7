/// Everything the interpreter needs from the outside world. The Script module performs no I/O
/// and reads no clock, environment or randomness except through this protocol.
///
/// Implementations: the CLI's real host (stdout/stderr, `clock_gettime`, `nanosleep`), and
/// recording hosts in tests.
public protocol ScriptHost: AnyObject {
    /// Writes text to the script's standard output or error stream.
    func write(_ text: String, to stream: ScriptStream)
    /// Seconds from an arbitrary fixed point; never decreases (`time.perf_counter`, `time.monotonic`).
    func monotonicSeconds() -> Double
    /// Seconds since the Unix epoch (`time.time`).
    func wallClockSeconds() -> Double
    /// Blocks for the given time (`time.sleep`, `asyncio.sleep`). May return early when interrupted.
    func sleep(seconds: Double)
    /// The driver's process id (`os.getpid`).
    var processID: Int { get }
    /// The environment (`os.environ`).
    var environment: [String: String] { get }
    /// `sys.argv`: the script path followed by its arguments.
    var arguments: [String] { get }
    /// Polled between statements; returning true raises `KeyboardInterrupt` in the script.
    func pollInterrupt() -> Bool
    /// A seed for the `random` module.
    func randomSeed() -> UInt64
}

extension ScriptHost {
    public func pollInterrupt() -> Bool { false }
    public func randomSeed() -> UInt64 { 0x5eed }
}

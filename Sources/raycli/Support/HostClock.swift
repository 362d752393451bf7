import Foundation

/// The real clocks the interpreter's hosts (driver console, worker) read.
enum HostClock {
    /// Seconds on the monotonic clock (`time.monotonic`, `time.perf_counter`).
    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Seconds since the Unix epoch (`time.time`).
    static func wallClockSeconds() -> Double { Date().timeIntervalSince1970 }
}

import Foundation

/// How `swiftray microbenchmark` times a throughput figure, as Ray's `timeit` does: the body
/// runs for a warm-up (one second, or one trial when trials are shorter), then `trials` trials
/// of `seconds` each, called in steps of a tenth of the warm-up's call count; each trial gives
/// operations per second (the body returns how many operations one call did). The figure is the
/// mean of the trials ± their standard deviation.
struct BenchmarkTiming: Sendable {
    var trials: Int = 4
    var seconds: Double = 2

    var warmupSeconds: Double { min(1, seconds) }

    func rates(_ body: () async throws -> Int) async throws -> [Double] {
        var calls = 0
        let warmupEnd = ContinuousClock.now + .milliseconds(Int64(warmupSeconds * 1000))
        while ContinuousClock.now < warmupEnd {
            _ = try await body()
            calls += 1
        }
        let step = calls / 10 + 1
        var out: [Double] = []
        for _ in 0..<trials {
            let start = ContinuousClock.now
            let end = start + .milliseconds(Int64(seconds * 1000))
            var operations = 0
            while ContinuousClock.now < end {
                for _ in 0..<step { operations += try await body() }
            }
            out.append(Double(operations) / (ContinuousClock.now - start).seconds)
        }
        return out
    }
}

/// Throughput and latency of one kind of operation over a whole load test (every driver's
/// acknowledged calls together). Latency percentiles are nearest-rank.
struct LoadTestOperationFigure: Codable, Sendable, Equatable {
    /// The operation's key (`create`, `ready`, `remove`, `submit`, `get`).
    var operation: String
    /// What the report calls it.
    var name: String
    /// Acknowledged calls.
    var count: Int
    /// Acknowledged calls per second of the test's wall time.
    var perSecond: Double
    var p50Ms: Double
    var p99Ms: Double
    var maxMs: Double

    init(operation: LoadTestOperation, latenciesMs: [Double], elapsedSeconds: Double) {
        self.operation = operation.rawValue
        name = operation.title
        count = latenciesMs.count
        perSecond = Self.rounded(elapsedSeconds > 0 ? Double(latenciesMs.count) / elapsedSeconds : 0)
        let sorted = latenciesMs.sorted()
        p50Ms = Self.rounded(Self.percentile(sorted, 50))
        p99Ms = Self.rounded(Self.percentile(sorted, 99))
        maxMs = Self.rounded(sorted.last ?? 0)
    }

    /// The nearest-rank `p`-th percentile of ascending `sorted` values (0 when empty).
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }

    /// Three decimals, for a readable report.
    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

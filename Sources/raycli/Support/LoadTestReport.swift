import Foundation

/// The outcome of one `swiftray load-test`: throughput and latency per operation, what the
/// invariant checker saw, and everything that makes the run fail (`passed` false): a driver
/// that failed or overran, a lost call (a driver's acknowledged creates and removes, or submitted
/// and fetched tasks, disagree), a failed call, an invariant violation, a node that died, or
/// resources not back to their starting amounts once the drivers were gone.
struct LoadTestReport: Codable, Sendable {
    var drivers: Int
    var durationSeconds: Double
    /// From launching the drivers until the last one exited.
    var elapsedSeconds: Double
    var nodes: Int
    /// Drivers that exited 0 in time with a readable summary.
    var driversFinished: Int
    var operations: [LoadTestOperationFigure]
    var totalOperations: Int
    var totalPerSecond: Double
    var invariantSamples: Int
    /// Samples the checker could not take (a GCS call failed).
    var checkerErrors: Int
    /// The first few of those failures.
    var checkerErrorExamples: [String]
    var violations: [LoadTestViolation]
    var transientMismatches: Int
    var transientExamples: [String]
    var lostCalls: [String]
    /// Calls that raised or timed out in the drivers.
    var failedCalls: Int
    var failedCallExamples: [String]
    var driverFailures: [String]
    /// Nodes alive at the start and not at the end, and resources not back to their starting
    /// amounts after the drivers exited.
    var clusterProblems: [String]
    /// The drivers' scripts and output, kept when the run failed.
    var workDirectory: String?

    var passed: Bool {
        driverFailures.isEmpty && lostCalls.isEmpty && failedCalls == 0 && violations.isEmpty && clusterProblems.isEmpty
            && driversFinished == drivers
    }

    var json: String {
        struct Output: Encodable {
            let report: LoadTestReport
            let passed: Bool
            func encode(to encoder: any Encoder) throws {
                try report.encode(to: encoder)
                var c = encoder.container(keyedBy: Key.self)
                try c.encode(passed, forKey: Key(stringValue: "passed"))
            }
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Output(report: self, passed: passed))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    var table: String {
        func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
            let gap = String(repeating: " ", count: max(0, n - s.count))
            return left ? s + gap : gap + s
        }
        func num(_ x: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", x) }
        var lines: [String] = []
        lines.append("Load test: \(drivers) drivers for \(num(durationSeconds, 0)) s on \(nodes) node(s); all drivers done after \(num(elapsedSeconds)) s.")
        lines.append("")
        lines.append(pad("operation", 24, left: true) + pad("count", 9) + pad("ops/s", 10) + pad("p50 ms", 10) + pad("p99 ms", 10) + pad("max ms", 10))
        for f in operations {
            lines.append(pad(f.name, 24, left: true) + pad("\(f.count)", 9) + pad(num(f.perSecond), 10) + pad(num(f.p50Ms), 10)
                         + pad(num(f.p99Ms), 10) + pad(num(f.maxMs), 10))
        }
        lines.append(pad("all operations", 24, left: true) + pad("\(totalOperations)", 9) + pad(num(totalPerSecond), 10))
        lines.append("")
        lines.append("Drivers finished: \(driversFinished) of \(drivers). Failed calls: \(failedCalls). Lost calls: \(lostCalls.count).")
        lines.append("Invariant samples checked: \(invariantSamples) (checker errors: \(checkerErrors)). Violations: \(violations.count). Transient mismatches (cleared within the grace period): \(transientMismatches).")
        for v in violations {
            lines.append("  violation (\(v.kind), first seen at \(num(v.firstSeenSeconds, 2)) s, lasted \(num(v.lastedSeconds, 2)) s): \(v.detail)")
        }
        for x in checkerErrorExamples { lines.append("  checker error: \(x)") }
        for x in driverFailures { lines.append("  driver failure: \(x)") }
        for x in lostCalls { lines.append("  lost calls: \(x)") }
        for x in failedCallExamples { lines.append("  failed call: \(x)") }
        for x in clusterProblems { lines.append("  cluster: \(x)") }
        if let workDirectory { lines.append("Driver scripts and output: \(workDirectory)") }
        lines.append(passed ? "PASSED" : "FAILED")
        return lines.joined(separator: "\n")
    }
}

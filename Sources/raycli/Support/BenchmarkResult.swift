import ClusterState
import Foundation

/// One measured figure: its samples, the headline value (median or max), mean and stdev.
struct BenchmarkResult {
    let name: String
    let values: [Double]
    /// `median` or `max`: which statistic is the headline value.
    let summary: String

    var headline: Double {
        let sorted = values.sorted()
        if summary == "max" { return sorted.last ?? 0 }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    var mean: Double { values.reduce(0, +) / Double(max(1, values.count)) }

    var stdev: Double {
        guard values.count > 1 else { return 0 }
        let m = mean
        return (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
    }

    /// `name value +- stdev (summary of n)`, as `ray microbenchmark` prints its lines.
    var line: String {
        "\(name) \(String(format: "%.3f", headline)) +- \(String(format: "%.3f", stdev)) (\(summary) of \(values.count))"
    }

    static func json(_ results: [BenchmarkResult]) -> String {
        let items = results.map { r in
            "{\"name\": \(jsonString(r.name)), \"value\": \(PythonFloat.repr(r.headline)), \"stdev\": \(PythonFloat.repr(r.stdev)), \"statistic\": \(jsonString(r.summary)), \"samples\": \(r.values.count)}"
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    private static func jsonString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

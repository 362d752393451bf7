import ClusterState
import Foundation

/// One measured figure: its samples (one per trial, or per call for latencies), their mean and
/// standard deviation (population, as Ray's `numpy.std`).
struct BenchmarkResult {
    let name: String
    let values: [Double]

    var mean: Double { values.reduce(0, +) / Double(max(1, values.count)) }

    var stdev: Double {
        guard values.count > 1 else { return 0 }
        let m = mean
        return (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count)).squareRoot()
    }

    /// `name mean +- stdev`, each rounded to two decimals and printed as Python prints a float,
    /// exactly as `ray microbenchmark` prints its lines (`... per second 981.21 +- 10.3`).
    var line: String {
        "\(name) \(PythonFloat.repr(Self.rounded(mean))) +- \(PythonFloat.repr(Self.rounded(stdev)))"
    }

    /// `round(x, 2)`.
    static func rounded(_ x: Double) -> Double { (x * 100).rounded(.toNearestOrEven) / 100 }

    static func json(_ results: [BenchmarkResult]) -> String {
        let items = results.map { r in
            "{\"name\": \(jsonString(r.name)), \"mean\": \(PythonFloat.repr(r.mean)), \"stdev\": \(PythonFloat.repr(r.stdev)), \"samples\": \(r.values.count)}"
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    private static func jsonString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// What one `load-test` driver reported in its summary line (see `LoadTestScript`): the
/// latency of every acknowledged call per operation, and its failed calls. Parsing is strict:
/// a missing operation, a count that disagrees with its latency list, or a malformed number
/// makes the whole line unreadable (nil), which the load test counts as a failed driver.
struct LoadTestDriverSummary: Sendable, Equatable {
    static let prefix = "SWIFTRAY_LOAD_SUMMARY"
    static let errorPrefix = "SWIFTRAY_LOAD_ERROR"

    /// Latencies in milliseconds of the acknowledged calls, per operation.
    var latenciesMs: [LoadTestOperation: [Double]]
    /// How many calls failed (raised or timed out).
    var errorCount: Int
    /// The first few failures, as the driver printed them.
    var errorLines: [String]

    /// How many calls of `operation` were acknowledged.
    func count(_ operation: LoadTestOperation) -> Int { latenciesMs[operation]?.count ?? 0 }

    /// Parses a driver's whole standard output; uses its last summary line.
    static func parse(output: String) -> LoadTestDriverSummary? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard let line = lines.last(where: { $0.hasPrefix(prefix + " ") }) else { return nil }
        let errors = lines.filter { $0.hasPrefix(errorPrefix + " ") }.map { String($0.dropFirst(errorPrefix.count + 1)) }
        return parse(line: line, errorLines: errors)
    }

    /// Parses one summary line.
    static func parse(line: String, errorLines: [String] = []) -> LoadTestDriverSummary? {
        var fields = line.split(separator: " ").map(String.init)
        guard fields.first == prefix else { return nil }
        fields.removeFirst()
        var errorCount: Int?
        var latencies: [LoadTestOperation: [Double]] = [:]
        for field in fields {
            guard let eq = field.firstIndex(of: "=") else { return nil }
            let key = String(field[..<eq]), value = String(field[field.index(after: eq)...])
            if key == "errors" {
                guard let n = Int(value), n >= 0 else { return nil }
                errorCount = n
                continue
            }
            guard let operation = LoadTestOperation(rawValue: key), let colon = value.firstIndex(of: ":"),
                  let count = Int(value[..<colon]) else { return nil }
            let list = value[value.index(after: colon)...]
            let values = list.isEmpty ? [] : list.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) }
            guard values.count == count, values.allSatisfy({ $0 != nil }) else { return nil }
            latencies[operation] = values.compactMap { $0 }
        }
        guard let errorCount, LoadTestOperation.allCases.allSatisfy({ latencies[$0] != nil }) else { return nil }
        return LoadTestDriverSummary(latenciesMs: latencies, errorCount: errorCount, errorLines: errorLines)
    }
}

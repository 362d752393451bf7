/// What one `ray summary` call prints.
///
/// Guarantees: `stdout` is the exact text for standard output, final newline included (write it
/// as is); `warnings` are texts for standard error, one each (Ray shows them as `UserWarning`s).
public struct SummaryOutput: Sendable, Hashable {
    public var stdout: String
    public var warnings: [String]

    public init(stdout: String, warnings: [String] = []) {
        self.stdout = stdout
        self.warnings = warnings
    }
}

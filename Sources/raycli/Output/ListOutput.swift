/// What one `ray list` call prints.
///
/// Guarantees: `stdout` is the exact text for standard output, final newline included (write it
/// as is, without adding one); `warnings` are the texts for standard error, one per line (Ray
/// shows them as Python `UserWarning`s); `total` counts rows after filtering, `shown` after
/// `--limit`.
public struct ListOutput: Sendable, Hashable {
    public var stdout: String
    public var warnings: [String]
    public var total: Int
    public var shown: Int

    public init(stdout: String, warnings: [String] = [], total: Int, shown: Int) {
        self.stdout = stdout
        self.warnings = warnings
        self.total = total
        self.shown = shown
    }
}

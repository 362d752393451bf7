/// A driver job's status. swiftray reports how the driver really ended: SUCCEEDED when the script
/// finished, FAILED when it raised or the driver vanished (Ray always says SUCCEEDED).
public enum JobStatus: String, Sendable, Hashable, CaseIterable {
    case running = "RUNNING"
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"

    public var isTerminal: Bool { self != .running }

    /// Whether moving from `self` to `next` is legal (RUNNING → SUCCEEDED | FAILED).
    public func canMove(to next: JobStatus) -> Bool { self == .running && next != .running }
}

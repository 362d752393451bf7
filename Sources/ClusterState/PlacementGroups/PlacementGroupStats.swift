/// Ray's `PlacementGroupStats` for one group. Times are passed in by the caller (nanoseconds
/// since the epoch); latencies are microseconds, as in Ray's protobuf.
///
/// `highestRetryDelayMs` only grows; `schedulingAttempt` counts attempts (1 after the first).
public struct PlacementGroupStats: Sendable, Hashable {
    /// When the GCS received the creation request (ns).
    public var creationRequestReceivedNs: Int64
    /// When the latest scheduling attempt started (ns); 0 before the first attempt.
    public var schedulingStartedTimeNs: Int64
    /// From the start of the successful attempt to commit (µs); 0 until created.
    public var schedulingLatencyUs: Int64
    /// From the creation request to commit (µs); 0 until created.
    public var endToEndCreationLatencyUs: Int64
    /// Number of scheduling attempts so far.
    public var schedulingAttempt: Int
    /// The longest backoff applied after a failed attempt (ms).
    public var highestRetryDelayMs: Double
    public var schedulingState: PlacementGroupSchedulingState

    public init(creationRequestReceivedNs: Int64 = 0, schedulingStartedTimeNs: Int64 = 0,
                schedulingLatencyUs: Int64 = 0, endToEndCreationLatencyUs: Int64 = 0,
                schedulingAttempt: Int = 0, highestRetryDelayMs: Double = 0,
                schedulingState: PlacementGroupSchedulingState = .queued) {
        self.creationRequestReceivedNs = creationRequestReceivedNs
        self.schedulingStartedTimeNs = schedulingStartedTimeNs
        self.schedulingLatencyUs = schedulingLatencyUs
        self.endToEndCreationLatencyUs = endToEndCreationLatencyUs
        self.schedulingAttempt = schedulingAttempt
        self.highestRetryDelayMs = highestRetryDelayMs
        self.schedulingState = schedulingState
    }
}

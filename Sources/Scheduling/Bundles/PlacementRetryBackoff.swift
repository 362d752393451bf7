/// The delay before re-trying a placement group that did not fit (Ray's
/// `gcs_create_placement_group_retry_{min,max}_interval_ms` and `…_multiplier`).
///
/// After the n-th failed attempt (n ≥ 1) the delay is `floor(min(max, initial · multiplier^(n−1)))`
/// milliseconds; with the defaults 100, 150, 225, 337, 506, 759, 1000, 1000, … For n ≤ 0 (no
/// failure yet) the delay is 0. Pure; bounded work and no overflow for any n.
public struct PlacementRetryBackoff: Sendable, Equatable {
    public var initialMilliseconds: Double
    public var multiplier: Double
    public var maxMilliseconds: Double

    public init(initialMilliseconds: Double = 100, multiplier: Double = 1.5, maxMilliseconds: Double = 1000) {
        self.initialMilliseconds = initialMilliseconds
        self.multiplier = multiplier
        self.maxMilliseconds = maxMilliseconds
    }

    /// Ray's defaults: 100 ms, ×1.5, capped at 1000 ms.
    public static let ray = PlacementRetryBackoff()

    /// Milliseconds to wait after the `failedAttempts`-th failed attempt.
    public func delayMilliseconds(afterFailedAttempts failedAttempts: Int) -> Int {
        guard failedAttempts >= 1 else { return 0 }
        var delay = initialMilliseconds
        var n = 1
        while n < failedAttempts && delay < maxMilliseconds && delay > 0 && n < 10_000 {
            delay *= multiplier
            n += 1
        }
        return Int(min(maxMilliseconds, delay).rounded(.down))
    }
}

/// One breach of a load-test invariant that lasted past its grace period: `availability` (a
/// node's available amount of a resource below 0 or above its total) or `reservation` (the
/// placement-group resources a node's live total carries for one group differ from what that
/// group's CREATED bundles on the node require).
struct LoadTestViolation: Codable, Sendable, Hashable {
    /// `availability` or `reservation`.
    var kind: String
    /// The node's id (hex).
    var node: String
    /// The resource name (availability) or the placement group id in hex (reservation).
    var subject: String
    /// What was seen, as a sentence; the latest sample's when the breach lasted several.
    var detail: String
    /// When the breach was first seen, in seconds since the checker started.
    var firstSeenSeconds: Double
    /// How long it was seen for, in seconds (at least until it was counted).
    var lastedSeconds: Double
}

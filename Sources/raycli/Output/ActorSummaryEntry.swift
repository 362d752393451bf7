import ClusterState

/// The part of one actor that `ray summary actors` uses: its id (for Ray's order), class name
/// and state name (`ALIVE`, `DEAD`, …).
///
/// Guarantees: a plain value; `SummaryRenderer.actors` groups entries by `className` and counts
/// `state`s, in the order of each class's lowest actor id. `init(_:)` takes the hex id, class
/// name and state name of an `ActorInfo`, as `list actors` prints them.
public struct ActorSummaryEntry: Sendable, Hashable {
    public var actorID: String
    public var className: String
    public var state: String

    public init(actorID: String, className: String, state: String) {
        self.actorID = actorID
        self.className = className
        self.state = state
    }

    /// The summary view of an actor record.
    public init(_ actor: ActorInfo) {
        self.init(actorID: actor.actorID.hex, className: actor.className, state: actor.state.rawValue)
    }
}

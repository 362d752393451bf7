/// Failures raised by the pure cluster-state module (bad ids, bad resource quantities,
/// illegal state transitions). Every message is a full sentence meant for the user.
public enum ClusterStateError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidID(kind: String, text: String, reason: String)
    case invalidResource(String)
    case illegalTransition(entity: String, from: String, to: String)
    case invalidRecord(String)
    /// An argument of the wrong Python type (the driver raises it as `TypeError`); the payload
    /// is the full message.
    case invalidType(String)

    public var description: String {
        switch self {
        case let .invalidID(kind, text, reason):
            return "Invalid \(kind) '\(text)': \(reason)."
        case let .invalidResource(message):
            return message
        case let .illegalTransition(entity, from, to):
            return "Illegal \(entity) state transition from \(from) to \(to)."
        case let .invalidRecord(message):
            return message
        case let .invalidType(message):
            return message
        }
    }
}

/// Why a node died (Ray's `NodeDeathInfo.Reason`), rendered into `state_message`.
public enum NodeDeathReason: String, Sendable, Hashable, CaseIterable {
    case expectedTermination = "EXPECTED_TERMINATION"
    case unexpectedTermination = "UNEXPECTED_TERMINATION"

    /// The text Ray puts at the start of a dead node's `state_message`.
    public var title: String {
        switch self {
        case .expectedTermination: return "Expected termination"
        case .unexpectedTermination: return "Unexpected termination"
        }
    }
}

/// One row of the GCS node table. Owned by the GCS; everybody else sees copies.
///
/// `resourcesTotal` includes the implicit `node:<ip>` (and on the head `node:__internal_head__`)
/// resources; `resourcesAvailable` is the latest report from the node's raylet.
public struct NodeInfo: Sendable, Hashable {
    public var nodeID: NodeID
    public var ip: String
    public var nodeManagerPort: Int
    public var isHead: Bool
    public var state: NodeState
    public var nodeName: String
    public var resourcesTotal: ResourceSet
    public var resourcesAvailable: ResourceSet
    public var labels: [String: String]
    public var startTimeMs: Int64
    public var endTimeMs: Int64
    public var deathReason: NodeDeathReason?
    public var deathMessage: String
    public var rayletPid: Int32
    /// The raylet's index within its session on this host (0 for the first, as `raylet.<n>.out`).
    public var localIndex: Int

    public init(nodeID: NodeID, ip: String, nodeManagerPort: Int, isHead: Bool,
                state: NodeState = .alive, nodeName: String, resourcesTotal: ResourceSet,
                resourcesAvailable: ResourceSet, labels: [String: String] = [:],
                startTimeMs: Int64, endTimeMs: Int64 = 0, deathReason: NodeDeathReason? = nil,
                deathMessage: String = "", rayletPid: Int32 = 0, localIndex: Int = 0) {
        self.nodeID = nodeID
        self.ip = ip
        self.nodeManagerPort = nodeManagerPort
        self.isHead = isHead
        self.state = state
        self.nodeName = nodeName
        self.resourcesTotal = resourcesTotal
        self.resourcesAvailable = resourcesAvailable
        self.labels = labels
        self.startTimeMs = startTimeMs
        self.endTimeMs = endTimeMs
        self.deathReason = deathReason
        self.deathMessage = deathMessage
        self.rayletPid = rayletPid
        self.localIndex = localIndex
    }

    /// Ray's `state_message`: nil while alive, else `<reason title>[: <message>]`.
    public var stateMessage: String? {
        guard state == .dead, let reason = deathReason else { return nil }
        return deathMessage.isEmpty ? reason.title : "\(reason.title): \(deathMessage)"
    }

    /// Marks the node dead at `timeMs`; a dead node stays dead.
    public mutating func markDead(reason: NodeDeathReason, message: String, timeMs: Int64) throws(ClusterStateError) {
        guard state.canMove(to: .dead) else {
            throw .illegalTransition(entity: "node", from: state.rawValue, to: NodeState.dead.rawValue)
        }
        state = .dead
        deathReason = reason
        deathMessage = message
        endTimeMs = timeMs
    }
}

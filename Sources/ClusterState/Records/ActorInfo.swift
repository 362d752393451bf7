/// One actor as the GCS actor table knows it: a row of `list actors`.
///
/// A thin, validated view of the persisted `Swiftray_ActorRecord` (which also carries the
/// constructor call and the worker address the GCS needs). Guarantees: `actorID`, `jobID` are
/// well-formed; `nodeID` is nil until the actor is placed; `pid` is 0 until it runs;
/// `deathReason`/`deathMessage` are set exactly when `state == .dead`.
public struct ActorInfo: Sendable, Hashable {
    public var actorID: ActorID
    public var className: String
    public var state: ActorState
    public var jobID: JobID
    public var name: String
    public var nodeID: NodeID?
    public var pid: Int
    public var namespace: String
    public var placementGroupID: PlacementGroupID?
    /// What the actor is placed with, with placement-group names when in a group.
    public var requiredResources: ResourceSet
    public var isDetached: Bool
    public var deathReason: ActorDeathReason?
    public var deathMessage: String?
    public var neverStarted: Bool
    /// Who owned the actor when it died (hex worker id, IP) and the IP of the node it ran on;
    /// empty when unknown. Part of the death cause.
    public var ownerID: String
    public var ownerIPAddress: String
    public var nodeIPAddress: String
    public var numRestarts: Int
    public var reprName: String

    public init(actorID: ActorID, className: String, state: ActorState, jobID: JobID, name: String = "",
                nodeID: NodeID? = nil, pid: Int = 0, namespace: String, placementGroupID: PlacementGroupID? = nil,
                requiredResources: ResourceSet = ResourceSet(), isDetached: Bool = false,
                deathReason: ActorDeathReason? = nil, deathMessage: String? = nil, neverStarted: Bool = false,
                ownerID: String = "", ownerIPAddress: String = "", nodeIPAddress: String = "",
                numRestarts: Int = 0, reprName: String = "") {
        self.actorID = actorID
        self.className = className
        self.state = state
        self.jobID = jobID
        self.name = name
        self.nodeID = nodeID
        self.pid = pid
        self.namespace = namespace
        self.placementGroupID = placementGroupID
        self.requiredResources = requiredResources
        self.isDetached = isDetached
        self.deathReason = deathReason
        self.deathMessage = deathMessage
        self.neverStarted = neverStarted
        self.ownerID = ownerID
        self.ownerIPAddress = ownerIPAddress
        self.nodeIPAddress = nodeIPAddress
        self.numRestarts = numRestarts
        self.reprName = reprName
    }
}

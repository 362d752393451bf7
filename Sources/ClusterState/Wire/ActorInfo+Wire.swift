extension ActorInfo {
    /// The listed view of a GCS actor record, or nil when its ids or state are malformed.
    public init?(record r: Swiftray_ActorRecord) {
        guard let id = ActorID(bytes: [UInt8](r.actorID)), let job = JobID(bytes: [UInt8](r.jobID)),
              let state = ActorState(rawValue: r.state) else { return nil }
        let dead = state == .dead
        self.init(actorID: id, className: r.className, state: state, jobID: job, name: r.name,
                  nodeID: NodeID(bytes: [UInt8](r.nodeID)), pid: Int(r.pid), namespace: r.rayNamespace,
                  placementGroupID: PlacementGroupID(bytes: [UInt8](r.placementGroupID)),
                  requiredResources: ResourceSet(raw: r.requiredResources), isDetached: r.isDetached,
                  deathReason: dead ? (ActorDeathReason(rawValue: r.deathCause.reason) ?? .unspecified) : nil,
                  deathMessage: dead ? r.deathCause.errorMessage : nil, neverStarted: dead && r.deathCause.neverStarted,
                  ownerID: dead ? (WorkerID(bytes: [UInt8](r.deathCause.ownerID))?.hex ?? "") : "",
                  ownerIPAddress: dead ? r.deathCause.ownerIpAddress : "",
                  nodeIPAddress: dead ? r.deathCause.nodeIpAddress : "",
                  numRestarts: Int(r.numRestarts), reprName: r.reprName)
    }
}

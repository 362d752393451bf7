/// The result of connecting a driver: the job it registered and where it runs.
public struct JobConnection: Sendable, Equatable {
    /// Hex job id, e.g. `01000000`.
    public var jobID: String
    public var namespace: String
    /// Hex node id of the node the driver attached to.
    public var nodeID: String
    /// GCS address actually used.
    public var address: String
    /// Node IP address (shown in `ray.init`'s return value as `node_ip_address`).
    public var nodeIPAddress: String

    public init(jobID: String, namespace: String, nodeID: String, address: String, nodeIPAddress: String = "127.0.0.1") {
        self.jobID = jobID
        self.namespace = namespace
        self.nodeID = nodeID
        self.address = address
        self.nodeIPAddress = nodeIPAddress
    }
}

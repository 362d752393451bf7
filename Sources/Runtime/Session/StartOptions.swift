import ClusterState

/// What `swiftray start` was asked to do, already validated by the CLI.
public struct StartOptions: Sendable {
    /// nil for a head node; the GCS address (`host`, `port`) for a worker node.
    public var joinAddress: (host: String, port: Int)?
    public var port: Int
    public var nodeIP: String
    public var nodeManagerPort: Int
    public var numCPUs: Int64?
    public var numGPUs: Int64?
    public var memory: Int64?
    public var objectStoreMemory: Int64?
    public var customResources: [String: Int64]
    public var paths: SessionPaths
    public var environment: [String: String]
    /// Extra flags handed to the daemons (e.g. shorter health-check timeouts in tests).
    public var healthCheckTimeoutMs: Int?
    public var gcsReconnectWindowSeconds: Int?

    public init(joinAddress: (host: String, port: Int)?, port: Int, nodeIP: String, nodeManagerPort: Int,
                numCPUs: Int64?, numGPUs: Int64?, memory: Int64?, objectStoreMemory: Int64?,
                customResources: [String: Int64], paths: SessionPaths, environment: [String: String],
                healthCheckTimeoutMs: Int? = nil, gcsReconnectWindowSeconds: Int? = nil) {
        self.joinAddress = joinAddress
        self.port = port
        self.nodeIP = nodeIP
        self.nodeManagerPort = nodeManagerPort
        self.numCPUs = numCPUs
        self.numGPUs = numGPUs
        self.memory = memory
        self.objectStoreMemory = objectStoreMemory
        self.customResources = customResources
        self.paths = paths
        self.environment = environment
        self.healthCheckTimeoutMs = healthCheckTimeoutMs
        self.gcsReconnectWindowSeconds = gcsReconnectWindowSeconds
    }

    /// The node's resources: explicit flags win, the rest is detected on this machine.
    public func resourceSpec() -> NodeResourceSpec {
        let (memory, store) = ResourceDetector.defaultMemory(explicitMemory: self.memory,
                                                             explicitObjectStore: objectStoreMemory)
        return NodeResourceSpec(numCPUs: numCPUs ?? ResourceDetector.cpuCount(),
                                numGPUs: numGPUs ?? ResourceDetector.gpuCount(environment: environment),
                                memoryBytes: memory, objectStoreBytes: store, custom: customResources)
    }
}

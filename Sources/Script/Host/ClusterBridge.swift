/// How the `ray` module reaches the cluster. The Runtime implements this; the Script module
/// never touches the network. Calls are synchronous (the script blocks, like Python's Ray).
///
/// Methods throw `BridgeError` to raise a specific Python exception in the script. Hooks for
/// tasks, actors, objects and placement groups have default implementations that throw
/// `BridgeError.notImplemented`, so a runtime can adopt them one issue at a time.
public protocol ClusterBridge: AnyObject {
    /// Connects the driver and registers its job (`ray.init`, or implicitly on the first
    /// cluster call with `options.implicit == true`).
    func connect(_ options: ConnectOptions) throws -> JobConnection
    /// Disconnects (`ray.shutdown`); the job is marked finished by the runtime.
    func shutdown() throws
    /// Total resources of alive nodes, ordered as `ray.cluster_resources()` prints them.
    func clusterResources() throws -> [ScriptDataEntry]
    /// Currently available resources.
    func availableResources() throws -> [ScriptDataEntry]
    /// One dict per node (`NodeID`, `Alive`, `NodeManagerAddress`, `Resources`, …).
    func nodes() throws -> [ScriptData]

    // Hooks for later issues.
    /// Submits a task; returns the hex ids of its return objects.
    func submitTask(_ spec: RemoteCallSpec) throws -> [String]
    /// Creates an actor; returns its hex actor id.
    func createActor(_ spec: RemoteCallSpec) throws -> String
    /// Calls an actor method; returns the hex ids of its return objects.
    func callActorMethod(_ spec: RemoteCallSpec) throws -> [String]
    /// Fetches objects (`ray.get`); `timeout` nil waits forever.
    func get(_ objectIDs: [String], timeout: Double?) throws -> [ScriptData]
    /// Stores a value (`ray.put`); returns its hex object id.
    func put(_ value: ScriptData) throws -> String
    /// `ray.wait`: returns (ready, not ready) id lists.
    func wait(_ objectIDs: [String], numReturns: Int, timeout: Double?) throws -> (ready: [String], remaining: [String])
    /// `ray.kill(actor)`.
    func killActor(_ actorID: String, noRestart: Bool) throws
    /// `ray.get_actor(name, namespace=)`: the live named actor as `.actorHandle`, or nil when
    /// there is none (the script raises Ray's ValueError). `namespace` nil is the job's.
    func getActor(named name: String, namespace: String?) throws -> ScriptData?
    /// Hex id of the actor this process runs (worker of an actor), nil otherwise.
    func currentActorID() -> String?
    /// Creates a placement group; returns its hex id.
    func createPlacementGroup(bundles: [ScriptData], strategy: String, name: String, lifetime: String?) throws -> String
    /// Removes a placement group.
    func removePlacementGroup(_ id: String) throws
    /// `placement_group_table(pg)` (nil: all groups, keyed by id).
    func placementGroupTable(_ id: String?) throws -> ScriptData
    /// Blocks until the group is created or the timeout passes; returns true if ready.
    func waitPlacementGroupReady(_ id: String, timeout: Double?) throws -> Bool
    /// The live group named `name` in the driver's namespace: its hex id and bundles, or nil.
    func placementGroup(named name: String) throws -> (id: String, bundles: [ScriptData])?
    /// GPU indices assigned to the running task (`ray.get_gpu_ids()`); empty in a driver.
    func gpuIDs() -> [Int]
    /// Hex id of the task being executed (worker processes), nil in a driver.
    func currentTaskID() -> String?
    /// Hex id of the placement group whose child tasks the running task captures, if any.
    func currentPlacementGroup() -> String?
}

extension ClusterBridge {
    public func submitTask(_ spec: RemoteCallSpec) throws -> [String] { throw BridgeError.notImplemented("remote tasks") }
    public func createActor(_ spec: RemoteCallSpec) throws -> String { throw BridgeError.notImplemented("actors") }
    public func callActorMethod(_ spec: RemoteCallSpec) throws -> [String] { throw BridgeError.notImplemented("actor method calls") }
    public func get(_ objectIDs: [String], timeout: Double?) throws -> [ScriptData] { throw BridgeError.notImplemented("ray.get") }
    public func put(_ value: ScriptData) throws -> String { throw BridgeError.notImplemented("ray.put") }
    public func wait(_ objectIDs: [String], numReturns: Int, timeout: Double?) throws -> (ready: [String], remaining: [String]) {
        throw BridgeError.notImplemented("ray.wait")
    }
    public func killActor(_ actorID: String, noRestart: Bool) throws { throw BridgeError.notImplemented("ray.kill") }
    public func getActor(named name: String, namespace: String?) throws -> ScriptData? { throw BridgeError.notImplemented("ray.get_actor") }
    public func currentActorID() -> String? { nil }
    public func createPlacementGroup(bundles: [ScriptData], strategy: String, name: String, lifetime: String?) throws -> String {
        throw BridgeError.notImplemented("placement groups")
    }
    public func removePlacementGroup(_ id: String) throws { throw BridgeError.notImplemented("placement groups") }
    public func placementGroupTable(_ id: String?) throws -> ScriptData { throw BridgeError.notImplemented("placement groups") }
    public func waitPlacementGroupReady(_ id: String, timeout: Double?) throws -> Bool { throw BridgeError.notImplemented("placement groups") }
    public func placementGroup(named name: String) throws -> (id: String, bundles: [ScriptData])? {
        throw BridgeError.notImplemented("placement groups")
    }
    public func gpuIDs() -> [Int] { [] }
    public func currentTaskID() -> String? { nil }
    public func currentPlacementGroup() -> String? { nil }
}

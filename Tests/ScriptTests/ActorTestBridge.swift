import Script

/// A bridge for the actor API tests: records submitted tasks, actor creations, method calls, kills and name
/// look-ups; `named` answers `getActor`; `actorID` is what `currentActorID` reports.
final class ActorTestBridge: ClusterBridge {
    var submitted: [RemoteCallSpec] = []
    var created: [RemoteCallSpec] = []
    var calls: [RemoteCallSpec] = []
    var kills: [(String, Bool)] = []
    var lookups: [(String, String?)] = []
    var named: [String: ScriptData] = [:]
    var actorID: String?

    func connect(_ options: ConnectOptions) throws -> JobConnection {
        JobConnection(jobID: "01000000", namespace: options.namespace ?? "ns", nodeID: "n1", address: "127.0.0.1:6379")
    }
    func shutdown() throws {}
    func clusterResources() throws -> [ScriptDataEntry] { [] }
    func availableResources() throws -> [ScriptDataEntry] { [] }
    func nodes() throws -> [ScriptData] { [] }
    func submitTask(_ spec: RemoteCallSpec) throws -> [String] {
        submitted.append(spec)
        return ["task\(submitted.count)"]
    }
    func createActor(_ spec: RemoteCallSpec) throws -> String {
        created.append(spec)
        return "ac\(created.count)"
    }
    func callActorMethod(_ spec: RemoteCallSpec) throws -> [String] {
        calls.append(spec)
        return ["obj\(calls.count)"]
    }
    func killActor(_ actorID: String, noRestart: Bool) throws { kills.append((actorID, noRestart)) }
    func getActor(named name: String, namespace: String?) throws -> ScriptData? {
        lookups.append((name, namespace))
        return named[name]
    }
    func currentActorID() -> String? { actorID }
}

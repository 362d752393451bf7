import ClusterState
import Foundation

/// The GCS actor manager's calls: registering, creating, looking up, waiting for, killing and
/// listing actors.
extension GcsClient {
    /// Every actor the GCS knows, alive or dead, in registration order.
    public func allActors() async throws -> [ActorInfo] {
        try await allActorRecords().compactMap { ActorInfo(record: $0) }
    }

    /// The full records (with addresses and constructor calls).
    public func allActorRecords() async throws -> [Swiftray_ActorRecord] {
        let reply: Swiftray_GetAllActorsReply = try await rpc.call("gcs.GetAllActors", Swiftray_Empty())
        return reply.actors
    }

    /// One actor by id or by name in a namespace; nil when there is none.
    public func actor(id: ActorID? = nil, name: String = "", namespace: String = "") async throws -> Swiftray_ActorRecord? {
        var request = Swiftray_GetActorRequest()
        if let id { request.actorID = Data(id.bytes) }
        request.name = name
        request.namespace = namespace
        let reply: Swiftray_GetActorReply = try await rpc.call("gcs.GetActor", request)
        return reply.found ? reply.actor : nil
    }
}

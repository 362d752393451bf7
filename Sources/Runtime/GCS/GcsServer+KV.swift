import ClusterState
import Foundation

/// The internal KV calls, answered by `GcsKVTable` (memory mirrored from SQLite) without going
/// through the actor: a put or a delete is committed before it is acknowledged; a put that keeps
/// an existing value, and a delete of a missing key, write nothing.
extension GcsServer {
    nonisolated func handleKVCall(_ method: String, _ payload: Data) throws -> Data {
        switch method {
        case "gcs.KVPut":
            let r: Swiftray_KVPutRequest = try Self.decode(payload)
            var reply = Swiftray_KVPutReply()
            reply.added = try kv.put(namespace: r.namespace, key: r.key, value: r.value, overwrite: r.overwrite)
            return try reply.serializedData()
        case "gcs.KVGet":
            let r: Swiftray_KVGetRequest = try Self.decode(payload)
            var reply = Swiftray_KVGetReply()
            if let value = kv.value(namespace: r.namespace, key: r.key) {
                reply.found = true
                reply.value = value
            }
            return try reply.serializedData()
        case "gcs.KVDelete":
            let r: Swiftray_KVDeleteRequest = try Self.decode(payload)
            var reply = Swiftray_KVDeleteReply()
            reply.deleted = try kv.delete(namespace: r.namespace, key: r.key)
            return try reply.serializedData()
        default:
            throw RuntimeError.remote(code: Swiftray_ErrorCode.unknownMethod.rawValue,
                                      message: "The GCS has no call named \(method).")
        }
    }
}

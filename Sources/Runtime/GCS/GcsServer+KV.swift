import ClusterState
import Foundation

/// The internal KV calls, answered from the GCS's memory (`GcsKVTable`); a put or a delete is
/// committed to SQLite before memory changes and before it is acknowledged. A put that keeps
/// an existing value, and a delete of a missing key, write nothing.
extension GcsServer {
    func handleKVCall(_ method: String, _ payload: Data) throws -> Data {
        switch method {
        case "gcs.KVPut":
            let r: Swiftray_KVPutRequest = try Self.decode(payload)
            var reply = Swiftray_KVPutReply()
            let existed = kv.value(namespace: r.namespace, key: r.key) != nil
            if r.overwrite || !existed {
                try store.kvPut(namespace: r.namespace, key: [UInt8](r.key), value: [UInt8](r.value), overwrite: true)
                kv.set(namespace: r.namespace, key: r.key, value: r.value)
                reply.added = !existed
            }
            return try reply.serializedData()
        case "gcs.KVGet":
            let r: Swiftray_KVGetRequest = try Self.decode(payload)
            var reply = Swiftray_KVGetReply()
            if let value = kv.value(namespace: r.namespace, key: r.key) {
                reply.found = true
                reply.value = value
            }
            return try reply.serializedData()
        default:  // gcs.KVDelete
            let r: Swiftray_KVDeleteRequest = try Self.decode(payload)
            var reply = Swiftray_KVDeleteReply()
            if kv.value(namespace: r.namespace, key: r.key) != nil {
                try store.kvDelete(namespace: r.namespace, key: [UInt8](r.key))
                kv.remove(namespace: r.namespace, key: r.key)
                reply.deleted = true
            }
            return try reply.serializedData()
        }
    }
}

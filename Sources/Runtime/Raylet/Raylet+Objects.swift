import ClusterState
import Foundation

/// The node's object store: large objects written by local core workers, copies pulled from
/// other nodes on demand (in chunks), and the listing of every local core worker's references.
extension Raylet {
    static var chunkSize: Int64 { 8 << 20 }

    /// Changes the object store and keeps the `object_store_memory` resource equal to what it
    /// has left.
    func changeObjectStore<T>(_ body: (inout LocalObjectStore) -> T) -> T {
        let before = objectStore.used
        let result = body(&objectStore)
        let delta = objectStore.used - before
        if delta != 0 { available["object_store_memory"] -= ResourceQuantity(Double(delta)) }
        return result
    }

    /// `raylet.SealObject`: a local core worker wrote an object file.
    func sealObject(_ r: Swiftray_SealObjectRequest) throws {
        guard let id = ObjectID(bytes: [UInt8](r.objectID)) else {
            throw RuntimeError.invalidArgument("SealObject carries a malformed object id.")
        }
        let owner = WorkerID(bytes: [UInt8](r.ownerWorkerID))
        if let problem = changeObjectStore({ $0.seal(id, size: r.size, owner: owner) }) {
            throw RuntimeError.failed(problem)
        }
    }

    /// `raylet.PullObject`: makes an object local, fetching it from its node if needed.
    func pullObject(_ r: Swiftray_PullObjectRequest) async throws -> Swiftray_PullObjectReply {
        guard let id = ObjectID(bytes: [UInt8](r.objectID)) else {
            throw RuntimeError.invalidArgument("PullObject carries a malformed object id.")
        }
        if !objectStore.contains(id) {
            if NodeID(bytes: [UInt8](r.source.nodeID)) == nodeID {
                throw RuntimeError.failed("The object \(id.hex) is no longer in this node's object store; its owner may have exited.")
            }
            if let running = pulls[id] {
                _ = try await running.value
            } else {
                let source = r.source
                let pull = Task { try await self.fetch(id, from: source) }
                pulls[id] = pull
                defer { pulls[id] = nil }
                _ = try await pull.value
            }
        }
        guard let entry = objectStore.entries[id] else {
            throw RuntimeError.failed("The object \(id.hex) could not be kept in this node's object store.")
        }
        var reply = Swiftray_PullObjectReply()
        reply.path = objectStore.path(of: id)
        reply.size = entry.size
        return reply
    }

    /// Copies an object from another node's raylet into this store, chunk by chunk.
    private func fetch(_ id: ObjectID, from source: Swiftray_ObjectLocation) async throws -> String {
        let client = try await peers.client(host: source.rayletHost, port: Int(source.rayletPort))
        let path = objectStore.path(of: id)
        let partial = path + ".pull"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
              let out = FileHandle(forWritingAtPath: partial) else {
            throw RuntimeError.failed("Cannot write \(partial) in the object store.")
        }
        var offset: Int64 = 0
        var size: Int64 = -1
        do {
            repeat {
                var request = Swiftray_ReadObjectChunkRequest()
                request.objectID = Data(id.bytes)
                request.offset = offset
                request.length = Self.chunkSize
                let chunk: Swiftray_ReadObjectChunkReply = try await client.call("raylet.ReadObjectChunk", request, timeout: .seconds(60))
                size = chunk.totalSize
                try out.write(contentsOf: chunk.data)
                offset += Int64(chunk.data.count)
                if chunk.data.isEmpty && offset < size { throw RuntimeError.failed("The object \(id.hex) was cut short while it was copied.") }
            } while offset < size
            try out.close()
        } catch {
            try? out.close()
            unlink(partial)
            throw error
        }
        rename(partial, path)
        if let problem = changeObjectStore({ $0.seal(id, size: size, owner: nil) }) { throw RuntimeError.failed(problem) }
        return path
    }

    /// `raylet.ReadObjectChunk`: another raylet copies part of a local object.
    func readChunk(_ r: Swiftray_ReadObjectChunkRequest) throws -> Swiftray_ReadObjectChunkReply {
        guard let id = ObjectID(bytes: [UInt8](r.objectID)), let entry = objectStore.entries[id],
              let file = FileHandle(forReadingAtPath: objectStore.path(of: id)) else {
            throw RuntimeError.failed("The object is not in the object store of node \(nodeID.hex); its owner may have exited.")
        }
        defer { try? file.close() }
        try file.seek(toOffset: UInt64(max(0, r.offset)))
        let length = Int(min(max(0, r.length), Self.chunkSize, max(0, entry.size - r.offset)))
        var reply = Swiftray_ReadObjectChunkReply()
        reply.data = try file.read(upToCount: length) ?? Data()
        reply.totalSize = entry.size
        return reply
    }

    /// `raylet.FreeObjects`: an owner released objects.
    func freeObjects(_ r: Swiftray_FreeObjectsRequest) {
        changeObjectStore { $0.free(r.objectIds.compactMap { ObjectID(bytes: [UInt8]($0)) }) }
    }

    /// `raylet.ListObjects`: the references every local core worker holds.
    func listObjects() async -> Swiftray_ListObjectsReply {
        var reply = Swiftray_ListObjectsReply()
        let targets = workers.values.filter { $0.port > 0 }
        for w in targets {
            do {
                let client = try await peers.client(host: w.host, port: w.port)
                let part: Swiftray_ListObjectsReply = try await client.call("core.ListObjects", Swiftray_Empty(), timeout: .seconds(5))
                reply.objects += part.objects
            } catch {
                reply.errors.append("Worker \(w.workerID.hex) (pid \(w.pid)) did not list its objects: \(error)")
            }
        }
        return reply
    }
}

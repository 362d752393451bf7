import ClusterState
import Foundation

/// Objects: `ray.put`, `ray.get`, `ray.wait`, storing task results, and answering borrowers.
extension CoreWorker {
    /// Objects smaller than this go back to their owner inline; larger ones stay in the node's
    /// object store.
    public static var inlineLimit: Int { 100 * 1024 }

    /// The payload of a value small enough to travel inline (under `inlineLimit`), else nil.
    public static func inlinePayload(_ bytes: Data) -> Swiftray_ObjectPayload? {
        guard bytes.count < inlineLimit else { return nil }
        var payload = Swiftray_ObjectPayload()
        payload.inlineData = bytes
        return payload
    }

    /// `ray.put`: stores a serialized value owned by this process. Small values stay in this
    /// process (inline) unless `inObjectStore`, which writes every value into the node's object
    /// store as Ray's `ray.put` does (the microbenchmark's "(Plasma Store)" figures).
    public func put(_ bytes: Data, inObjectStore: Bool = false) async throws -> ObjectID {
        let id = nextPutID()
        objects.addPending(id, origin: .put)
        do {
            objects.resolve(id, .ready(try await store(id, bytes, inObjectStore: inObjectStore)))
        } catch {
            objects.resolve(id, .failed(Self.systemError("ObjectStoreFullError", "\(error)")))
            throw error
        }
        return id
    }

    /// Keeps a serialized value: inline when small (unless `inObjectStore`), else as a file in
    /// this node's object store.
    public func store(_ id: ObjectID, _ bytes: Data, inObjectStore: Bool = false) async throws -> Swiftray_ObjectPayload {
        if !inObjectStore, let payload = Self.inlinePayload(bytes) { return payload }
        var payload = Swiftray_ObjectPayload()
        let dir = storeDir
        let path = dir + "/" + id.hex
        let partial = path + ".tmp"
        guard Self.writeFile(partial, bytes) else {
            throw RuntimeError.failed("Cannot write the object \(id.hex) into the object store at \(dir): \(String(cString: strerror(errno))).")
        }
        rename(partial, path)
        var seal = Swiftray_SealObjectRequest()
        seal.objectID = Data(id.bytes)
        seal.size = Int64(bytes.count)
        seal.ownerWorkerID = Data(workerID.bytes)
        let _: Swiftray_Empty = try await raylet().call("raylet.SealObject", seal)
        var location = Swiftray_ObjectLocation()
        location.nodeID = Data(nodeID.bytes)
        location.rayletHost = rayletHost
        location.rayletPort = Int32(rayletPort)
        location.size = Int64(bytes.count)
        payload.location = location
        return payload
    }

    /// Frees owned objects at once: forgets them and has the raylets holding their copies in an
    /// object store delete them. Later gets of them fail as freed.
    public func free(_ ids: [ObjectID]) async throws {
        var byRaylet: [String: (host: String, port: Int, ids: [Data])] = [:]
        for (id, location) in objects.remove(ids) {
            let key = "\(location.rayletHost):\(location.rayletPort)"
            byRaylet[key, default: (location.rayletHost, Int(location.rayletPort), [])].ids.append(Data(id.bytes))
        }
        for (host, port, ids) in byRaylet.values {
            var request = Swiftray_FreeObjectsRequest()
            request.objectIds = ids
            let _: Swiftray_Empty = try await pool.client(host: host, port: port).call("raylet.FreeObjects", request)
        }
    }

    /// Writes `bytes` to a new file with plain POSIX calls (one pass, no temporary copy).
    static func writeFile(_ path: String, _ bytes: Data) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
    }

    /// The bytes behind a payload: inline, or memory-mapped from this node's object store
    /// (pulled from the holding node first when it lives elsewhere).
    public func bytes(of payload: Swiftray_ObjectPayload, id: ObjectID) async throws -> Data {
        switch payload.kind {
        case .inlineData(let d): return d
        case .location(let location):
            var path = storeDir + "/" + id.hex
            if NodeID(bytes: [UInt8](location.nodeID)) != nodeID || !FileManager.default.fileExists(atPath: path) {
                var pull = Swiftray_PullObjectRequest()
                pull.objectID = Data(id.bytes)
                pull.source = location
                let reply: Swiftray_PullObjectReply = try await raylet().call("raylet.PullObject", pull, timeout: .seconds(300))
                path = reply.path
            }
            do {
                return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            } catch {
                throw RuntimeError.failed("The object \(id.hex) could not be read from the object store: \(error.localizedDescription)")
            }
        case nil:
            throw RuntimeError.badMessage("The object \(id.hex) has an empty payload.")
        }
    }

    /// The payload of any object this process can reach: owned ones wait for their task;
    /// borrowed ones are asked of their owner.
    func payload(of id: ObjectID, timeout: Duration?) async -> Result<Swiftray_ObjectPayload, ObjectFetchProblem> {
        if objects.owns(id) {
            switch await objects.waitResolved(id, timeout: timeout) {
            case .ready(let p)?: return .success(p)
            case .failed(let e)?: return .failure(.error(e))
            case .pending?: return .failure(.timedOut)
            case nil: return .failure(.lost("The object \(id.hex) was freed."))
            }
        }
        guard let owner = objects.owner(of: id) else {
            return .failure(.lost("The object \(id.hex) is not known to this process; it was not created here and no reference to it was received."))
        }
        var request = Swiftray_GetObjectRequest()
        request.objectID = Data(id.bytes)
        request.timeoutMs = timeout.map { max(1, Self.millis($0)) } ?? 0
        do {
            let client = try await pool.client(host: owner.host, port: Int(owner.port))
            let reply: Swiftray_GetObjectReply = try await client.call("core.GetObject", request,
                                                                         timeout: timeout.map { $0 + .seconds(10) } ?? .seconds(365 * 86400))
            switch reply.status {
            case .ready: return .success(reply.payload)
            case .failed: return .failure(.error(reply.error))
            case .timeout: return .failure(.timedOut)
            default: return .failure(.lost(Self.ownerDiedMessage(id, owner, detail: "the owner no longer knows the object.")))
            }
        } catch {
            return .failure(.lost(Self.ownerDiedMessage(id, owner, detail: "\(error)")))
        }
    }

    static func ownerDiedMessage(_ id: ObjectID, _ owner: Swiftray_WorkerAddress, detail: String) -> String {
        let wid = WorkerID(bytes: [UInt8](owner.workerID))?.hex ?? "?"
        return "Failed to retrieve object \(id.hex). The object's owner has exited. This is the worker that first created the ObjectRef via `.remote()` or `ray.put()` (worker \(wid) at \(owner.host):\(owner.port)); check its log in the session's logs directory. (\(detail))"
    }

    /// `ray.get`: every object's value or error, waiting up to `timeout` in total.
    public func get(_ ids: [ObjectID], timeout: Duration?) async -> [ObjectFetch] {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        let mustWait = ids.contains { id in
            if case .ready? = objects.state(of: id) { return false }
            return true
        }
        let lend = mustWait && !isDriver && currentTask != nil
        if lend { await notifyBlocked(true) }
        defer { if lend { Task { await self.notifyBlocked(false) } } }
        // Owned objects first, all at once: one wake-up when the last is ready, rather than one
        // per object as the loop below would take while they finish one by one.
        if mustWait { await objects.waitResolved(ids, timeout: deadline.map { max(.zero, $0 - ContinuousClock.now) }) }
        var out: [ObjectFetch] = []
        for id in ids {
            let left = deadline.map { max(.zero, $0 - ContinuousClock.now) }
            switch await payload(of: id, timeout: left) {
            case .success(let p):
                do { out.append(.value(try await bytes(of: p, id: id))) } catch { out.append(.lost("\(error)")) }
            case .failure(let problem):
                switch problem {
                case .error(let e): out.append(.error(e))
                case .timedOut: out.append(.timedOut)
                case .lost(let m): out.append(.lost(m))
                }
            }
            if case .timedOut = out.last { break }
        }
        return out
    }

    /// `ray.wait`: which of `ids` are ready, waiting until `numReturns` are or `timeout` passes.
    public func wait(_ ids: [ObjectID], numReturns: Int, timeout: Duration?) async -> [Bool] {
        var ready = [Bool](repeating: false, count: ids.count)
        let want = min(numReturns, ids.count)
        // Owned objects that are already resolved need no waiting (and no task each).
        var count = 0
        for (k, id) in ids.enumerated() {
            switch objects.state(of: id) {
            case .ready?, .failed?:
                ready[k] = true
                count += 1
            default: continue
            }
        }
        if count >= want { return ready }
        // A zero timeout only looks (a poll): no CPU is lent for it.
        let lend = !isDriver && currentTask != nil && timeout != .zero
        if lend { await notifyBlocked(true) }
        defer { if lend { Task { await self.notifyBlocked(false) } } }
        await withTaskGroup(of: Int?.self) { group in
            for (k, id) in ids.enumerated() where !ready[k] {
                group.addTask {
                    switch await self.payload(of: id, timeout: nil) {
                    case .success, .failure(.error): return k
                    default: return nil
                    }
                }
            }
            if let timeout {
                group.addTask {
                    try? await Task.sleep(for: timeout)
                    return -1
                }
            }
            while count < want, let next = await group.next() {
                guard let k = next else { continue }
                if k < 0 { break }
                ready[k] = true
                count += 1
            }
            group.cancelAll()
        }
        return ready
    }

    /// `core.GetObject`: a borrower asks this owner for an object.
    func answerGetObject(_ r: Swiftray_GetObjectRequest) async -> Swiftray_GetObjectReply {
        var reply = Swiftray_GetObjectReply()
        guard let id = ObjectID(bytes: [UInt8](r.objectID)), objects.owns(id) else {
            reply.status = .unknown
            return reply
        }
        switch await objects.waitResolved(id, timeout: r.timeoutMs > 0 ? .milliseconds(r.timeoutMs) : nil) {
        case .ready(let p)?:
            reply.status = .ready
            reply.payload = p
        case .failed(let e)?:
            reply.status = .failed
            reply.error = e
        case .pending?:
            reply.status = .timeout
        case nil:
            reply.status = .unknown
        }
        return reply
    }

    /// Tells the raylet this worker waits in `ray.get` (lends its CPU) or is running again.
    func notifyBlocked(_ blocked: Bool) async {
        var request = Swiftray_WorkerBlockedRequest()
        request.workerID = Data(workerID.bytes)
        let _: Swiftray_Empty? = try? await raylet().call(blocked ? "raylet.NotifyBlocked" : "raylet.NotifyUnblocked", request)
    }

    /// Records borrowed references found in a received value, so they can be fetched later.
    public func noteReferences(in value: Swiftray_Value) {
        switch value.kind {
        case .objectRef(let r):
            if let id = ObjectID(bytes: [UInt8](r.objectID)) { objects.noteBorrowed(id, owner: r.owner) }
        case .listValue(let l), .tupleValue(let l):
            for v in l.items { noteReferences(in: v) }
        case .dictValue(let d):
            for v in d.keys { noteReferences(in: v) }
            for v in d.values { noteReferences(in: v) }
        default: break
        }
    }

    /// The owner address to put into a serialized reference to `id`.
    public func ownerAddress(of id: ObjectID) -> Swiftray_WorkerAddress {
        objects.owner(of: id) ?? address
    }

    static func systemError(_ type: String, _ message: String, errorType: String = "TASK_EXECUTION_EXCEPTION") -> Swiftray_TaskError {
        var e = Swiftray_TaskError()
        e.typeName = type
        e.message = message
        e.traceback = ""
        e.errorType = errorType
        return e
    }

    static func millis(_ d: Duration) -> Int64 {
        d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    }
}

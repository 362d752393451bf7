import ClusterState
import Foundation
import NIOConcurrencyHelpers

/// What one core worker knows about objects: those it owns (pending until the creating task
/// finishes, then a payload or an error) and the owners of those it borrows. Thread-safe:
/// used from the interpreter thread and from RPC handlers. Owned by its `CoreWorker`.
public final class ObjectTable: Sendable {
    /// The state of an owned object.
    public enum State: Sendable {
        case pending
        case ready(Swiftray_ObjectPayload)
        case failed(Swiftray_TaskError)
    }

    struct Entry {
        var state: State
        var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
        var createdBy: TaskOrigin
        var size: Int64 = -1
    }

    /// How an owned object came to be (for `list objects`).
    enum TaskOrigin {
        case put
        case task(attempt: Int)
    }

    private struct Tables {
        var owned: [ObjectID: Entry] = [:]
        var borrowed: [ObjectID: Swiftray_WorkerAddress] = [:]
        /// Waits woken (timed out or cancelled) before they registered their continuation.
        var wokenEarly: Set<UUID> = []
    }

    private let tables = NIOLockedValueBox(Tables())

    public init() {}

    func addPending(_ id: ObjectID, origin: TaskOrigin) {
        tables.withLockedValue { $0.owned[id] = Entry(state: .pending, createdBy: origin) }
    }

    /// Marks an owned object ready (or failed) and wakes its waiters.
    func resolve(_ id: ObjectID, _ state: State) {
        let waiters: [CheckedContinuation<Void, Never>] = tables.withLockedValue { t in
            guard var e = t.owned[id] else { return [] }
            e.state = state
            if case .ready(let p) = state {
                switch p.kind {
                case .inlineData(let d): e.size = Int64(d.count)
                case .location(let l): e.size = l.size
                case nil: break
                }
            }
            let w = Array(e.waiters.values)
            e.waiters = [:]
            t.owned[id] = e
            return w
        }
        for w in waiters { w.resume() }
    }

    /// The state of an owned object, or nil when this worker does not own it.
    public func state(of id: ObjectID) -> State? {
        tables.withLockedValue { $0.owned[id]?.state }
    }

    public func owns(_ id: ObjectID) -> Bool { tables.withLockedValue { $0.owned[id] != nil } }

    /// Records the owner of an object this worker received a reference to.
    public func noteBorrowed(_ id: ObjectID, owner: Swiftray_WorkerAddress) {
        tables.withLockedValue { t in
            if t.owned[id] == nil { t.borrowed[id] = owner }
        }
    }

    public func owner(of id: ObjectID) -> Swiftray_WorkerAddress? {
        tables.withLockedValue { $0.borrowed[id] }
    }

    /// Waits until an owned object is no longer pending, or until `timeout` passes or the task
    /// is cancelled. Returns the state then (nil: not owned).
    func waitResolved(_ id: ObjectID, timeout: Duration?) async -> State? {
        let key = UUID()
        let already: State?? = tables.withLockedValue { t in
            guard let e = t.owned[id] else { return .some(nil) }
            if case .pending = e.state { return nil }
            return .some(e.state)
        }
        if let already { return already }
        let timer = timeout.map { limit in
            Task { [weak self] in
                try? await Task.sleep(for: limit)
                self?.wake(id, key)
            }
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let resumeNow = tables.withLockedValue { t -> Bool in
                    if t.wokenEarly.remove(key) != nil { return true }
                    guard var e = t.owned[id] else { return true }
                    if case .pending = e.state {
                        e.waiters[key] = c
                        t.owned[id] = e
                        return false
                    }
                    return true
                }
                if resumeNow { c.resume() }
            }
        } onCancel: {
            self.wake(id, key)
        }
        timer?.cancel()
        tables.withLockedValue { _ = $0.wokenEarly.remove(key) }
        return state(of: id)
    }

    /// Ends one wait (its timeout passed or its task was cancelled). A wait that has not
    /// registered yet is remembered, so it does not start waiting after its end.
    private func wake(_ id: ObjectID, _ key: UUID) {
        let c = tables.withLockedValue { t -> CheckedContinuation<Void, Never>? in
            if let c = t.owned[id]?.waiters.removeValue(forKey: key) { return c }
            t.wokenEarly.insert(key)
            return nil
        }
        c?.resume()
    }

    /// Owned objects for `list objects`: id, state, size, origin.
    func ownedSnapshot() -> [(ObjectID, State, Int64, TaskOrigin)] {
        tables.withLockedValue { t in t.owned.map { ($0.key, $0.value.state, $0.value.size, $0.value.createdBy) } }
    }

    /// Forgets owned objects (freed) and returns those that lived in an object store.
    func remove(_ ids: [ObjectID]) -> [(ObjectID, Swiftray_ObjectLocation)] {
        tables.withLockedValue { t in
            var stored: [(ObjectID, Swiftray_ObjectLocation)] = []
            for id in ids {
                if let e = t.owned.removeValue(forKey: id), case .ready(let p) = e.state, case .location(let l)? = p.kind {
                    stored.append((id, l))
                }
            }
            return stored
        }
    }
}

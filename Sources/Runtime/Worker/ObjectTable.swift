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
        /// The waits this object holds up (keys into `Tables.waits`).
        var waiters: [UUID] = []
        var createdBy: TaskOrigin
        var size: Int64 = -1
    }

    /// One wait for a set of objects: it ends when the last of them is resolved (or earlier,
    /// on its timeout or cancellation), with one wake-up however many objects it waited for.
    struct Wait {
        var remaining: Int
        var continuation: CheckedContinuation<Void, Never>
        /// The objects it still waits for (so an early end can take its key off them).
        var ids: [ObjectID]
    }

    /// How an owned object came to be (for `list objects`).
    enum TaskOrigin {
        case put
        case task(attempt: Int)
    }

    private struct Tables {
        var owned: [ObjectID: Entry] = [:]
        var borrowed: [ObjectID: Swiftray_WorkerAddress] = [:]
        var waits: [UUID: Wait] = [:]
        /// Waits woken (timed out or cancelled) before they registered their continuation.
        var wokenEarly: Set<UUID> = []

        /// One object the waits `keys` held up is no longer pending: those left with nothing to
        /// wait for end, and their continuations are returned (to resume outside the lock).
        mutating func release(_ keys: [UUID]) -> [CheckedContinuation<Void, Never>] {
            var done: [CheckedContinuation<Void, Never>] = []
            for key in keys {
                guard var wait = waits[key] else { continue }  // ended already
                wait.remaining -= 1
                if wait.remaining > 0 {
                    waits[key] = wait
                } else {
                    waits[key] = nil
                    done.append(wait.continuation)
                }
            }
            return done
        }
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
            let keys = e.waiters
            e.waiters = []
            t.owned[id] = e
            return t.release(keys)
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
        await waitResolved([id], timeout: timeout)
        return state(of: id)
    }

    /// Waits until none of the owned objects among `ids` is pending (others are ignored), or
    /// until `timeout` passes or the task is cancelled; one wake-up for the whole set.
    func waitResolved(_ ids: [ObjectID], timeout: Duration?) async {
        let key = UUID()
        // An id listed twice holds the wait twice and releases it twice: the count stays right.
        let pending = tables.withLockedValue { t in
            ids.filter { id in
                if case .pending? = t.owned[id]?.state { return true }
                return false
            }
        }
        if pending.isEmpty { return }
        let timer = timeout.map { limit in
            Task { [weak self] in
                // Cancelled when the wait ended first: then there is nothing to wake.
                do { try await Task.sleep(for: limit) } catch { return }
                self?.wake(key)
            }
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let resumeNow = tables.withLockedValue { t -> Bool in
                    if t.wokenEarly.remove(key) != nil { return true }
                    // Resolved since the look above: only the ones still pending hold the wait.
                    var held: [ObjectID] = []
                    for id in pending {
                        guard var e = t.owned[id], case .pending = e.state else { continue }
                        e.waiters.append(key)
                        t.owned[id] = e
                        held.append(id)
                    }
                    if held.isEmpty { return true }
                    t.waits[key] = Wait(remaining: held.count, continuation: c, ids: held)
                    return false
                }
                if resumeNow { c.resume() }
            }
        } onCancel: {
            self.wake(key)
        }
        timer?.cancel()
        tables.withLockedValue { _ = $0.wokenEarly.remove(key) }
    }

    /// Ends one wait (its timeout passed or its task was cancelled). A wait that has not
    /// registered yet is remembered, so it does not start waiting after its end.
    private func wake(_ key: UUID) {
        let c = tables.withLockedValue { t -> CheckedContinuation<Void, Never>? in
            if let wait = t.waits.removeValue(forKey: key) {
                for id in wait.ids { t.owned[id]?.waiters.removeAll { $0 == key } }
                return wait.continuation
            }
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
        let (stored, waiters) = tables.withLockedValue { t in
            var stored: [(ObjectID, Swiftray_ObjectLocation)] = []
            var waiters: [CheckedContinuation<Void, Never>] = []
            for id in ids {
                guard let e = t.owned.removeValue(forKey: id) else { continue }
                // Waits for a freed object end (their callers then find it gone).
                waiters += t.release(e.waiters)
                if case .ready(let p) = e.state, case .location(let l)? = p.kind { stored.append((id, l)) }
            }
            return (stored, waiters)
        }
        for w in waiters { w.resume() }
        return stored
    }
}

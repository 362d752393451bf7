import ClusterState
import NIOConcurrencyHelpers
import NIOCore

/// The calls a client has sent and not yet seen answered, keyed by request id. Thread-safe;
/// owned by one `RpcClient`. Each call is completed exactly once: by the answer, by the
/// deadline, by cancellation, or by the connection closing.
final class PendingCalls: Sendable {
    typealias Completion = @Sendable (Result<Swiftray_Frame, any Error>) -> Void

    private struct Entry {
        var complete: Completion
        var deadline: Scheduled<Void>?
    }
    private struct State {
        var nextID: UInt64 = 1
        var entries: [UInt64: Entry] = [:]
        var closed: RuntimeError?
    }
    private let state = NIOLockedValueBox(State())

    /// Registers a call and returns its id, or nil (after failing the continuation) when the
    /// connection is already closed.
    func register(_ continuation: CheckedContinuation<Swiftray_Frame, any Error>) -> UInt64? {
        register { continuation.resume(with: $0) }
    }

    /// Registers a call completed through `complete`; nil (after completing it with the error)
    /// when the connection is already closed.
    func register(_ complete: @escaping Completion) -> UInt64? {
        let outcome: Result<UInt64, RuntimeError> = state.withLockedValue { s in
            if let error = s.closed { return .failure(error) }
            let id = s.nextID
            s.nextID += 1
            s.entries[id] = Entry(complete: complete, deadline: nil)
            return .success(id)
        }
        switch outcome {
        case .success(let id): return id
        case .failure(let error):
            complete(.failure(error))
            return nil
        }
    }

    /// Attaches the deadline timer of a registered call (cancelled when the call completes).
    func setDeadline(_ id: UInt64, _ task: Scheduled<Void>) {
        let attached = state.withLockedValue { s -> Bool in
            guard s.entries[id] != nil else { return false }
            s.entries[id]!.deadline = task
            return true
        }
        if !attached { task.cancel() }
    }

    /// Delivers an answer; unknown ids (late answers after a deadline) are ignored.
    func complete(_ frame: Swiftray_Frame) {
        guard let entry = state.withLockedValue({ $0.entries.removeValue(forKey: frame.id) }) else { return }
        entry.deadline?.cancel()
        entry.complete(.success(frame))
    }

    /// Fails one call (deadline or cancellation).
    func fail(_ id: UInt64, with error: any Error) {
        guard let entry = state.withLockedValue({ $0.entries.removeValue(forKey: id) }) else { return }
        entry.deadline?.cancel()
        entry.complete(.failure(error))
    }

    /// Fails every pending call and refuses new ones (the connection is gone).
    func closeAll(with error: RuntimeError) {
        let entries = state.withLockedValue { s -> [Entry] in
            s.closed = error
            let all = Array(s.entries.values)
            s.entries.removeAll()
            return all
        }
        for entry in entries {
            entry.deadline?.cancel()
            entry.complete(.failure(error))
        }
    }
}

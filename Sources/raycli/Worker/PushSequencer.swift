import Foundation
import NIOConcurrencyHelpers

/// Lets pushed calls enter the interpreter in their sender's order (pushes may be handled
/// concurrently on arrival): per lease for tasks, per caller for an actor's method calls.
/// Thread-safe and synchronous where it can be (`finished` needs no hop), so the hot path pays
/// no task per call. Owned by the worker's executor.
final class PushSequencer: Sendable {
    private struct State {
        var next: [Data: Int64] = [:]
        var waiting: [Data: [Int64: CheckedContinuation<Void, Never>]] = [:]

        /// Raises `key`'s next number to `floor` (the sender's promise that nothing below it will
        /// come) and takes the waiters that admits.
        mutating func raise(_ key: Data, to floor: Int64) -> [CheckedContinuation<Void, Never>] {
            guard floor > (next[key] ?? 0) else { return [] }
            next[key] = floor
            let admitted = (waiting[key] ?? [:]).keys.filter { $0 <= floor }
            return admitted.compactMap { waiting[key]?.removeValue(forKey: $0) }
        }
    }

    private let state = NIOLockedValueBox(State())

    /// Returns when it is `sequence`'s turn under `key`. `floor` is the sender's promise that
    /// nothing below it will come (answered or abandoned calls, e.g. before an actor restart).
    func turn(_ key: Data, _ sequence: Int64, floor: Int64 = 0) async {
        let (admitted, ready) = state.withLockedValue { s in
            (s.raise(key, to: floor), (s.next[key] ?? 0) >= sequence)
        }
        for c in admitted { c.resume() }
        if ready { return }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now = state.withLockedValue { s -> Bool in
                if (s.next[key] ?? 0) >= sequence { return true }
                s.waiting[key, default: [:]][sequence] = c
                return false
            }
            if now { c.resume() }
        }
    }

    /// `sequence` is queued; lets the next one in.
    func finished(_ key: Data, _ sequence: Int64) {
        let c = state.withLockedValue { s -> CheckedContinuation<Void, Never>? in
            let next = max(s.next[key] ?? 0, sequence + 1)
            s.next[key] = next
            return s.waiting[key]?.removeValue(forKey: next)
        }
        c?.resume()
    }
}

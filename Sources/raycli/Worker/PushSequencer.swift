import Foundation

/// Lets pushed calls enter the interpreter in their sender's order (pushes may be handled
/// concurrently on arrival): per lease for tasks, per caller for an actor's method calls.
/// Owned by the worker's executor.
actor PushSequencer {
    private var next: [Data: Int64] = [:]
    private var waiting: [Data: [Int64: CheckedContinuation<Void, Never>]] = [:]

    /// Returns when it is `sequence`'s turn under `key`. `floor` is the sender's promise that
    /// nothing below it will come (answered or abandoned calls, e.g. before an actor restart).
    func turn(_ key: Data, _ sequence: Int64, floor: Int64 = 0) async {
        if floor > (next[key] ?? 0) {
            next[key] = floor
            // Calls the raised floor admits go ahead.
            if let admitted = waiting[key]?.keys.filter({ $0 <= floor }) {
                for s in admitted { waiting[key]?.removeValue(forKey: s)?.resume() }
            }
        }
        if (next[key] ?? 0) >= sequence { return }
        await withCheckedContinuation { waiting[key, default: [:]][sequence] = $0 }
    }

    /// `sequence` is queued; lets the next one in.
    func finished(_ key: Data, _ sequence: Int64) {
        next[key] = max(next[key] ?? 0, sequence + 1)
        if let c = waiting[key]?.removeValue(forKey: next[key]!) { c.resume() }
    }
}

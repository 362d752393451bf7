import Foundation

/// Lets the tasks pushed on one lease enter the interpreter queue in the owner's order
/// (pushes may be handled concurrently on arrival). Owned by the worker's executor.
actor LeaseSequencer {
    private var next: [Data: Int64] = [:]
    private var waiting: [Data: [Int64: CheckedContinuation<Void, Never>]] = [:]

    /// Returns when it is `sequence`'s turn on `lease`.
    func turn(_ lease: Data, _ sequence: Int64) async {
        if (next[lease] ?? 0) >= sequence { return }
        await withCheckedContinuation { waiting[lease, default: [:]][sequence] = $0 }
    }

    /// `sequence` is queued; lets the next one in.
    func finished(_ lease: Data, _ sequence: Int64) {
        next[lease] = max(next[lease] ?? 0, sequence + 1)
        if let c = waiting[lease]?.removeValue(forKey: sequence + 1) { c.resume() }
    }
}

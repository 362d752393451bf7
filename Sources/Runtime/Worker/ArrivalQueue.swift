import NIOConcurrencyHelpers

/// Work arriving from other threads (answers read on network threads, submitted calls), handed
/// to an actor in batches: the first arrival of a batch starts one drain, which takes
/// everything queued until nothing is left, so a burst costs one hop onto the actor instead of
/// one task each. Thread-safe; owned by a submitter.
final class ArrivalQueue<Item: Sendable>: Sendable {
    private let state = NIOLockedValueBox<(items: [Item], draining: Bool)>(([], false))

    /// Queues `item`; returns true when the caller must start a drain (none is running).
    func add(_ item: Item) -> Bool {
        state.withLockedValue { s in
            s.items.append(item)
            if s.draining { return false }
            s.draining = true
            return true
        }
    }

    /// Everything queued; an empty result ends the drain.
    func take() -> [Item] {
        state.withLockedValue { s in
            let items = s.items
            s.items = []
            if items.isEmpty { s.draining = false }
            return items
        }
    }
}

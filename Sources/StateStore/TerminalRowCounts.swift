import Foundation

/// How many terminal rows (dead nodes, removed placement groups, dead actors) each table of a
/// `GcsStore` holds, so keeping the retention cap never counts a table. Counted once when the
/// store opens and changed only after a write that changed them has committed. Owned by its
/// `GcsStore`; the lock only makes the (already serialized) writes' access explicit.
final class TerminalRowCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    /// The count for `table`.
    subscript(table: String) -> Int {
        get { lock.withLock { counts[table] ?? 0 } }
        set { lock.withLock { counts[table] = newValue } }
    }
}

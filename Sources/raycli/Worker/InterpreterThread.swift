import Foundation
import NIOConcurrencyHelpers

/// One long-lived thread with a large stack that runs submitted work in order: the worker's
/// interpreter lives on it, so a task needs neither a thread hop per call nor a fresh
/// large-stack thread (deep recursion still has room). Owned by the worker's executor.
final class InterpreterThread: Sendable {
    static let stackSize = 256 * 1024 * 1024

    private let queue = NIOLockedValueBox<[@Sendable () -> Void]>([])
    private let ready = DispatchSemaphore(value: 0)

    init() {
        let thread = Thread { [queue, ready] in
            while true {
                ready.wait()
                let work = queue.withLockedValue { $0.isEmpty ? nil : $0.removeFirst() }
                work?()
            }
        }
        thread.stackSize = Self.stackSize
        thread.name = "swiftray-interpreter"
        thread.start()
    }

    /// Runs `work` on the thread after everything submitted before it.
    func submit(_ work: @escaping @Sendable () -> Void) {
        queue.withLockedValue { $0.append(work) }
        ready.signal()
    }
}

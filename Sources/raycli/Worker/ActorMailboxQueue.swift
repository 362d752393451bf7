import DequeModule
import Foundation
import Script

/// The method calls waiting for an actor's interpreter, in delivery order: the network side
/// `put`s, the interpreter thread takes them in `next`. Thread-safe; owned by the executor.
final class ActorMailboxQueue: ActorMailbox, @unchecked Sendable {
    private let condition = NSCondition()
    private var calls = Deque<ActorCall>()
    private var closed = false

    func put(_ call: ActorCall) {
        condition.lock()
        calls.append(call)
        condition.signal()
        condition.unlock()
    }

    /// Ends serving once the queued calls are taken.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func next(timeout: Double?) -> ActorMailboxItem {
        condition.lock()
        defer { condition.unlock() }
        let deadline = timeout.map { Date(timeIntervalSinceNow: max(0, $0)) }
        while calls.isEmpty && !closed {
            if let deadline {
                if !condition.wait(until: deadline) && calls.isEmpty { return closed ? .closed : .timedOut }
            } else {
                condition.wait()
            }
        }
        if let call = calls.popFirst() { return .call(call) }
        return .closed
    }
}

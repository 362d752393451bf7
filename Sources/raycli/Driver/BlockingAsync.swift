import CReadline
import Dispatch
import Foundation
import Script

/// Runs async runtime calls from the interpreter's synchronous world: the calling (interpreter)
/// thread waits on a semaphore while the call runs on the cooperative pool. A SIGINT while
/// waiting cancels the call and raises KeyboardInterrupt in the script (a `BridgeError` of that
/// type). `wait` is for runtime work between two script calls (a worker loading a task's
/// definition or storing its result): it leaves any SIGINT to the next script code.
enum BlockingAsync {
    /// A one-shot mailbox for the result.
    private final class Box<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
        let lock = NSLock()
        func store(_ r: Result<T, any Error>) { lock.withLock { result = r } }
        /// The stored result (read after the semaphore was signalled).
        func value() throws -> T { try lock.withLock { try result!.get() } }
    }

    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let (box, done, task) = launch(body)
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if InterruptSignal.take() {
                task.cancel()
                throw BridgeError("KeyboardInterrupt", "")
            }
        }
        return try box.value()
    }

    /// Runs `body` on the pool and waits for its answer, whatever signals come meanwhile.
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let (box, done, _) = launch(body)
        done.wait()
        // `body` cannot throw, so the stored result is a value.
        guard let value = try? box.value() else { preconditionFailure("BlockingAsync.wait: the body stored no value.") }
        return value
    }

    /// Starts `body` on the pool; its result goes to the box, then the semaphore is signalled.
    private static func launch<T: Sendable>(_ body: @escaping @Sendable () async throws -> T)
        -> (Box<T>, DispatchSemaphore, Task<Void, Never>) {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let task = Task {
            let r: Result<T, any Error>
            do { r = .success(try await body()) } catch { r = .failure(error) }
            box.store(r)
            done.signal()
        }
        return (box, done, task)
    }
}

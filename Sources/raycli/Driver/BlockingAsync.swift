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
    }

    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let task = Task {
            let r: Result<T, any Error>
            do { r = .success(try await body()) } catch { r = .failure(error) }
            box.store(r)
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if InterruptSignal.take() {
                task.cancel()
                throw BridgeError("KeyboardInterrupt", "")
            }
        }
        box.lock.lock(); defer { box.lock.unlock() }
        return try box.result!.get()
    }

    /// Runs `body` on the pool and waits for its answer, whatever signals come meanwhile.
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.store(.success(await body()))
            done.signal()
        }
        done.wait()
        box.lock.lock(); defer { box.lock.unlock() }
        guard case .success(let value)? = box.result else { preconditionFailure("BlockingAsync.wait: the body stored no value.") }
        return value
    }
}

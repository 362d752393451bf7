import CReadline
import Dispatch
import Foundation
import Script

/// Runs async runtime calls from the interpreter's synchronous world: the calling (interpreter)
/// thread waits on a semaphore while the call runs on the cooperative pool. A SIGINT while
/// waiting cancels the call and raises KeyboardInterrupt in the script (a `BridgeError` of that type),
/// unless the caller is runtime work between two tasks (`interruptible: false`), which leaves the
/// SIGINT to the next script code.
enum BlockingAsync {
    /// A one-shot mailbox for the result.
    private final class Box<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
        let lock = NSLock()
        func store(_ r: Result<T, any Error>) { lock.withLock { result = r } }
    }

    static func run<T: Sendable>(interruptible: Bool = true, _ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let task = Task {
            let r: Result<T, any Error>
            do { r = .success(try await body()) } catch { r = .failure(error) }
            box.store(r)
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if interruptible, InterruptSignal.take() {
                task.cancel()
                throw BridgeError("KeyboardInterrupt", "")
            }
        }
        box.lock.lock(); defer { box.lock.unlock() }
        return try box.result!.get()
    }
}

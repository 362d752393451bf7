#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a closure synchronously on a fresh thread with a large stack, so deeply recursive
/// scripts (up to `Interpreter.maxDepth` Python frames) cannot overflow the caller's stack
/// (Swift concurrency and test threads have small stacks).
///
/// Guarantees: the closure has finished when `run` returns; falls back to the current thread
/// if a thread cannot be created.
enum LargeStack {
    static let size = 256 * 1024 * 1024

    static func run<T>(_ body: () -> T) -> T {
        var result: T? = nil
        withoutActuallyEscaping(body) { escapable in
            let box = ResultBox { result = escapable() }
            guard let thread = PosixThread.start(stackSize: size, detached: false, { box.body() }) else {
                result = escapable()
                return
            }
            #if canImport(Darwin)
            pthread_join(thread!, nil)
            #else
            pthread_join(thread, nil)
            #endif
        }
        return result!
    }

    /// Carries the non-Sendable closure to the thread that runs it while the caller waits.
    private final class ResultBox: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
}

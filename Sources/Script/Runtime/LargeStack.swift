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

    private final class Box: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    static func run<T>(_ body: () -> T) -> T {
        var result: T? = nil
        withoutActuallyEscaping(body) { escapable in
            let box = Box { result = escapable() }
            let raw = Unmanaged.passRetained(box).toOpaque()
            var attr = pthread_attr_t()
            pthread_attr_init(&attr)
            defer { pthread_attr_destroy(&attr) }
            pthread_attr_setstacksize(&attr, size)
            #if canImport(Darwin)
            var thread: pthread_t? = nil
            #else
            var thread = pthread_t()
            #endif
            let rc = pthread_create(&thread, &attr, { arg in
                let b = Unmanaged<Box>.fromOpaque(arg!).takeRetainedValue()
                b.body()
                return nil
            }, raw)
            if rc != 0 {
                Unmanaged<Box>.fromOpaque(raw).release()
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
}

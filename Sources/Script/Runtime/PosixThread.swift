#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts POSIX threads with a chosen stack size (the interpreter needs large stacks: deep
/// recursion on `LargeStack`, fibers on `FiberThread`).
enum PosixThread {
    private final class Box: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    #if canImport(Darwin)
    typealias Handle = pthread_t?
    #else
    typealias Handle = pthread_t
    #endif

    /// Runs `body` on a new thread; nil when no thread could be created (`body` is not run).
    /// A detached thread cleans up after itself; otherwise the caller joins the handle.
    static func start(stackSize: Int, detached: Bool, _ body: @escaping () -> Void) -> Handle? {
        let raw = Unmanaged.passRetained(Box(body)).toOpaque()
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        defer { pthread_attr_destroy(&attr) }
        pthread_attr_setstacksize(&attr, stackSize)
        if detached { pthread_attr_setdetachstate(&attr, Int32(PTHREAD_CREATE_DETACHED)) }
        #if canImport(Darwin)
        var thread: pthread_t? = nil
        #else
        var thread = pthread_t()
        #endif
        let rc = pthread_create(&thread, &attr, { arg in
            Unmanaged<Box>.fromOpaque(arg!).takeRetainedValue().body()
            return nil
        }, raw)
        guard rc == 0 else {
            Unmanaged<Box>.fromOpaque(raw).release()
            return nil
        }
        return thread
    }
}

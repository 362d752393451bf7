#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread (64 MB stack) that runs fibers' bodies one after another, parked in a shared pool
/// between them, so starting a fiber costs a hand-over instead of a thread creation (async
/// actors start one fiber per method call).
///
/// Guarantees: a body runs on exactly one thread; a thread takes a new body only after the
/// previous one returned; at most `poolLimit` idle threads are kept, the rest exit.
final class FiberThread: @unchecked Sendable {
    private var wake = Semaphore()
    private var job: (() -> Void)?

    nonisolated(unsafe) private static var idle: [FiberThread] = []
    nonisolated(unsafe) private static var lock = pthread_mutex_t()
    private static let lockReady: Bool = { pthread_mutex_init(&lock, nil); return true }()
    static let poolLimit = 64

    /// Runs `body` on an idle pooled thread, or a new one. Returns false when no thread could
    /// be created (the caller runs the body itself).
    static func run(_ body: @escaping () -> Void) -> Bool {
        _ = lockReady
        pthread_mutex_lock(&lock)
        let thread = idle.popLast()
        pthread_mutex_unlock(&lock)
        if let thread {
            thread.job = body
            thread.wake.signal()
            return true
        }
        let fresh = FiberThread()
        fresh.job = body
        return PosixThread.start(stackSize: 64 * 1024 * 1024, detached: true) { fresh.loop() } != nil
    }

    private func loop() {
        while let body = job {
            job = nil
            body()
            pthread_mutex_lock(&Self.lock)
            let parked = Self.idle.count < Self.poolLimit
            if parked { Self.idle.append(self) }
            pthread_mutex_unlock(&Self.lock)
            guard parked else { return }
            wake.wait()
        }
    }
}

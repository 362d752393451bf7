#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A body of interpreter code running on its own thread, handing control back and forth with
/// the event loop so that exactly one of them runs at any time (cooperative multitasking).
///
/// Guarantees: `resume()` returns only after the fiber has called `suspend()` or finished;
/// the fiber's body never runs concurrently with its resumer.
final class Fiber: @unchecked Sendable {
    private var toFiber = Semaphore()
    private var toCaller = Semaphore()
    private(set) var finished = false
    private(set) var started = false
    private let body: () -> Void

    init(_ body: @escaping () -> Void) { self.body = body }

    /// Runs the fiber until it suspends or finishes.
    func resume() {
        guard !finished else { return }
        if !started {
            started = true
            let started = FiberThread.run { [self] in
                toFiber.wait()
                body()
                finished = true
                toCaller.signal()
            }
            if !started {
                body()
                finished = true
                return
            }
        }
        toFiber.signal()
        toCaller.wait()
    }

    /// Called from inside the fiber: gives control back to the resumer until resumed again.
    func suspend() {
        toCaller.signal()
        toFiber.wait()
    }
}

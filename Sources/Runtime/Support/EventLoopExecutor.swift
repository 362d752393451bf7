import CConcurrencyHook
import NIOCore
import NIOPosix

/// Makes Swift concurrency's global executor run on NIO's event-loop threads
/// (`MultiThreadedEventLoopGroup.singleton`), so a call that arrives on a socket, runs in an
/// actor and answers on the same socket stays on one thread instead of hopping between NIO's
/// loops and the cooperative pool (each hop is a futex wake and a context switch). A job
/// enqueued from an event-loop thread stays on that loop; from any other thread it goes to the
/// next loop. Installed once per process, first thing in `main`, and only in processes whose
/// work never blocks a thread: a blocked loop would strand the jobs pinned to it.
public enum EventLoopExecutor {
    /// The runtime's hook type: the job, and the runtime's own enqueue (unused).
    private typealias Hook = @convention(thin) (UnownedJob, @convention(thin) (UnownedJob) -> Void) -> Void

    /// Installs the event loops as the global executor; false when a hook was already set (the
    /// process then keeps what it had, which is correct, only slower).
    @discardableResult
    public static func install() -> Bool {
        withUnsafeTemporaryAllocation(of: Hook.self, capacity: 1) { slot in
            slot.initialize(repeating: { job, _ in
                MultiThreadedEventLoopGroup.singleton.any().executor.enqueue(ExecutorJob(job))
            })
            return slot.baseAddress!.withMemoryRebound(to: UnsafeRawPointer.self, capacity: 1) {
                swiftray_install_enqueue_global_hook($0.pointee)
            }
        }
    }
}

import ClusterState
import NIOConcurrencyHelpers
import Runtime

/// Sends what tasks print to their job's driver, in order, without blocking the interpreter;
/// `drain` waits until everything queued so far is sent (a task's output reaches the driver
/// before its result does), and returns at once when nothing is queued. Owned by the worker
/// process.
final class OutputForwarder: Sendable {
    private enum Item {
        case lines(driver: Swiftray_WorkerAddress, prefix: String, lines: [String], stderr: Bool)
        case drain(CheckedContinuation<Void, Never>)
    }

    private let continuation: AsyncStream<Item>.Continuation
    /// Line batches queued and not yet sent.
    private let unsent = NIOLockedValueBox(0)

    init(core: @escaping @Sendable () -> CoreWorker?) {
        let (stream, continuation) = AsyncStream<Item>.makeStream()
        self.continuation = continuation
        Task { [unsent] in
            for await item in stream {
                switch item {
                case .lines(let driver, let prefix, let lines, let stderr):
                    await core()?.forwardOutput(to: driver, prefix: prefix, lines: lines, stderr: stderr)
                    unsent.withLockedValue { $0 -= 1 }
                case .drain(let done):
                    done.resume()
                }
            }
        }
    }

    func send(to driver: Swiftray_WorkerAddress, prefix: String, lines: [String], stderr: Bool) {
        unsent.withLockedValue { $0 += 1 }
        continuation.yield(.lines(driver: driver, prefix: prefix, lines: lines, stderr: stderr))
    }

    func drain() async {
        if unsent.withLockedValue({ $0 }) == 0 { return }
        await withCheckedContinuation { continuation.yield(.drain($0)) }
    }

    /// `drain` for the interpreter thread: blocks it while lines are being sent.
    func drainBlocking() {
        if unsent.withLockedValue({ $0 }) == 0 { return }
        BlockingAsync.wait { await self.drain() }
    }
}

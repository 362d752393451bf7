import ClusterState
import Runtime

/// Sends what tasks print to their job's driver, in order, without blocking the interpreter;
/// `drain` waits until everything queued so far is sent (a task's output reaches the driver
/// before its result does). Owned by the worker process.
final class OutputForwarder: Sendable {
    private enum Item {
        case lines(driver: Swiftray_WorkerAddress, prefix: String, lines: [String], stderr: Bool)
        case drain(CheckedContinuation<Void, Never>)
    }

    private let continuation: AsyncStream<Item>.Continuation

    init(core: @escaping @Sendable () -> CoreWorker?) {
        let (stream, continuation) = AsyncStream<Item>.makeStream()
        self.continuation = continuation
        Task {
            for await item in stream {
                switch item {
                case .lines(let driver, let prefix, let lines, let stderr):
                    await core()?.forwardOutput(to: driver, prefix: prefix, lines: lines, stderr: stderr)
                case .drain(let done):
                    done.resume()
                }
            }
        }
    }

    func send(to driver: Swiftray_WorkerAddress, prefix: String, lines: [String], stderr: Bool) {
        continuation.yield(.lines(driver: driver, prefix: prefix, lines: lines, stderr: stderr))
    }

    func drain() async {
        await withCheckedContinuation { continuation.yield(.drain($0)) }
    }
}

import ClusterState
import NIOConcurrencyHelpers
import Runtime

/// Forwards pushed tasks to the real executor, which is set right after the core worker starts
/// (it needs the core worker itself). A task arriving before that waits for it.
final class LateExecutor: TaskExecutor {
    private let target = NIOLockedValueBox<WorkerExecutor?>(nil)

    func set(_ executor: WorkerExecutor) { target.withLockedValue { $0 = executor } }

    func execute(_ request: Swiftray_PushTaskRequest) async -> Swiftray_PushTaskReply {
        while true {
            if let t = target.withLockedValue({ $0 }) { return await t.execute(request) }
            try? await Task.sleep(for: .milliseconds(1))
        }
    }
}

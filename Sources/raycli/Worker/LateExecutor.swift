import ClusterState
import NIOConcurrencyHelpers
import Runtime

/// Forwards pushed tasks to the real executor, which is set right after the core worker starts
/// (it needs the core worker itself). Tasks arriving before that are held, in arrival order,
/// and handed over when it is set.
final class LateExecutor: TaskExecutor {
    private typealias Held = (request: Swiftray_PushTaskRequest, done: @Sendable (Swiftray_PushTaskReply) -> Void)

    private enum State {
        case waiting([Held])
        case ready(any TaskExecutor)
    }

    private let state = NIOLockedValueBox(State.waiting([]))

    func set(_ executor: any TaskExecutor) {
        // Held tasks are started under the lock, so a task arriving meanwhile cannot overtake them.
        state.withLockedValue { s in
            if case .waiting(let held) = s {
                for h in held { executor.start(h.request, done: h.done) }
            }
            s = .ready(executor)
        }
    }

    func start(_ request: Swiftray_PushTaskRequest, done: @escaping @Sendable (Swiftray_PushTaskReply) -> Void) {
        let ready = state.withLockedValue { s -> (any TaskExecutor)? in
            switch s {
            case .ready(let executor): return executor
            case .waiting(var held):
                held.append((request, done))
                s = .waiting(held)
                return nil
            }
        }
        ready?.start(request, done: done)
    }
}

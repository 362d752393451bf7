import ClusterState
import Foundation
import NIOConcurrencyHelpers
import Runtime
import Testing
@testable import raycli

/// `LateExecutor` holds pushes that arrive before the worker's executor exists and hands them
/// over in arrival order; later pushes go straight through, never ahead of held ones.
struct LateExecutorTests {
    /// Records the task names it is given and answers each at once.
    final class Recorder: TaskExecutor {
        let names = NIOLockedValueBox<[String]>([])
        func start(_ request: Swiftray_PushTaskRequest, done: @escaping @Sendable (Swiftray_PushTaskReply) -> Void) {
            names.withLockedValue { $0.append(request.spec.name) }
            done(Swiftray_PushTaskReply())
        }
    }

    static func push(_ name: String) -> Swiftray_PushTaskRequest {
        var request = Swiftray_PushTaskRequest()
        request.spec.name = name
        return request
    }

    @Test func heldPushesGoFirstInArrivalOrder() {
        let late = LateExecutor()
        let answered = NIOLockedValueBox(0)
        for i in 0..<5 { late.start(Self.push("early-\(i)")) { _ in answered.withLockedValue { $0 += 1 } } }
        #expect(answered.withLockedValue { $0 } == 0)
        let recorder = Recorder()
        late.set(recorder)
        for i in 0..<3 { late.start(Self.push("late-\(i)")) { _ in answered.withLockedValue { $0 += 1 } } }
        #expect(recorder.names.withLockedValue { $0 } == (0..<5).map { "early-\($0)" } + (0..<3).map { "late-\($0)" })
        #expect(answered.withLockedValue { $0 } == 8)
    }
}

import Foundation
import Testing

/// A suite trait that starts one private cluster (2 CPUs) before the suite's first test and
/// destroys it — every recorded process SIGKILLed, the temp dir removed — after its last.
/// Tests reach it through `SharedClusterTrait.current`.
struct SharedClusterTrait: SuiteTrait, TestScoping {
    @TaskLocal static var current: TestCluster?

    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let cluster = TestCluster()
        defer { cluster.destroy() }
        let started = try cluster.startHead(["--num-cpus", "2"])
        guard started.status == 0 else {
            Issue.record("The shared cluster did not start: \(started)")
            return
        }
        try await Self.$current.withValue(cluster) { try await function() }
    }
}

extension Trait where Self == SharedClusterTrait {
    /// One running cluster shared by every test of the suite.
    static var sharedCluster: Self { Self() }
}

import Foundation
import ClusterState
import Runtime

/// What `swiftray status` does once its arguments are known: one live `ClusterStatus` call and
/// Ray's layout on stdout. Failures are reported on stderr and thrown as exit status 1.
struct StatusInvocation: Sendable, Equatable {
    var cluster: ClusterTarget
    var verbose: Bool

    func run() async throws {
        let gcs = try await cluster.connect()
        defer { Task { await gcs.close() } }
        let t0 = ContinuousClock.now
        let report: ClusterState.ClusterStatusReport
        do {
            report = try await gcs.clusterStatus()
        } catch {
            throw Console.fail(error)
        }
        let elapsed = (ContinuousClock.now - t0).seconds
        let renderer = StatusRenderer(verbose: verbose, timeZone: .current, gcsRequestTime: verbose ? elapsed : nil)
        print(renderer.render(report))
    }
}

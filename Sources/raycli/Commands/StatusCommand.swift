import ArgumentParser
import Foundation
import ClusterState
import Runtime

/// `swiftray status`: the cluster's nodes, resource usage and pending demands, read live from
/// the GCS at the time of the call.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the cluster's nodes, resource usage and pending demands (live).")

    @OptionGroup var cluster: ClusterOptions

    @Flag(name: [.customShort("v"), .long], help: "Also show per-node usage and the GCS request time.")
    var verbose = false

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

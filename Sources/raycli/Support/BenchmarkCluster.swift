import Foundation
import Runtime

/// The cluster a benchmark drives: the one `swiftray microbenchmark` started (its private temp
/// dir, `address` nil) or an existing one given with `--address` (`paths` locate its token).
struct BenchmarkCluster: Sendable {
    let paths: SessionPaths
    let address: String?

    /// Connects to the GCS as a driver would.
    func gcs() async throws -> GcsClient {
        try await GcsClient.connect(explicitAddress: address, paths: paths, peerKind: "driver")
    }

    /// Arguments that point a client command (`status`, `list`) at this cluster.
    var commandArguments: [String] {
        (address.map { ["--address", $0] } ?? []) + ["--temp-dir", paths.tempDir]
    }
}

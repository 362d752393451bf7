import ClusterState
import Foundation
import Runtime

/// `single client GCS calls sync`, swiftray's own figure: one driver sends the GCS one of its
/// cheapest calls (a lookup of a placement group that does not exist: a table read in memory)
/// and waits for each answer before the next. It is the round trip every synchronous figure
/// pays per call on this machine (placement group create/removal pays three per group), so the
/// other figures can be read against it.
enum GcsCallBenchmark {
    static let name = "single client GCS calls sync"
    static let callsPerBatch = 100

    static func run(_ cluster: BenchmarkCluster, timing: BenchmarkTiming) async throws -> [Double] {
        let gcs = try await cluster.gcs()
        var rng = SystemRandomNumberGenerator()
        let missing = PlacementGroupID.make(job: JobID(counter: 0xFFFF_FFFF), using: &rng)
        do {
            let rates = try await timing.rates {
                for _ in 0..<callsPerBatch {
                    if try await gcs.placementGroup(id: missing) != nil {
                        throw CommandFailure("The GCS knows a placement group the benchmark made up (\(missing.hex)).")
                    }
                }
                return callsPerBatch
            }
            await gcs.close()
            return rates
        } catch {
            await gcs.close()
            throw error
        }
    }
}

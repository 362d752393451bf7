import ClusterState
import Foundation
import Runtime

/// `single client GCS calls sync`, swiftray's own figure: one driver sends the GCS its
/// cheapest call (a key-value read of a key that does not exist) and waits for each answer
/// before the next. It is the round trip every synchronous figure pays per call on this
/// machine (placement group create/removal pays three per group), so the other figures can be
/// read against it.
enum GcsCallBenchmark {
    static let name = "single client GCS calls sync"
    static let callsPerBatch = 100

    static func run(_ cluster: BenchmarkCluster, timing: BenchmarkTiming) async throws -> [Double] {
        let gcs = try await cluster.gcs()
        var request = Swiftray_KVGetRequest()
        request.namespace = "swiftray-microbenchmark"
        request.key = Data("no such key".utf8)
        let rates = try await timing.rates {
            for _ in 0..<callsPerBatch {
                let _: Swiftray_KVGetReply = try await gcs.rpc.call("gcs.KVGet", request)
            }
            return callsPerBatch
        }
        await gcs.close()
        return rates
    }
}

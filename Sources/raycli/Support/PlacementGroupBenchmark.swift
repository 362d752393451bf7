import ClusterState
import Foundation
import Runtime

/// `placement group create/removal`, in the shape of Ray's `ray_perf.py`: one driver (a job)
/// creates 100 one-bundle groups (`{"CPU": 0.001}` each, PACK), waits until each is CREATED,
/// then removes them all; the figure counts groups per second. Driven from Swift over the wire
/// protocol, so it measures the GCS, the raylet and the two-phase commit rather than the driver
/// language.
enum PlacementGroupBenchmark {
    static let name = "placement group create/removal"
    static let groupsPerRound = 100

    static func run(_ cluster: BenchmarkCluster, timing: BenchmarkTiming) async throws -> [Double] {
        let gcs = try await cluster.gcs()
        let job = try await gcs.addJob(namespace: "swiftray-microbenchmark", entrypoint: "swiftray microbenchmark",
                                       driverPid: getpid(), driverIp: gcs.address.host)
        let request = PlacementGroupRequest(bundles: [OrderedResources(keys: ["CPU"], set: ResourceSet(doubles: ["CPU": 0.001]))],
                                            strategy: .pack, name: "", isDetached: false)
        let rates = try await timing.rates {
            var groups: [PlacementGroupID] = []
            for _ in 0..<groupsPerRound {
                groups.append(try await gcs.createPlacementGroup(job: job.jobID, namespace: job.namespace, request: request).id)
            }
            for id in groups where try await !gcs.waitPlacementGroupReady(id, timeout: 30).ready {
                throw CommandFailure("Placement group \(id.hex) was not CREATED within 30 seconds.")
            }
            for id in groups { try await gcs.removePlacementGroup(id) }
            return groups.count
        }
        try? await gcs.markJobFinished(job.jobID, status: .succeeded, message: "benchmark done")
        await gcs.close()
        return rates
    }
}

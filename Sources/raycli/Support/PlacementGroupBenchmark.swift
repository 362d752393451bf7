import ClusterState
import Foundation
import Runtime

/// `placement group create/removal`: one driver (a job) creates a one-bundle group, waits
/// until it is CREATED and removes it, over and over, with several groups in flight at once.
/// Reports rounds of create+remove per second and each creation's latency (create call until
/// CREATED is observed).
enum PlacementGroupBenchmark {
    static let inFlight = 8

    static func run(paths: SessionPaths, seconds: Double) async throws -> (perSecond: [Double], latenciesMs: [Double]) {
        let gcs = try await GcsClient.connect(explicitAddress: nil, paths: paths, peerKind: "driver")
        let job = try await gcs.addJob(namespace: "swiftray-microbenchmark", entrypoint: "swiftray microbenchmark",
                                       driverPid: getpid(), driverIp: gcs.address.host)
        let request = PlacementGroupRequest(bundles: [OrderedResources(keys: ["CPU"], set: ResourceSet(doubles: ["CPU": 0.01]))],
                                            strategy: .pack, name: "", isDetached: false)
        var perSecond: [Double] = []
        var latencies: [Double] = []
        for _ in 0..<3 {
            let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000 / 3))
            let start = ContinuousClock.now
            let (count, lat) = try await withThrowingTaskGroup(of: (Int, [Double]).self) { group in
                for _ in 0..<inFlight {
                    group.addTask {
                        var n = 0
                        var lat: [Double] = []
                        while ContinuousClock.now < deadline {
                            let t0 = ContinuousClock.now
                            let pg = try await gcs.createPlacementGroup(job: job.jobID, namespace: job.namespace, request: request)
                            _ = try await gcs.waitPlacementGroupReady(pg.id, timeout: 10)
                            lat.append((ContinuousClock.now - t0).seconds * 1000)
                            try await gcs.removePlacementGroup(pg.id)
                            n += 1
                        }
                        return (n, lat)
                    }
                }
                var total = 0
                var all: [Double] = []
                for try await (n, l) in group { total += n; all += l }
                return (total, all)
            }
            perSecond.append(Double(count) / (ContinuousClock.now - start).seconds)
            latencies += lat
        }
        try? await gcs.markJobFinished(job.jobID, status: .succeeded, message: "benchmark done")
        await gcs.close()
        return (perSecond, latencies)
    }
}

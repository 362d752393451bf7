import ClusterState
import Foundation
import Runtime

/// Task and object figures, driven from Swift through a core worker (the same code a driver's
/// `f.remote()` / `ray.get` / `ray.put` use, without the driver language in the loop), against
/// worker processes that run a trivial function in the interpreter:
/// - `single client tasks sync`: submit one task, wait for its result, repeat;
/// - `single client tasks async`: submit a batch of 1000, then wait for all;
/// - `multi client tasks async`: four drivers (jobs) doing the async batch at once;
/// - `single client put calls` / `single client get calls`: small (inline) objects;
/// - `single client put gigabytes` / `single client get gigabytes`: 64 MiB objects through the
///   node's object store (a get decodes the value, as a driver does).
/// Each figure is a rate per second over rounds of about a second.
enum TaskBenchmark {
    struct Driver {
        let gcs: GcsClient
        let core: CoreWorker
        let job: JobInfo
    }

    static let function = "def swiftray_bench_noop():\n    return 1\n"

    /// Every figure this type measures (for `--filter`).
    static let figureNames = ["single client tasks sync", "single client tasks async", "single client tasks and get batch",
                              "single client wait 1k refs", "single client get object containing 10k refs", "multi client tasks async",
                              "single client put calls", "single client get calls", "multi client put calls",
                              "single client put gigabytes", "single client get gigabytes", "multi client put gigabytes"]

    static func driver(paths: SessionPaths) async throws -> Driver {
        let gcs = try await GcsClient.connect(explicitAddress: nil, paths: paths, peerKind: "driver")
        let job = try await gcs.addJob(namespace: "swiftray-microbenchmark", entrypoint: "swiftray microbenchmark",
                                       driverPid: getpid(), driverIp: gcs.address.host)
        guard let node = try await gcs.allNodes().first(where: { $0.isHead && $0.state == .alive }) else {
            throw CommandFailure("The benchmark cluster has no alive head node.")
        }
        let config = CoreWorkerConfig(workerID: WorkerID.driver(of: job.jobID), jobID: job.jobID, nodeID: node.nodeID,
                                      nodeIP: node.ip, isDriver: true, rayletHost: node.ip, rayletPort: node.nodeManagerPort,
                                      token: AuthToken.find(paths: paths) ?? "")
        return Driver(gcs: gcs, core: try await CoreWorker.start(config: config, gcs: gcs), job: job)
    }

    static func finish(_ d: Driver) async {
        await d.core.shutdown()
        try? await d.gcs.markJobFinished(d.job.jobID, status: .succeeded, message: "benchmark done")
        await d.gcs.close()
    }

    static var noop: TaskRequest {
        TaskRequest(name: "swiftray_bench_noop", definitionSource: function, args: [], kwargNames: [], kwargs: [],
                    resources: ResourceSet(doubles: ["CPU": 1]), strategy: Swiftray_TaskStrategyData(), numReturns: 1,
                    maxRetries: 0, retryExceptions: false, placementGroupID: nil)
    }

    /// Runs `body` (which returns how many operations it did) for `rounds` rounds of `seconds`;
    /// returns operations per second of each round.
    static func rate(rounds: Int = 3, seconds: Double = 1, _ body: () async throws -> Int) async throws -> [Double] {
        var out: [Double] = []
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            let deadline = start + .milliseconds(Int64(seconds * 1000))
            var n = 0
            while ContinuousClock.now < deadline { n += try await body() }
            out.append(Double(n) / (ContinuousClock.now - start).seconds)
        }
        return out
    }

    /// Runs `body` for every item at once (the multi-client and n:n figures); returns the sum of
    /// the operation counts they report.
    static func concurrently<T: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) async throws -> Int) async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for item in items { group.addTask { try await body(item) } }
            return try await group.reduce(0, +)
        }
    }

    static func check(_ results: [ObjectFetch]) throws {
        for r in results {
            if case .value = r { continue }
            throw CommandFailure("A benchmark task failed: \(r)")
        }
    }

    static func run(paths: SessionPaths, wanted: (String) -> Bool) async throws -> [(String, [Double])] {
        var figures: [(String, [Double])] = []
        let d = try await driver(paths: paths)
        let core = d.core
        // Warm up: start the workers and load the function.
        try check(await core.get(try await (0..<20).asyncMap { _ in try await core.submitTask(noop)[0] }, timeout: .seconds(60)))
        if wanted("single client tasks sync") {
            figures.append(("single client tasks sync per second", try await rate {
                let id = try await core.submitTask(noop)[0]
                try check(await core.get([id], timeout: .seconds(60)))
                return 1
            }))
        }
        // Submit 1000 tasks, get them all: Ray counts tasks for "tasks async" and batches for
        // "tasks and get batch".
        let batch = {
            var ids: [ObjectID] = []
            for _ in 0..<1000 { ids.append(try await core.submitTask(noop)[0]) }
            try check(await core.get(ids, timeout: .seconds(120)))
        }
        if wanted("single client tasks async") {
            figures.append(("single client tasks async per second", try await rate {
                try await batch()
                return 1000
            }))
        }
        if wanted("single client tasks and get batch") {
            figures.append(("single client tasks and get batch per second", try await rate {
                try await batch()
                return 1
            }))
        }
        if wanted("single client wait 1k refs") {
            // Ray's shape: submit 1000 tasks, then `ray.wait` one ready ref at a time until none
            // is left; one round is one figure unit.
            figures.append(("single client wait 1k refs per second", try await rate {
                var notReady: [ObjectID] = []
                for _ in 0..<1000 { notReady.append(try await core.submitTask(noop)[0]) }
                while !notReady.isEmpty {
                    let ready = await core.wait(notReady, numReturns: 1, timeout: .seconds(60))
                    guard let first = ready.firstIndex(of: true) else { throw CommandFailure("ray.wait timed out.") }
                    notReady.remove(at: first)
                }
                return 1
            }))
        }
        if wanted("single client get object containing 10k refs") {
            // A list of 10 000 ObjectRefs (each a small put object) stored as one object; the
            // figure is gets of that object per second, decoding every reference.
            var list = Swiftray_ValueList()
            let one = try Swiftray_Value.with { $0.intValue = 1 }.serializedData()
            for _ in 0..<10_000 {
                let id = try await core.put(one)
                list.items.append(Swiftray_Value.with {
                    $0.objectRef = Swiftray_ObjectReference.with {
                        $0.objectID = Data(id.bytes)
                        $0.owner = core.ownerAddress(of: id)
                    }
                })
            }
            let container = try await core.put(try Swiftray_Value.with { $0.listValue = list }.serializedData())
            figures.append(("single client get object containing 10k refs per second", try await rate {
                guard case .value(let bytes)? = await core.get([container], timeout: .seconds(60)).first,
                      try Swiftray_Value(serializedBytes: bytes, options: WireDecoding.options).listValue.items.count == 10_000 else {
                    throw CommandFailure("The object containing 10 000 refs came back wrong.")
                }
                return 1
            }))
        }
        if wanted("single client put calls") || wanted("single client get calls") {
            let value = try Swiftray_Value.with { $0.intValue = 1 }.serializedData()
            figures.append(("single client put calls per second", try await rate {
                for _ in 0..<100 { _ = try await core.put(value) }
                return 100
            }))
            let id = try await core.put(value)
            if wanted("single client get calls") {
                figures.append(("single client get calls per second", try await rate {
                    for _ in 0..<100 { try check(await core.get([id], timeout: .seconds(10))) }
                    return 100
                }))
            }
        }
        if wanted("single client put gigabytes") || wanted("single client get gigabytes") {
            let big = try Swiftray_Value.with { $0.stringValue = String(repeating: "x", count: 64 << 20) }.serializedData()
            var ids: [ObjectID] = []
            let gb = Double(big.count) / 1e9
            figures.append(("single client put gigabytes per second", try await rate(seconds: 2) {
                ids.append(try await core.put(big))
                if ids.count > 4 {
                    // Stay within the object store: free the oldest copies.
                    ids.removeFirst()
                }
                return 1
            }.map { $0 * gb }))
            let id = ids.last!
            figures.append(("single client get gigabytes per second", try await rate(seconds: 2) {
                // Read the value as a driver does (decode it), not just map the file.
                guard case .value(let bytes)? = await core.get([id], timeout: .seconds(60)).first,
                      try Swiftray_Value(serializedBytes: bytes).stringValue.utf8.count == 64 << 20 else {
                    throw CommandFailure("The large object came back wrong.")
                }
                return 1
            }.map { $0 * gb }))
        }
        await finish(d)
        if wanted("multi client put calls") || wanted("multi client put gigabytes") {
            var drivers: [Driver] = []
            for _ in 0..<4 { drivers.append(try await driver(paths: paths)) }
            if wanted("multi client put calls") {
                let value = try Swiftray_Value.with { $0.intValue = 1 }.serializedData()
                figures.append(("multi client put calls per second", try await rate {
                    try await concurrently(drivers) { x in
                        for _ in 0..<100 { _ = try await x.core.put(value) }
                        return 100
                    }
                }))
            }
            if wanted("multi client put gigabytes") {
                let big = try Swiftray_Value.with { $0.stringValue = String(repeating: "x", count: 16 << 20) }.serializedData()
                let gb = Double(big.count) / 1e9
                figures.append(("multi client put gigabytes per second", try await rate(seconds: 2) {
                    try await concurrently(drivers) { x in
                        _ = try await x.core.put(big)
                        return 1
                    }
                }.map { $0 * gb }))
            }
            for x in drivers { await finish(x) }
        }
        if wanted("multi client tasks async") {
            var drivers: [Driver] = []
            for _ in 0..<4 { drivers.append(try await driver(paths: paths)) }
            for x in drivers {
                try check(await x.core.get(try await (0..<10).asyncMap { _ in try await x.core.submitTask(noop)[0] }, timeout: .seconds(60)))
            }
            figures.append(("multi client tasks async per second", try await rate {
                try await concurrently(drivers) { x in
                    var ids: [ObjectID] = []
                    for _ in 0..<250 { ids.append(try await x.core.submitTask(noop)[0]) }
                    try check(await x.core.get(ids, timeout: .seconds(120)))
                    return 250
                }
            }))
            for x in drivers { await finish(x) }
        }
        return figures
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for e in self { out.append(try await transform(e)) }
        return out
    }
}

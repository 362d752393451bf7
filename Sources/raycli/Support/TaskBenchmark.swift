import ClusterState
import Foundation
import Runtime

/// Task and object figures, driven from Swift through a core worker (the same code a driver's
/// `f.remote()` / `ray.get` / `ray.put` / `ray.wait` use, without the driver language in the
/// loop), against worker processes that run a trivial function in the interpreter. Shapes follow
/// Ray's `ray_perf.py`:
/// - `single client get/put calls (Plasma Store)`: a small value (`0`) in the node's object
///   store, as Ray's `ray.put` always stores; `multi client put calls (Plasma Store)`: four
///   drivers putting at once;
/// - `single client get/put calls`, `multi client put calls`: the same small value kept in the
///   owner's memory, which is where swiftray's `ray.put` keeps values under 100 KiB;
/// - `single client put gigabytes` / `single client get gigabytes`: 64 MiB values through the
///   object store (a get decodes the value, as a driver does); `multi client put gigabytes`:
///   four drivers putting 16 MiB values at once;
/// - `single client tasks sync`: submit one task, wait for its result, repeat;
/// - `single client tasks async` / `single client tasks and get batch`: submit 1000, get them
///   all (counted per task, and per batch); `multi client tasks async`: four drivers doing so;
/// - `single client wait 1k refs`: submit 1000, `ray.wait` one at a time until none is left;
/// - `single client get object containing 10k refs`: get (and decode) a list of 10 000 refs.
/// Freed as they go, so long runs stay within the object store.
enum TaskBenchmark {
    struct Driver {
        let gcs: GcsClient
        let core: CoreWorker
        let job: JobInfo
    }

    static let function = "def swiftray_bench_noop():\n    return 1\n"

    /// Every figure this type measures (for `--filter`).
    static let figureNames = ["single client get calls (Plasma Store)", "single client put calls (Plasma Store)",
                              "multi client put calls (Plasma Store)", "single client get calls", "single client put calls",
                              "multi client put calls", "single client put gigabytes", "single client get gigabytes",
                              "single client tasks and get batch", "multi client put gigabytes",
                              "single client get object containing 10k refs", "single client wait 1k refs",
                              "single client tasks sync", "single client tasks async", "multi client tasks async"]

    static func driver(_ cluster: BenchmarkCluster) async throws -> Driver {
        let gcs = try await cluster.gcs()
        let job = try await gcs.addJob(namespace: "swiftray-microbenchmark", entrypoint: "swiftray microbenchmark",
                                       driverPid: getpid(), driverIp: gcs.address.host)
        guard let node = try await gcs.allNodes().first(where: { $0.isHead && $0.state == .alive }) else {
            throw CommandFailure("The benchmark cluster has no alive head node.")
        }
        let config = CoreWorkerConfig(workerID: WorkerID.driver(of: job.jobID), jobID: job.jobID, nodeID: node.nodeID,
                                      nodeIP: node.ip, isDriver: true, rayletHost: node.ip, rayletPort: node.nodeManagerPort,
                                      token: AuthToken.find(paths: cluster.paths) ?? "")
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

    /// Runs `body` for every item at once (the multi-client and n:n figures); returns the sum of
    /// the operation counts they report.
    static func concurrently<T: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) async throws -> Int) async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for item in items { group.addTask { try await body(item) } }
            return try await group.reduce(0, +)
        }
    }

    /// Puts `value` 100 times, then frees the copies (one put-calls step); returns 100.
    static func putBurst(_ core: CoreWorker, _ value: Data, inObjectStore: Bool) async throws -> Int {
        var ids: [ObjectID] = []
        for _ in 0..<100 { ids.append(try await core.put(value, inObjectStore: inObjectStore)) }
        try await core.free(ids)
        return ids.count
    }

    static func check(_ results: [ObjectFetch]) throws {
        for r in results {
            if case .value = r { continue }
            throw CommandFailure("A benchmark task failed: \(r)")
        }
    }

    static func run(_ cluster: BenchmarkCluster, timing: BenchmarkTiming, wanted: (String) -> Bool) async throws -> [(String, [Double])] {
        var figures: [(String, [Double])] = []
        func measure(_ name: String, _ body: () async throws -> Int) async throws {
            guard wanted(name) else { return }
            figures.append(("\(name) per second", try await timing.rates(body)))
        }
        let d = try await driver(cluster)
        let core = d.core
        let small = try Swiftray_Value.with { $0.intValue = 0 }.serializedData()
        for inObjectStore in [true, false] {
            let suffix = inObjectStore ? " (Plasma Store)" : ""
            let value = try await core.put(small, inObjectStore: inObjectStore)
            try await measure("single client get calls" + suffix) {
                try check(await core.get([value], timeout: .seconds(10)))
                return 1
            }
            try await measure("single client put calls" + suffix) {
                try await putBurst(core, small, inObjectStore: inObjectStore)
            }
        }
        let big = try Swiftray_Value.with { $0.stringValue = String(repeating: "x", count: 64 << 20) }.serializedData()
        let gigabytes = Double(big.count) / 1e9
        var latest: ObjectID?
        if wanted("single client put gigabytes") {
            figures.append(("single client put gigabytes per second", try await timing.rates {
                let id = try await core.put(big)
                if let latest { try await core.free([latest]) }
                latest = id
                return 1
            }.map { $0 * gigabytes }))
        }
        if wanted("single client get gigabytes") {
            let id: ObjectID
            if let latest { id = latest } else { id = try await core.put(big) }
            latest = id
            figures.append(("single client get gigabytes per second", try await timing.rates {
                // Read the value as a driver does (decode it), not just map the file.
                guard case .value(let bytes)? = await core.get([id], timeout: .seconds(60)).first,
                      try Swiftray_Value(serializedBytes: bytes).stringValue.utf8.count == 64 << 20 else {
                    throw CommandFailure("The large object came back wrong.")
                }
                return 1
            }.map { $0 * gigabytes }))
        }
        if let latest { try await core.free([latest]) }
        // Warm up: start the workers and load the function.
        if ["single client tasks and get batch", "single client wait 1k refs", "single client tasks sync",
            "single client tasks async"].contains(where: wanted) {
            try check(await core.get(try await (0..<20).asyncMap { _ in try await core.submitTask(noop)[0] }, timeout: .seconds(60)))
        }
        // Submit 1000 tasks, get them all: Ray counts tasks for "tasks async" and batches for
        // "tasks and get batch".
        let batch = {
            var ids: [ObjectID] = []
            for _ in 0..<1000 { ids.append(try await core.submitTask(noop)[0]) }
            try check(await core.get(ids, timeout: .seconds(120)))
        }
        try await measure("single client tasks and get batch") {
            try await batch()
            return 1
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
            try await measure("single client get object containing 10k refs") {
                guard case .value(let bytes)? = await core.get([container], timeout: .seconds(60)).first,
                      try Swiftray_Value(serializedBytes: bytes, options: WireDecoding.options).listValue.items.count == 10_000 else {
                    throw CommandFailure("The object containing 10 000 refs came back wrong.")
                }
                return 1
            }
        }
        try await measure("single client wait 1k refs") {
            // Ray's shape: submit 1000 tasks, then `ray.wait` one ready ref at a time until none
            // is left; one round is one figure unit.
            var notReady: [ObjectID] = []
            for _ in 0..<1000 { notReady.append(try await core.submitTask(noop)[0]) }
            while !notReady.isEmpty {
                let ready = await core.wait(notReady, numReturns: 1, timeout: .seconds(60))
                guard let first = ready.firstIndex(of: true) else { throw CommandFailure("ray.wait timed out.") }
                notReady.remove(at: first)
            }
            return 1
        }
        try await measure("single client tasks sync") {
            let id = try await core.submitTask(noop)[0]
            try check(await core.get([id], timeout: .seconds(60)))
            return 1
        }
        try await measure("single client tasks async") {
            try await batch()
            return 1000
        }
        await finish(d)
        let multi = ["multi client put calls (Plasma Store)", "multi client put calls", "multi client put gigabytes",
                     "multi client tasks async"]
        guard multi.contains(where: wanted) else { return figures }
        var drivers: [Driver] = []
        for _ in 0..<4 { drivers.append(try await driver(cluster)) }
        for inObjectStore in [true, false] {
            try await measure("multi client put calls" + (inObjectStore ? " (Plasma Store)" : "")) {
                try await concurrently(drivers) { x in try await putBurst(x.core, small, inObjectStore: inObjectStore) }
            }
        }
        if wanted("multi client put gigabytes") {
            let part = try Swiftray_Value.with { $0.stringValue = String(repeating: "x", count: 16 << 20) }.serializedData()
            let gb = Double(part.count) / 1e9
            figures.append(("multi client put gigabytes per second", try await timing.rates {
                try await concurrently(drivers) { x in
                    try await x.core.free([try await x.core.put(part)])
                    return 1
                }
            }.map { $0 * gb }))
        }
        if wanted("multi client tasks async") {
            for x in drivers {
                try check(await x.core.get(try await (0..<10).asyncMap { _ in try await x.core.submitTask(noop)[0] }, timeout: .seconds(60)))
            }
            try await measure("multi client tasks async") {
                try await concurrently(drivers) { x in
                    var ids: [ObjectID] = []
                    for _ in 0..<250 { ids.append(try await x.core.submitTask(noop)[0]) }
                    try check(await x.core.get(ids, timeout: .seconds(120)))
                    return 250
                }
            }
        }
        for x in drivers { await finish(x) }
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

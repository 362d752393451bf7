import ClusterState
import Foundation
import Runtime

/// Actor figures, driven from Swift through core workers (the code a driver's `Cls.remote()` /
/// `handle.method.remote()` / `ray.get` use, without the driver language in the loop), against
/// actor worker processes that run trivial methods in the interpreter:
/// - `1:1 actor calls sync`: call one actor, wait for the result, repeat;
/// - `1:1 actor calls async`: 1000 calls to one actor, then wait for all;
/// - `1:1 actor calls concurrent`: the same against an actor with `max_concurrency=16`;
/// - `1:n actor calls async`: one driver, 1000 calls spread over four actors at once;
/// - `n:n actor calls async`: four drivers, each with its own actor, doing the async batch at once;
/// - `n:n actor calls with arg async`: the same, each call carrying a small argument;
/// - `1:1 async-actor calls sync` / `async` / `with args async`, `1:n async-actor calls async`,
///   `n:n async-actor calls async`: the same shapes against actors whose methods are `async def`;
/// - `actor creation`: create actors (each a new worker process), wait until each answers a
///   call, kill them.
/// Figures are calls per second (actor creation: actors per second), as Ray counts them.
enum ActorBenchmark {
    static let source = """
        class SwiftrayBenchActor:
            def noop(self):
                return 1
            def noop_arg(self, x):
                return 1

        class SwiftrayBenchAsyncActor:
            async def noop(self):
                return 1
            async def noop_arg(self, x):
                return 1

        """

    /// Every figure this type measures (for `--filter`).
    static let figureNames = ["1:1 actor calls sync", "1:1 actor calls async", "1:1 actor calls concurrent",
                              "1:n actor calls async", "n:n actor calls async", "n:n actor calls with arg async",
                              "1:1 async-actor calls sync", "1:1 async-actor calls async",
                              "1:1 async-actor calls with args async", "1:n async-actor calls async",
                              "n:n async-actor calls async", "actor creation"]

    static let plain = "SwiftrayBenchActor"
    static let async = "SwiftrayBenchAsyncActor"

    static func actor(_ className: String, maxConcurrency: Int32 = 0) -> ActorRequest {
        var concurrency = Swiftray_ActorConcurrency()
        concurrency.maxConcurrency = maxConcurrency
        return ActorRequest(className: className, definitionSource: source, args: [], kwargNames: [], kwargs: [],
                     placementResources: ResourceSet(doubles: ["CPU": 1]), lifetimeResources: ResourceSet(),
                     strategy: Swiftray_TaskStrategyData(), placementGroupID: nil, name: "", namespace: "swiftray-microbenchmark",
                     isDetached: false, maxRestarts: 0, maxTaskRetries: 0, getIfExists: false,
                     concurrency: concurrency, methodNames: ["noop", "noop_arg"])
    }

    static func create(_ core: CoreWorker, _ className: String = plain, maxConcurrency: Int32 = 0) async throws -> ActorID {
        guard case .created(let id) = try await core.createActor(actor(className, maxConcurrency: maxConcurrency)) else {
            throw CommandFailure("The benchmark actor could not be created.")
        }
        return id
    }

    /// The small argument of the "with arg" figures.
    static let argument = Swiftray_Value.with { $0.intValue = 1 }

    /// Calls `noop` (or `noop_arg` with a small argument) on `actor` `n` times and waits for
    /// every answer.
    static func calls(_ core: CoreWorker, _ actor: ActorID, _ n: Int, className: String = plain,
                      withArg: Bool = false) async throws {
        var ids: [ObjectID] = []
        for _ in 0..<n {
            ids.append(contentsOf: await core.callActor(actor, className: className, method: withArg ? "noop_arg" : "noop",
                                                        args: withArg ? [argument] : [], kwargNames: [],
                                                        kwargs: [], numReturns: 1, concurrencyGroup: ""))
        }
        try TaskBenchmark.check(await core.get(ids, timeout: .seconds(120)))
    }

    /// Runs `perActor` calls on every (core, actor) pair at once; returns how many calls were made.
    static func fanOut(_ pairs: [(CoreWorker, ActorID)], perActor: Int, className: String,
                       withArg: Bool = false) async throws -> Int {
        try await TaskBenchmark.concurrently(pairs) { core, actor in
            try await calls(core, actor, perActor, className: className, withArg: withArg)
            return perActor
        }
    }

    static func run(_ cluster: BenchmarkCluster, timing: BenchmarkTiming, wanted: (String) -> Bool) async throws -> [(String, [Double])] {
        var figures: [(String, [Double])] = []
        func measure(_ name: String, _ body: () async throws -> Int) async throws {
            guard wanted(name) else { return }
            figures.append(("\(name) per second", try await timing.rates(body)))
        }
        let d = try await TaskBenchmark.driver(cluster)
        let core = d.core
        for className in [plain, async] {
            let prefix = className == plain ? "actor" : "async-actor"
            guard figureNames.contains(where: { $0.contains(prefix) && wanted($0) }) else { continue }
            let one = try await create(core, className)
            try await calls(core, one, 10, className: className)
            try await measure("1:1 \(prefix) calls sync") {
                try await calls(core, one, 1, className: className)
                return 1
            }
            try await measure("1:1 \(prefix) calls async") {
                try await calls(core, one, 1000, className: className)
                return 1000
            }
            if className == async {
                try await measure("1:1 async-actor calls with args async") {
                    try await calls(core, one, 1000, className: className, withArg: true)
                    return 1000
                }
            }
            try await core.killActor(one, noRestart: true)
            if className == plain && wanted("1:1 actor calls concurrent") {
                let concurrent = try await create(core, className, maxConcurrency: 16)
                try await calls(core, concurrent, 10, className: className)
                try await measure("1:1 actor calls concurrent") {
                    try await calls(core, concurrent, 1000, className: className)
                    return 1000
                }
                try await core.killActor(concurrent, noRestart: true)
            }
            if wanted("1:n \(prefix) calls async") {
                var many: [(CoreWorker, ActorID)] = []
                for _ in 0..<4 {
                    let a = try await create(core, className)
                    try await calls(core, a, 10, className: className)
                    many.append((core, a))
                }
                try await measure("1:n \(prefix) calls async") {
                    try await fanOut(many, perActor: 250, className: className)
                }
                for (_, a) in many { try await core.killActor(a, noRestart: true) }
            }
        }
        try await measure("actor creation") {
            var made: [ActorID] = []
            for _ in 0..<4 { made.append(try await create(core)) }
            for a in made { try await calls(core, a, 1) }
            for a in made { try await core.killActor(a, noRestart: true) }
            return made.count
        }
        await TaskBenchmark.finish(d)
        // n:n: four drivers (core workers of their own jobs), each calling its own actor.
        let nn = [("n:n actor calls async", plain, false), ("n:n actor calls with arg async", plain, true),
                  ("n:n async-actor calls async", async, false)]
        for (name, className, withArg) in nn where wanted(name) {
            var drivers: [TaskBenchmark.Driver] = []
            var pairs: [(CoreWorker, ActorID)] = []
            for _ in 0..<4 {
                let x = try await TaskBenchmark.driver(cluster)
                let a = try await create(x.core, className)
                try await calls(x.core, a, 10, className: className)
                drivers.append(x)
                pairs.append((x.core, a))
            }
            try await measure(name) {
                try await fanOut(pairs, perActor: 250, className: className, withArg: withArg)
            }
            for x in drivers { await TaskBenchmark.finish(x) }
        }
        return figures
    }
}

import ClusterState
import Foundation
import Runtime

/// Actor figures, driven from Swift through core workers (the code a driver's `Cls.remote()` /
/// `handle.method.remote()` / `ray.get` use, without the driver language in the loop), against
/// actor worker processes that run trivial methods in the interpreter:
/// - `1:1 actor calls sync`: call one actor, wait for the result, repeat;
/// - `1:1 actor calls async`: 1000 calls to one actor, then wait for all;
/// - `1:1 async-actor calls async`: the same against an actor whose method is `async def`;
/// - `n:n actor calls async`: four drivers, each with its own actor, doing the async batch at once;
/// - `actor creation`: create actors (each a new worker process), wait until each answers a
///   call, kill them.
enum ActorBenchmark {
    static let source = """
        class SwiftrayBenchActor:
            def noop(self):
                return 1

        class SwiftrayBenchAsyncActor:
            async def noop(self):
                return 1

        """

    static func actor(_ className: String) -> ActorRequest {
        ActorRequest(className: className, definitionSource: source, args: [], kwargNames: [], kwargs: [],
                     placementResources: ResourceSet(doubles: ["CPU": 1]), lifetimeResources: ResourceSet(),
                     strategy: Swiftray_TaskStrategyData(), placementGroupID: nil, name: "", namespace: "swiftray-microbenchmark",
                     isDetached: false, maxRestarts: 0, maxTaskRetries: 0, getIfExists: false,
                     concurrency: Swiftray_ActorConcurrency(), methodNames: ["noop"])
    }

    static func create(_ core: CoreWorker, _ className: String = "SwiftrayBenchActor") async throws -> ActorID {
        guard case .created(let id) = try await core.createActor(actor(className)) else {
            throw CommandFailure("The benchmark actor could not be created.")
        }
        return id
    }

    /// Calls `noop` on `actor` `n` times and waits for every answer.
    static func calls(_ core: CoreWorker, _ actor: ActorID, _ n: Int, className: String = "SwiftrayBenchActor") async throws {
        var ids: [ObjectID] = []
        for _ in 0..<n {
            ids.append(contentsOf: await core.callActor(actor, className: className, method: "noop", args: [], kwargNames: [],
                                                        kwargs: [], numReturns: 1, concurrencyGroup: ""))
        }
        try TaskBenchmark.check(await core.get(ids, timeout: .seconds(120)))
    }

    static func run(paths: SessionPaths, wanted: (String) -> Bool) async throws -> [(String, [Double])] {
        var figures: [(String, [Double])] = []
        let d = try await TaskBenchmark.driver(paths: paths)
        let core = d.core
        let actor = try await create(core)
        try await calls(core, actor, 10)
        if wanted("1:1 actor calls sync") {
            figures.append(("1:1 actor calls sync per second", try await TaskBenchmark.rate {
                try await calls(core, actor, 1)
                return 1
            }))
        }
        if wanted("1:1 actor calls async") {
            figures.append(("1:1 actor calls async per second", try await TaskBenchmark.rate {
                try await calls(core, actor, 1000)
                return 1000
            }))
        }
        if wanted("1:1 async-actor calls async") {
            let asyncActor = try await create(core, "SwiftrayBenchAsyncActor")
            try await calls(core, asyncActor, 10, className: "SwiftrayBenchAsyncActor")
            figures.append(("1:1 async-actor calls async per second", try await TaskBenchmark.rate {
                try await calls(core, asyncActor, 1000, className: "SwiftrayBenchAsyncActor")
                return 1000
            }))
            try await core.killActor(asyncActor, noRestart: true)
        }
        try await core.killActor(actor, noRestart: true)
        if wanted("actor creation") {
            figures.append(("actor creation per second", try await TaskBenchmark.rate(seconds: 2) {
                var made: [ActorID] = []
                for _ in 0..<4 { made.append(try await create(core)) }
                for a in made { try await calls(core, a, 1) }
                for a in made { try await core.killActor(a, noRestart: true) }
                return made.count
            }))
        }
        await TaskBenchmark.finish(d)
        if wanted("n:n actor calls async") {
            var drivers: [(TaskBenchmark.Driver, ActorID)] = []
            for _ in 0..<4 {
                let x = try await TaskBenchmark.driver(paths: paths)
                let a = try await create(x.core)
                try await calls(x.core, a, 10)
                drivers.append((x, a))
            }
            figures.append(("n:n actor calls async per second", try await TaskBenchmark.rate {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for (x, a) in drivers {
                        group.addTask {
                            try await calls(x.core, a, 250)
                            return 250
                        }
                    }
                    return try await group.reduce(0, +)
                }
            }))
            for (x, _) in drivers { await TaskBenchmark.finish(x) }
        }
        return figures
    }
}

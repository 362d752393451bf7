import ArgumentParser
import Foundation
import Runtime

/// `swiftray microbenchmark`: Ray's microbenchmark figures under Ray's names, measured the way
/// Ray's `ray_perf.py` measures them, plus swiftray's own (start-up, `status`/`list` latency,
/// daemon memory). Prints one line per figure, `<name> <mean> +- <stdev>`, exactly as
/// `ray microbenchmark` does, so the two can be compared line by line. Starts its own local
/// cluster (private temp dir, ephemeral ports, 127.0.0.1) and stops it afterwards, unless
/// `--address` names an existing one.
struct MicrobenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "microbenchmark",
        abstract: "Measure tasks, actors, objects, placement groups, start-up, status/list latency and daemon memory, under Ray's microbenchmark names.",
        discussion: """
        Every figure prints as `<name> <mean> +- <stdev>`, as `ray microbenchmark` prints it. \
        Throughput figures are timed as Ray's `timeit` times them: a warm-up second, then \
        --trials trials of --trial-seconds each; the mean and standard deviation are over the \
        trials.

        Which driver runs each figure: every task, object, actor and placement-group figure is \
        driven by Swift code in this process, through the same core worker and GCS client a \
        driver script uses (`f.remote()`, `ray.get`, `ray.put`, `ray.wait`, actor calls, \
        `placement_group`), so the figures measure the cluster rather than the driver \
        language. The tasks and actor methods they call run in worker processes and are \
        trivial driver-language functions (`return 1`, sync or `async def`). The "(Plasma \
        Store)" figures put and get a small value through the node's object store, as Ray's \
        `ray.put` always does; the same names without it keep the value in the owner's memory, \
        where swiftray's `ray.put` keeps values under 100 KiB. "multi client" and "n:n" figures \
        run four drivers (jobs) in this process at once. Placement groups: 100 one-bundle groups \
        created, waited for and removed per round, as Ray's benchmark does. "single client GCS \
        calls sync" is a lookup the GCS answers from memory, one at a time: the round trip the \
        synchronous figures pay per call on this machine.

        swiftray's own figures: cluster start to ready (`start --head` until it returns, each of \
        --rounds start/stop rounds), `status` and `list nodes` latency (whole CLI processes, \
        --samples calls each after an untimed one, before the other figures), GCS and raylet \
        resident memory (RSS, each counting the shared executable pages in full) and the head \
        node's proportional memory (PSS of GCS + raylet, shared pages counted once). With --address only the status/list figures of these are \
        measured. Run it from a release build (`swift build -c release`).
        """)

    @Option(help: "Run only the figures whose name contains this text.")
    var filter: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Benchmark this existing cluster (GCS HOST:PORT) instead of starting one; its auth token comes from --temp-dir or $SWIFTRAY_AUTH_TOKEN.")
    var address: String?

    @OptionGroup var temp: TempDirOption

    @Option(help: "How many timed trials per throughput figure.")
    var trials: Int = 4

    @Option(help: "How long each trial runs, in seconds.")
    var trialSeconds: Double = 2

    @Option(help: "How many start/stop rounds to time.")
    var rounds: Int = 5

    @Option(help: "How many status/list calls to time.")
    var samples: Int = 20

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    /// swiftray's own figures, after Ray's.
    static let ownFigureNames = ["cluster start to ready seconds", "status latency milliseconds",
                                 "list nodes latency milliseconds", "GCS RSS megabytes", "raylet RSS megabytes",
                                 "head node GCS+raylet PSS megabytes"]

    /// Every figure, in the order they are printed: Ray's order, then swiftray's extra ones.
    static let figureOrder = ["single client get calls (Plasma Store)", "single client put calls (Plasma Store)",
                              "multi client put calls (Plasma Store)", "single client put gigabytes",
                              "single client tasks and get batch", "multi client put gigabytes",
                              "single client get object containing 10k refs", "single client wait 1k refs",
                              "single client tasks sync", "single client tasks async", "multi client tasks async",
                              "1:1 actor calls sync", "1:1 actor calls async", "1:1 actor calls concurrent",
                              "1:n actor calls async", "n:n actor calls async", "n:n actor calls with arg async",
                              "1:1 async-actor calls sync", "1:1 async-actor calls async",
                              "1:1 async-actor calls with args async", "1:n async-actor calls async",
                              "n:n async-actor calls async", PlacementGroupBenchmark.name,
                              "single client get calls", "single client put calls", "multi client put calls",
                              "single client get gigabytes", "actor creation", GcsCallBenchmark.name] + ownFigureNames

    func validate() throws {
        if rounds < 1 { throw ValidationError("`--rounds` must be at least 1, got \(rounds).") }
        if samples < 1 { throw ValidationError("`--samples` must be at least 1, got \(samples).") }
        if trials < 1 { throw ValidationError("`--trials` must be at least 1, got \(trials).") }
        if !(trialSeconds > 0 && trialSeconds <= 3600) {
            throw ValidationError("`--trial-seconds` must be more than 0 and at most 3600, got \(trialSeconds).")
        }
        if let filter, !Self.figureOrder.contains(where: { $0.contains(filter) }) {
            throw ValidationError("`--filter \(filter)` matches no figure. Figures: \(Self.figureOrder.joined(separator: ", ")).")
        }
    }

    private func wanted(_ name: String) -> Bool { filter.map { name.contains($0) } ?? true }

    func run() async throws {
        var results: [(String, [Double])] = []
        if let address {
            let cluster = BenchmarkCluster(paths: temp.paths, address: address)
            do {
                _ = try await cluster.gcs().close()
            } catch {
                throw Console.fail(error)
            }
            results = try await measure(cluster)
        } else {
            results = try await measureOwnCluster()
        }
        let ordered = results.filter { !$0.1.isEmpty }.sorted { a, b in
            Self.rank(a.0) < Self.rank(b.0)
        }.map { BenchmarkResult(name: $0.0, values: $0.1) }
        print(format == .json ? BenchmarkResult.json(ordered) : ordered.map(\.line).joined(separator: "\n"))
    }

    private static func rank(_ printed: String) -> Int {
        figureOrder.firstIndex { printed == $0 || printed == $0 + " per second" } ?? figureOrder.count
    }

    /// The figures any cluster gives: the status/list latencies and Ray's set.
    private func measure(_ cluster: BenchmarkCluster) async throws -> [(String, [Double])] {
        let timing = BenchmarkTiming(trials: trials, seconds: trialSeconds)
        var results: [(String, [Double])] = []
        // First, while nothing else runs: whole CLI processes, after one untimed warm-up call
        // (the first loads the binary's pages).
        let exe = ProcessLauncher.currentExecutable()
        for (name, command) in [("status latency milliseconds", ["status"]), ("list nodes latency milliseconds", ["list", "nodes"])]
        where wanted(name) {
            _ = try ChildProcess.timed(exe, command + cluster.commandArguments)
            var times: [Double] = []
            for _ in 0..<samples { times.append(try ChildProcess.timed(exe, command + cluster.commandArguments) * 1000) }
            results.append((name, times))
        }
        if TaskBenchmark.figureNames.contains(where: wanted) {
            results += try await TaskBenchmark.run(cluster, timing: timing, wanted: wanted)
        }
        if ActorBenchmark.figureNames.contains(where: wanted) {
            results += try await ActorBenchmark.run(cluster, timing: timing, wanted: wanted)
        }
        if wanted(PlacementGroupBenchmark.name) {
            results.append((PlacementGroupBenchmark.name + " per second", try await PlacementGroupBenchmark.run(cluster, timing: timing)))
        }
        if wanted(GcsCallBenchmark.name) {
            results.append((GcsCallBenchmark.name + " per second", try await GcsCallBenchmark.run(cluster, timing: timing)))
        }
        return results
    }

    /// Starts a cluster --rounds times: the first round also measures everything else; every
    /// round gives a start time and the daemons' memory.
    private func measureOwnCluster() async throws -> [(String, [Double])] {
        let exe = ProcessLauncher.currentExecutable()
        var results: [(String, [Double])] = []
        var startTimes: [Double] = []
        var gcsRSS: [Double] = []
        var rayletRSS: [Double] = []
        var nodePSS: [Double] = []
        for round in 0..<rounds {
            let temp = NSTemporaryDirectory() + "swiftray-bench-\(getpid())-\(round)"
            let common = ["--temp-dir", temp]
            defer {
                _ = try? ChildProcess.run(exe, ["stop", "--force"] + common)
                try? FileManager.default.removeItem(atPath: temp)
            }
            let t0 = ContinuousClock.now
            let start = try ChildProcess.run(exe, ["start", "--head", "--port", "0", "--node-ip-address", "127.0.0.1",
                                                   "--num-cpus", "2"] + common)
            guard start.status == 0 else {
                throw CommandFailure("The benchmark cluster did not start: \(start.stderr)")
            }
            startTimes.append((ContinuousClock.now - t0).seconds)
            if round == 0 {
                results = try await measure(BenchmarkCluster(paths: SessionPaths(tempDir: temp), address: nil))
            }
            let session = (try? FileManager.default.destinationOfSymbolicLink(atPath: temp + "/session_latest")) ?? ""
            var pss = 0.0
            for record in SessionProcesses(sessionDir: session).all() {
                let mb = Double(ProcessMemory.residentBytes(pid: record.pid.pid)) / 1_048_576
                if record.pid.role == "gcs" { gcsRSS.append(mb) } else { rayletRSS.append(mb) }
                pss += Double(ProcessMemory.proportionalBytes(pid: record.pid.pid)) / 1_048_576
            }
            nodePSS.append(pss)
        }
        let own = [("cluster start to ready seconds", startTimes), ("GCS RSS megabytes", gcsRSS),
                   ("raylet RSS megabytes", rayletRSS), ("head node GCS+raylet PSS megabytes", nodePSS)]
        return results + own.filter { wanted($0.0) }
    }
}

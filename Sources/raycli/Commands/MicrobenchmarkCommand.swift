import ArgumentParser
import Foundation
import Runtime

/// `swiftray microbenchmark`: measures the cluster on this machine and prints one line per
/// figure, `<name> <value> +- <stdev>` in the style of `ray microbenchmark`. It starts its own
/// local cluster (private temp dir, ephemeral ports, 127.0.0.1) and stops it afterwards.
/// The drivers are this binary's own commands run as child processes, so the figures are what
/// a user sees (process start included). Build with `-c release` before measuring.
struct MicrobenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "microbenchmark",
        abstract: "Measure cluster start-up, status/list latency, daemon memory, tasks, objects and actors on this machine.",
        discussion: """
        Placement groups are created, waited for and removed from a Swift driver (this \
        process, over the wire protocol), so the figure measures the GCS, the raylet and the \
        two-phase commit rather than the driver language. Tasks and objects are driven the same \
        way, through a core worker in this process (what `f.remote()`, `ray.get` and `ray.put` \
        use); the workers run a trivial function in the driver language. Actors likewise: \
        actors created and called through core workers in this process, whose methods are \
        trivial driver-language methods (1:1 sync, async and concurrent calls, 1:n and n:n calls, \
        with and without an argument, the same against async-def actors, actor creation). \
        Figures: cluster start to ready (`start --head` until it returns, median of --rounds), \
        `status` and `list nodes` latency (median of --samples), GCS and raylet resident memory (RSS, each counting the shared executable pages in full) and \
        the head node's proportional memory (PSS of GCS + raylet, shared pages counted once). \
        Run it from a release build (`swift build -c release`).
        """)

    @Option(help: "Run only the figures whose name contains this text.")
    var filter: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "How many start/stop rounds to time.")
    var rounds: Int = 5

    @Option(help: "How many status/list calls to time.")
    var samples: Int = 20

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        if rounds < 1 { throw ValidationError("`--rounds` must be at least 1, got \(rounds).") }
        if samples < 1 { throw ValidationError("`--samples` must be at least 1, got \(samples).") }
    }

    func run() async throws {
        let exe = ProcessLauncher.currentExecutable()
        var results: [BenchmarkResult] = []
        func wanted(_ name: String) -> Bool { filter.map { name.contains($0) } ?? true }

        var startTimes: [Double] = []
        var statusTimes: [Double] = []
        var listTimes: [Double] = []
        var gcsRSS: [Double] = []
        var rayletRSS: [Double] = []
        var nodePSS: [Double] = []
        var pgPerSecond: [Double] = []
        var pgLatencyMs: [Double] = []
        var taskFigures: [(String, [Double])] = []
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
            if round == 0 && wanted("placement group") {
                let paths = SessionPaths(tempDir: temp)
                let figures = try await PlacementGroupBenchmark.run(paths: paths, seconds: 3)
                pgPerSecond.append(contentsOf: figures.perSecond)
                pgLatencyMs.append(contentsOf: figures.latenciesMs)
            }
            if round == 0 && TaskBenchmark.figureNames.contains(where: wanted) {
                taskFigures = try await TaskBenchmark.run(paths: SessionPaths(tempDir: temp), wanted: wanted)
            }
            if round == 0 && ActorBenchmark.figureNames.contains(where: wanted) {
                taskFigures += try await ActorBenchmark.run(paths: SessionPaths(tempDir: temp), wanted: wanted)
            }
            if round == 0 {
                for _ in 0..<samples where wanted("status") {
                    statusTimes.append(try ChildProcess.timed(exe, ["status"] + common) * 1000)
                }
                for _ in 0..<samples where wanted("list") {
                    listTimes.append(try ChildProcess.timed(exe, ["list", "nodes"] + common) * 1000)
                }
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
        let figures: [(String, [Double], String)] = [
            ("cluster start to ready seconds", startTimes, "median"),
            ("status latency milliseconds", statusTimes, "median"),
            ("list nodes latency milliseconds", listTimes, "median"),
            ("GCS RSS megabytes", gcsRSS, "max"),
            ("raylet RSS megabytes", rayletRSS, "max"),
            ("head node GCS+raylet PSS megabytes", nodePSS, "max"),
            ("placement group create/removal per second", pgPerSecond, "median"),
            ("placement group creation latency milliseconds", pgLatencyMs, "median"),
        ]
        for (name, values) in taskFigures {
            results.append(BenchmarkResult(name: name, values: values, summary: "median"))
        }
        for (name, values, summary) in figures where wanted(name) && !values.isEmpty {
            results.append(BenchmarkResult(name: name, values: values, summary: summary))
        }
        print(format == .json ? BenchmarkResult.json(results) : results.map(\.line).joined(separator: "\n"))
    }
}

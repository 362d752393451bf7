import ClusterState
import Foundation
import Runtime

/// One `swiftray load-test` against a running cluster: launches the driver processes, runs
/// the invariant checker in this process meanwhile (about five samples a second: the GCS's
/// node table and placement-group table, fetched together), reaps the drivers (SIGKILLing any
/// still running at deadline + grace), then waits for the cluster to settle and gathers the
/// report. It never ends any process but its own drivers.
struct LoadTestRun {
    var paths: SessionPaths
    var explicitAddress: String?
    var drivers: Int
    var durationSeconds: Double
    var graceSeconds: Double
    var readyTimeout: Double
    var taskTimeout: Double
    var taskCPUs: Double
    var sampleIntervalMs: Int
    var settleSeconds: Double = 10
    var log: @Sendable (String) -> Void

    func run() async throws -> LoadTestReport {
        let address = try ClusterAddress.resolve(explicit: explicitAddress, paths: paths)
        let gcs = try await GcsClient.connect(explicitAddress: address.text, paths: paths, peerKind: "cli")
        defer { Task { await gcs.close() } }
        let before = try await gcs.clusterStatus().aliveNodes
        guard !before.isEmpty else { throw CommandFailure("The cluster at \(address.text) has no alive node to load.") }

        let workDir = NSTemporaryDirectory() + "swiftray-load-test-\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(atPath: workDir, withIntermediateDirectories: true)
        let deadline = Date().timeIntervalSince1970 + durationSeconds
        let script = LoadTestScript(deadline: deadline, readyTimeout: readyTimeout, taskTimeout: taskTimeout, taskCPUs: taskCPUs)
        let scriptPath = workDir + "/load_test_driver.py"
        try script.source.write(toFile: scriptPath, atomically: true, encoding: .utf8)

        // The checker runs from before the first driver starts until the last one is gone.
        let start = ContinuousClock.now
        let interval = Duration.milliseconds(sampleIntervalMs)
        let checker = Task { () -> (LoadTestInvariantChecker, [String]) in
            var checker = LoadTestInvariantChecker()
            var errors: [String] = []
            while !Task.isCancelled {
                let t0 = ContinuousClock.now
                do {
                    async let status = gcs.clusterStatus()
                    async let groups = gcs.allPlacementGroups()
                    let (s, g) = try await (status, groups)
                    checker.observe(nodes: s.nodes, groups: g, now: (ContinuousClock.now - start).seconds)
                } catch {
                    if Task.isCancelled { break }  // the drivers are done; a call cut short is no failure
                    errors.append("At \(String(format: "%.2f", (ContinuousClock.now - start).seconds)) s: \(error)")
                }
                try? await Task.sleep(until: t0 + interval, clock: .continuous)
            }
            return (checker, errors)
        }

        var environment = ProcessInfo.processInfo.environment
        environment["SWIFTRAY_ADDRESS"] = address.text
        environment["SWIFTRAY_TEMP_DIR"] = paths.tempDir
        let executable = ProcessLauncher.currentExecutable()
        var processes: [LoadTestDriverProcess] = []
        var launchError: (any Error)?
        for index in 0..<drivers {
            do {
                processes.append(try LoadTestDriverProcess(index: index, executable: executable,
                                                           arguments: ["run", "--address", address.text, "--temp-dir", paths.tempDir,
                                                                       scriptPath, "\(index)"],
                                                           environment: environment, workDir: workDir))
            } catch {
                launchError = error
                break
            }
        }
        log("Launched \(processes.count) drivers; they stop starting rounds in \(Int(durationSeconds)) s.")

        let hardDeadline = start + .milliseconds(Int64((durationSeconds + graceSeconds) * 1000))
        while processes.contains(where: \.isRunning) {
            for p in processes { p.poll() }
            if ContinuousClock.now > hardDeadline {
                for p in processes where p.isRunning { p.kill() }
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        let elapsed = ((processes.compactMap(\.endedAt).max() ?? .now) - start).seconds
        checker.cancel()
        let (invariants, checkerErrors) = await checker.value
        log("All drivers done after \(String(format: "%.1f", elapsed)) s; checking that the cluster settles.")

        // Per-driver results.
        var latencies: [LoadTestOperation: [Double]] = [:]
        var driverFailures: [String] = []
        var lostCalls: [String] = []
        var failedCalls = 0
        var failedExamples: [String] = []
        var finished = 0
        if let launchError { driverFailures.append("Only \(processes.count) of \(drivers) drivers could be started: \(launchError)") }
        for p in processes {
            let summary = LoadTestDriverSummary.parse(output: p.stdout)
            if let summary {
                for op in LoadTestOperation.allCases { latencies[op, default: []] += summary.latenciesMs[op] ?? [] }
                failedCalls += summary.errorCount
                for line in summary.errorLines where failedExamples.count < 10 { failedExamples.append("driver \(p.index): \(line)") }
                if summary.count(.create) != summary.count(.remove) {
                    lostCalls.append("Driver \(p.index) had \(summary.count(.create)) placement group creations acknowledged but \(summary.count(.remove)) removals.")
                }
                if summary.count(.submit) != summary.count(.get) {
                    lostCalls.append("Driver \(p.index) submitted \(summary.count(.submit)) tasks but got \(summary.count(.get)) results.")
                }
            }
            if p.wasKilled {
                driverFailures.append("Driver \(p.index) was still running \(Int(graceSeconds)) s after the deadline and was killed.")
            } else if p.exitStatus != 0 {
                let last = p.stderr.split(separator: "\n").last.map(String.init) ?? "no output on stderr"
                driverFailures.append("Driver \(p.index) exited with status \(p.exitStatus ?? -1): \(last)")
            } else if summary == nil {
                driverFailures.append("Driver \(p.index) exited 0 but printed no readable summary line.")
            } else {
                finished += 1
            }
        }

        let clusterProblems = await settle(gcs: gcs, before: before)
        let figures = LoadTestOperation.allCases.map {
            LoadTestOperationFigure(operation: $0, latenciesMs: latencies[$0] ?? [], elapsedSeconds: elapsed)
        }
        let total = figures.map(\.count).reduce(0, +)
        var report = LoadTestReport(
            drivers: drivers, durationSeconds: durationSeconds, elapsedSeconds: LoadTestOperationFigure.rounded(elapsed),
            nodes: before.count, driversFinished: finished, operations: figures, totalOperations: total,
            totalPerSecond: LoadTestOperationFigure.rounded(elapsed > 0 ? Double(total) / elapsed : 0),
            invariantSamples: invariants.samples, checkerErrors: checkerErrors.count,
            checkerErrorExamples: Array(checkerErrors.prefix(5)), violations: invariants.violations,
            transientMismatches: invariants.transientMismatches, transientExamples: invariants.transientExamples,
            lostCalls: lostCalls, failedCalls: failedCalls, failedCallExamples: failedExamples,
            driverFailures: driverFailures, clusterProblems: clusterProblems, workDirectory: nil)
        if report.passed {
            try? FileManager.default.removeItem(atPath: workDir)
        } else {
            report.workDirectory = workDir
        }
        return report
    }

    /// After the drivers: every node alive at the start is still alive, and within
    /// `settleSeconds` every node's available resources are back to where they were at the start
    /// and no invariant mismatch is left. Returns the problems, as sentences.
    private func settle(gcs: GcsClient, before: [NodeInfo]) async -> [String] {
        let until = ContinuousClock.now + .milliseconds(Int64(settleSeconds * 1000))
        var problems: [String] = []
        repeat {
            problems = []
            do {
                async let status = gcs.clusterStatus()
                async let groups = gcs.allPlacementGroups()
                let (s, g) = try await (status, groups)
                let now = Dictionary(s.nodes.map { ($0.nodeID, $0) }, uniquingKeysWith: { a, _ in a })
                for node in before {
                    guard let n = now[node.nodeID], n.state == .alive else {
                        problems.append("Node \(node.nodeID.hex) was alive at the start and is not any more.")
                        continue
                    }
                    if n.resourcesAvailable != node.resourcesAvailable {
                        problems.append("Node \(node.nodeID.hex) has \(n.resourcesAvailable) available, not \(node.resourcesAvailable) as at the start.")
                    }
                }
                for m in LoadTestInvariantChecker.mismatches(nodes: s.nodes, groups: g).values.sorted(by: { $0.detail < $1.detail }) {
                    problems.append(m.detail)
                }
            } catch {
                problems.append("The GCS did not answer after the load: \(error)")
            }
            if problems.isEmpty { return [] }
            try? await Task.sleep(for: .milliseconds(250))
        } while ContinuousClock.now < until
        return problems
    }
}

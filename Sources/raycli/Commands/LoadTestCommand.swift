import ArgumentParser
import Foundation
import Runtime

/// `swiftray load-test` (hidden): many real drivers at once against a running cluster, each
/// creating, waiting for and removing placement groups and running small tasks until a shared
/// deadline, while this process checks the cluster's invariants about five times a second.
/// Prints throughput and p50/p99 latency per operation and what the checker saw; exits 1 when
/// a driver failed or overran, a call was lost or failed, an invariant was violated, a node died
/// or resources did not come back after the load.
struct LoadTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load-test",
        abstract: "Load a running cluster with many drivers creating placement groups and tasks, checking invariants throughout.",
        discussion: """
        Each driver is `swiftray run` of a generated script, started by this command. Until the \
        deadline it loops: create a placement group of one or two bundles of 0.05 or 0.1 CPU \
        (PACK or SPREAD), wait until it is ready, remove it, submit a small task (max_retries=0, so a \
        worker lost under it surfaces as a failed call) and get its result, timing every call. Meanwhile this command samples the GCS's node and placement-group tables \
        and checks that 0 <= available <= total for every resource of every alive node (at once) and \
        that the placement-group resources in every node's total match the CREATED groups' bundles \
        there (a mismatch counts once the same one lasts over 2 s, as raylets report every 250 ms).
        """,
        shouldDisplay: false)

    @OptionGroup var cluster: ClusterOptions

    @Option(help: "How many driver processes to run at once.")
    var drivers: Int = 50

    @Option(help: "Seconds the drivers keep starting rounds.")
    var duration: Double = 60

    @Option(help: "Seconds after the duration a driver may take to finish before it counts as hung and is killed.")
    var grace: Double = 60

    @Option(name: .customLong("ready-timeout"), help: "Seconds a driver waits for a placement group to be ready.")
    var readyTimeout: Double = 30

    @Option(name: .customLong("task-timeout"), help: "Seconds a driver waits for a task's result.")
    var taskTimeout: Double = 30

    @Option(name: .customLong("task-cpus"), help: "num_cpus of the drivers' task.")
    var taskCPUs: Double = 1

    @Option(name: .customLong("sample-interval-ms"), help: "Milliseconds between invariant samples.")
    var sampleIntervalMs: Int = 200

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    func validate() throws {
        if drivers < 1 { throw ValidationError("`--drivers` must be at least 1, got \(drivers).") }
        if !(duration > 0) { throw ValidationError("`--duration` must be a positive number of seconds, got \(duration).") }
        if !(grace >= 0) { throw ValidationError("`--grace` must be zero or more seconds, got \(grace).") }
        if !(readyTimeout > 0) { throw ValidationError("`--ready-timeout` must be a positive number of seconds, got \(readyTimeout).") }
        if !(taskTimeout > 0) { throw ValidationError("`--task-timeout` must be a positive number of seconds, got \(taskTimeout).") }
        if !(taskCPUs >= 0) { throw ValidationError("`--task-cpus` must be zero or more, got \(taskCPUs).") }
        if sampleIntervalMs < 10 { throw ValidationError("`--sample-interval-ms` must be at least 10, got \(sampleIntervalMs).") }
    }

    func run() async throws {
        let run = LoadTestRun(paths: cluster.temp.paths, explicitAddress: cluster.address, drivers: drivers,
                              durationSeconds: duration, graceSeconds: grace, readyTimeout: readyTimeout,
                              taskTimeout: taskTimeout, taskCPUs: taskCPUs, sampleIntervalMs: sampleIntervalMs,
                              log: { Console.error($0) })
        let report: LoadTestReport
        do {
            report = try await run.run()
        } catch {
            throw Console.fail(error)
        }
        print(format == .json ? report.json : report.table)
        if !report.passed { throw ExitCode(1) }
    }
}

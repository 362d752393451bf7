import ArgumentParser
import Runtime

/// The `swiftray` command: Ray's cluster CLI in one native binary.
@main
struct Swiftray: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftray",
        abstract: "Start, inspect and stop a swiftray cluster (Ray's cluster layer in Swift).",
        discussion: """
        A cluster is one head node (`swiftray start --head`) plus any number of worker nodes \
        (`swiftray start --address HOST:PORT`). Client commands find the cluster by --address, \
        then SWIFTRAY_ADDRESS, then <temp-dir>/swiftray_current_cluster.
        """,
        version: SwiftrayVersion.text,
        subcommands: [
            StartCommand.self, StopCommand.self, StatusCommand.self, ListCommand.self,
            GetCommand.self, SummaryCommand.self, RunCommand.self, ReplCommand.self,
            GetAuthTokenCommand.self, MicrobenchmarkCommand.self, LoadTestCommand.self,
            GcsServerCommand.self, RayletCommand.self, WorkerCommand.self,
        ]
    )

    /// The daemons: their work is all async, never blocks the thread it runs on, and is mostly
    /// a call read on a socket and answered on it, so their processes run Swift concurrency on
    /// NIO's event loops (`EventLoopExecutor`). Everything else keeps Swift's own pool: a
    /// synchronous command (`run`, `repl` …) occupies the thread it was started on for its
    /// whole life, and a job pinned to that event loop would never run; a driver's in-process
    /// actor hops are cheaper on the pool (in-memory puts: 750 k/s on the pool, 280 k/s on the
    /// loops); and workers, whose interpreter thread hands every result back to the runtime,
    /// measured no faster on the loops (async actors slower).
    static let eventLoopCommands = ["gcs-server", "raylet"]

    /// Picks the executor, then runs the everyday `status`/`list`/`--version` lines straight
    /// away (`FastCommandLine`); everything else goes through ArgumentParser.
    static func main() async {
        if let command = CommandLine.arguments.dropFirst().first, eventLoopCommands.contains(command) {
            EventLoopExecutor.install()
        }
        guard let command = FastCommandLine.parse(Array(CommandLine.arguments.dropFirst())) else {
            await main(nil)
            return
        }
        do {
            try await command.run()
        } catch {
            exit(withError: error)
        }
    }
}

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

    /// The commands whose work is all async and never blocks the thread it runs on: their
    /// processes run Swift concurrency on NIO's event loops (`EventLoopExecutor`). The others
    /// keep Swift's own pool: a synchronous command (`run`, `repl` …) occupies the thread it
    /// was started on for its whole life, and a job pinned to that event loop would never run.
    static let eventLoopCommands: Set<String> = ["gcs-server", "raylet", "worker", "microbenchmark", "load-test"]

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

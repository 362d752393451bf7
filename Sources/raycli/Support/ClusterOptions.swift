import ArgumentParser
import Runtime

/// `--address` and `--temp-dir` for client commands.
struct ClusterOptions: ParsableArguments {
    @Option(help: "The GCS address HOST:PORT (default: $SWIFTRAY_ADDRESS, else the temp dir's current cluster).")
    var address: String?

    @OptionGroup var temp: TempDirOption

    /// Connects to the GCS, or fails with a clear message and exit status 1.
    func connect() async throws -> GcsClient {
        do {
            return try await GcsClient.connect(explicitAddress: address, paths: temp.paths, peerKind: "cli")
        } catch {
            throw Console.fail(error)
        }
    }
}

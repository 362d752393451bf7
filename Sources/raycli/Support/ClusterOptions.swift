import ArgumentParser
import Runtime

/// `--address` and `--temp-dir` for client commands.
struct ClusterOptions: ParsableArguments {
    @Option(help: "The GCS address HOST:PORT (default: $SWIFTRAY_ADDRESS, else the temp dir's current cluster).")
    var address: String?

    @OptionGroup var temp: TempDirOption

    /// The cluster these options name.
    var target: ClusterTarget { ClusterTarget(address: address, tempDir: temp.tempDir) }

    /// Connects to the GCS, or fails with a clear message and exit status 1.
    func connect() async throws -> GcsClient {
        try await target.connect()
    }
}

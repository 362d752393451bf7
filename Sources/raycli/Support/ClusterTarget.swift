import Runtime

/// Which cluster a client command talks to: an explicit `--address` (else `$SWIFTRAY_ADDRESS`,
/// else the temp dir's current cluster) and the temp dir whose token it uses. A plain value, so
/// both ArgumentParser's commands and the fast command line can build it.
struct ClusterTarget: Sendable, Equatable {
    var address: String?
    var tempDir: String?

    var paths: SessionPaths {
        SessionPaths(tempDir: tempDir ?? SessionPaths.defaultTempDir())
    }

    /// Connects to the GCS for the command's few calls (a blocking socket: no event-loop
    /// threads), or reports a clear message and returns exit status 1 as the error.
    func connect() async throws -> GcsClient {
        do {
            return try await GcsClient.connectOneShot(explicitAddress: address, paths: paths, peerKind: "cli")
        } catch {
            throw Console.fail(error)
        }
    }
}

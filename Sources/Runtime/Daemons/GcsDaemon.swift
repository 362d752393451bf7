import Logging
import ServiceLifecycle
import UnixSignals

/// The `swiftray gcs-server` process: opens the database, listens, signals readiness and runs
/// until SIGTERM/SIGINT, then closes its listener and exits 0.
public struct GcsDaemon: Service {
    let gcs: GcsServer

    /// Runs the GCS to completion; returns the process exit code.
    public static func main(config: GcsConfig) async -> Int32 {
        let logger = DaemonLogging.logger("gcs")
        do {
            let gcs = try GcsServer(config: config, logger: logger)
            let port = try await gcs.start()
            ReadySignal.ready(String(port))
            let group = ServiceGroup(services: [GcsDaemon(gcs: gcs)], gracefulShutdownSignals: [.sigterm, .sigint],
                                     logger: logger)
            try await group.run()
            logger.info("GCS stopped.")
            return 0
        } catch {
            logger.error("GCS failed: \(error)")
            ReadySignal.failed("\(error)")
            return 1
        }
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown { await gcs.run() }
    }
}

import ArgumentParser
import Foundation
import Runtime

/// Hidden `swiftray gcs-server`: the GCS daemon, launched by `start --head`. Reads the cluster
/// token from SWIFTRAY_AUTH_TOKEN (never from the command line, where `ps` would show it).
struct GcsServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gcs-server", abstract: "Run the GCS daemon (started by `swiftray start --head`).",
        shouldDisplay: false)

    @Option var port: Int
    @Option(name: .customLong("node-ip-address")) var nodeIPAddress: String
    @Option(name: .customLong("session-dir")) var sessionDir: String
    @Option(name: .customLong("temp-dir")) var tempDir: String
    @Option(name: .customLong("health-check-timeout-ms")) var healthCheckTimeoutMs: Int = 2000
    @Option(name: .customLong("gcs-reconnect-window")) var reconnectWindow: Int = 60

    func run() async throws {
        guard let token = ProcessInfo.processInfo.environment[AuthToken.environmentKey], !token.isEmpty else {
            ReadySignal.failed("The GCS needs the cluster token in SWIFTRAY_AUTH_TOKEN.")
            Console.error("Error: The GCS needs the cluster token in SWIFTRAY_AUTH_TOKEN.")
            throw ExitCode.failure
        }
        let config = GcsConfig(host: nodeIPAddress, port: port, sessionDir: sessionDir,
                               sessionName: (sessionDir as NSString).lastPathComponent, tempDir: tempDir,
                               token: token, databasePath: SessionPaths.databasePath(sessionDir),
                               healthCheckTimeout: .milliseconds(healthCheckTimeoutMs),
                               driverReconnectWindow: .seconds(reconnectWindow))
        let code = await GcsDaemon.main(config: config)
        if code != 0 { throw ExitCode(code) }
    }
}

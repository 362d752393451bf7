import ArgumentParser
import Foundation
import ClusterState
import Runtime

/// Hidden `swiftray raylet`: one node's raylet, launched by `start`. Reads the cluster token
/// from SWIFTRAY_AUTH_TOKEN.
struct RayletCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raylet", abstract: "Run a raylet daemon (started by `swiftray start`).",
        shouldDisplay: false)

    @Option(name: .customLong("gcs-address")) var gcsAddress: String
    @Option(name: .customLong("node-ip-address")) var nodeIPAddress: String
    @Option(name: .customLong("node-manager-port")) var nodeManagerPort: Int = 0
    @Option(name: .customLong("session-dir")) var sessionDir: String
    @Option(name: .customLong("session-name")) var sessionName: String
    @Option(name: .customLong("temp-dir")) var tempDir: String
    @Option(name: .customLong("local-index")) var localIndex: Int = 0
    @Option(name: .customLong("resources-fixed")) var resourcesFixed: String
    @Option(name: .customLong("gcs-reconnect-window")) var gcsReconnectWindow: Int = 60
    @Flag var head = false

    func run() async throws {
        guard let token = ProcessInfo.processInfo.environment[AuthToken.environmentKey], !token.isEmpty else {
            ReadySignal.failed("The raylet needs the cluster token in SWIFTRAY_AUTH_TOKEN.")
            throw ExitCode.failure
        }
        let gcs: ClusterAddress
        let resources: ClusterState.ResourceSet
        do {
            gcs = try ClusterAddress.parse(gcsAddress)
            resources = try ClusterLauncher.decodeResources(resourcesFixed)
        } catch {
            ReadySignal.failed("\(error)")
            throw ExitCode.failure
        }
        let config = RayletConfig(gcsHost: gcs.host, gcsPort: gcs.port, nodeIP: nodeIPAddress,
                                  nodeManagerPort: nodeManagerPort, nodeName: nodeIPAddress, isHead: head,
                                  resources: resources, sessionDir: sessionDir, sessionName: sessionName,
                                  tempDir: tempDir, token: token, localIndex: localIndex,
                                  gcsReconnectWindow: .seconds(gcsReconnectWindow))
        let code = await RayletDaemon.main(config: config)
        if code != 0 { throw ExitCode(code) }
    }
}

import ArgumentParser
import ClusterState
import Foundation
import Runtime

/// `swiftray start`: starts a head node (`--head`) or adds a worker node (`--address`).
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start swiftray processes on this machine: a head node, or a worker node that joins one.")

    @Flag(help: "Start the head node: the GCS and this machine's raylet.")
    var head = false

    @Option(help: "The head's GCS address (HOST:PORT) to join as a worker node.")
    var address: String?

    @Option(help: "The GCS port of a head node (0 picks a free port).")
    var port: Int?

    @Option(name: .customLong("node-ip-address"), help: "The IP address of this node (default: the host's primary address).")
    var nodeIPAddress: String?

    @Option(name: .customLong("num-cpus"), help: "Number of CPUs of this node (default: detected).")
    var numCPUs: Int?

    @Option(name: .customLong("num-gpus"), help: "Number of GPUs of this node (default: detected NVIDIA GPUs).")
    var numGPUs: Int?

    @Option(help: "Bytes of memory for tasks and actors (default: 70% of available memory).")
    var memory: Int?

    @Option(name: .customLong("object-store-memory"), help: "Bytes for the object store (default: 30% of available memory).")
    var objectStoreMemory: Int?

    @Option(help: "Custom resources as a JSON object, e.g. '{\"foo\": 2}'.")
    var resources: String = "{}"

    @Option(name: .customLong("node-manager-port"), help: "The raylet's port (default: a free port).")
    var nodeManagerPort: Int = 0

    @OptionGroup var temp: TempDirOption

    @Flag(help: "Stay in the foreground; stop the started processes on SIGINT/SIGTERM.")
    var block = false

    @Option(name: .customLong("health-check-timeout-ms"), help: .hidden)
    var healthCheckTimeoutMs: Int?

    @Option(name: .customLong("gcs-reconnect-window"), help: .hidden)
    var gcsReconnectWindow: Int?

    func validate() throws {
        if !head && address == nil {
            throw ValidationError("`--address` is a required flag unless starting a head node with `--head`.")
        }
        if head && address != nil {
            throw ValidationError("`--head` and `--address` cannot be used together: a head node starts its own GCS.")
        }
        if port != nil && !head {
            throw ValidationError("`--port` should only be specified when starting head node with `--head`.")
        }
        if let port, !(0...65535).contains(port) {
            throw ValidationError("`--port` must be a port number from 0 to 65535, got \(port).")
        }
        if !(0...65535).contains(nodeManagerPort) {
            throw ValidationError("`--node-manager-port` must be a port number from 0 to 65535, got \(nodeManagerPort).")
        }
        for (flag, value) in [("--num-cpus", numCPUs), ("--num-gpus", numGPUs), ("--memory", memory),
                              ("--object-store-memory", objectStoreMemory)] {
            if let value, value < 0 {
                throw ValidationError("`\(flag)` must be a whole number of at least 0, got \(value).")
            }
        }
        if let objectStoreMemory, Int64(objectStoreMemory) < NodeResourceSpec.minObjectStoreBytes {
            throw ValidationError("Attempting to cap object store memory usage at \(objectStoreMemory) bytes, but the minimum allowed is \(NodeResourceSpec.minObjectStoreBytes) bytes.")
        }
        do { _ = try NodeResourceSpec.parseCustomResources(resources) } catch {
            throw ValidationError(error.description)
        }
        if let ip = nodeIPAddress, !IPAddressCheck.isValid(ip) {
            throw ValidationError("`--node-ip-address` must be an IPv4 or IPv6 address, got '\(ip)'.")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let paths = temp.paths
        var join: (String, Int)?
        do {
            if let address {
                let parsed = try ClusterAddress.parse(address)
                join = (parsed.host, parsed.port)
            }
        } catch {
            throw ValidationError("\(error)")
        }
        let nodeIP = nodeIPAddress ?? ResourceDetector.primaryIPAddress()
        let options = StartOptions(
            joinAddress: join, port: port ?? 6379, nodeIP: nodeIP, nodeManagerPort: nodeManagerPort,
            numCPUs: numCPUs.map(Int64.init), numGPUs: numGPUs.map(Int64.init), memory: memory.map(Int64.init),
            objectStoreMemory: objectStoreMemory.map(Int64.init),
            customResources: try NodeResourceSpec.parseCustomResources(resources), paths: paths,
            environment: environment, healthCheckTimeoutMs: healthCheckTimeoutMs,
            gcsReconnectWindowSeconds: gcsReconnectWindow)
        let started: StartedCluster
        do {
            started = try await ClusterLauncher.start(options)
        } catch {
            throw Console.fail(error)
        }
        print(StartBanner.text(started: started, isHead: head, tempDir: paths.tempDir, block: block), terminator: "")
        if block {
            if await !BlockingWait.run(pids: started.pids, sessionDir: started.sessionDir) {
                throw ExitCode.failure
            }
        }
    }
}

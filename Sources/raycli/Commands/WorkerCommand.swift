import ArgumentParser
import ClusterState
import Foundation
import Logging
import Runtime

/// Hidden `swiftray worker`: one worker process of a raylet's pool. It connects to the GCS,
/// registers with its raylet, runs the tasks owners push to it, and exits when its raylet goes
/// away (it fate-shares with its node) or on SIGTERM. Its stdout/stderr are its log file.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Run a worker process (started by a raylet).", shouldDisplay: false)

    @Option(name: .customLong("node-ip-address")) var nodeIPAddress: String
    @Option(name: .customLong("raylet-port")) var rayletPort: Int
    @Option(name: .customLong("gcs-address")) var gcsAddress: String
    @Option(name: .customLong("worker-id")) var workerID: String
    @Option(name: .customLong("job-id")) var jobID: String
    @Option(name: .customLong("node-id")) var nodeID: String
    @Option(name: .customLong("session-dir")) var sessionDir: String

    func run() async throws {
        let logger = Logger(label: "swiftray.worker")
        guard let token = ProcessInfo.processInfo.environment[AuthToken.environmentKey], !token.isEmpty else {
            FileHandle.standardError.write(Data("The worker needs the cluster token in SWIFTRAY_AUTH_TOKEN.\n".utf8))
            throw ExitCode.failure
        }
        let worker: WorkerID, job: JobID, node: NodeID
        do {
            worker = try WorkerID(hex: workerID)
            job = try JobID(hex: jobID)
            node = try NodeID(hex: nodeID)
        } catch {
            FileHandle.standardError.write(Data("Invalid worker arguments: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let paths = SessionPaths(tempDir: (sessionDir as NSString).deletingLastPathComponent)
        let gcs = try await GcsClient.connect(explicitAddress: gcsAddress, paths: paths, peerKind: "worker",
                                              reconnectWindow: GcsConnection.clientWindow())
        guard let jobInfo = try await gcs.allJobs().first(where: { $0.jobID == job }) else {
            FileHandle.standardError.write(Data("Job \(job) is unknown to the GCS; the worker exits.\n".utf8))
            throw ExitCode.failure
        }
        let holder = CoreHolder()
        let forwarder = OutputForwarder { holder.core }
        let host = WorkerHost(forwarder: forwarder)
        let config = CoreWorkerConfig(workerID: worker, jobID: job, nodeID: node, nodeIP: nodeIPAddress, isDriver: false,
                                      rayletHost: nodeIPAddress, rayletPort: rayletPort, token: token)
        // The executor needs the bridge, and the bridge the core worker: the core starts with
        // the executor, which gets its bridge before the first task can arrive (the raylet only
        // leases a worker after it registered, at the end of `start`).
        let executor = LateExecutor()
        let core = try await CoreWorker.start(config: config, gcs: gcs, executor: executor, logger: logger)
        holder.core = core
        let bridge = DriverBridge(worker: core, job: jobInfo, paths: paths)
        let real = WorkerExecutor(host: host, bridge: bridge)
        real.attach(core)
        executor.set(real)
        logger.info("Worker \(worker) (pid \(getpid())) of job \(job) ready on port \(core.address.port).")
        await core.rayletClosed()
        logger.info("The raylet went away; the worker exits.")
        await core.shutdown()
    }
}

import ClusterState
import Foundation
import SwiftProtobuf

/// Typed calls to the GCS over one authenticated connection. Used by one-shot commands
/// (`connectOneShot`: a blocking socket, fails at once when the GCS is gone), and by drivers and
/// workers (`connect` with a reconnect window: their calls wait for a restarted GCS, see
/// `GcsConnection`). Thread-safe.
public final class GcsClient: Sendable {
    public let rpc: any GcsTransport
    public let address: ClusterAddress
    /// The reconnecting connection, when `rpc` is one (for `reattachOnReconnect`); kept apart
    /// rather than cast from `rpc`, since a first dynamic cast makes a one-shot command scan the
    /// binary's conformance tables.
    private let connection: GcsConnection?

    init(rpc: GcsConnection, address: ClusterAddress) {
        self.rpc = rpc
        self.address = address
        connection = rpc
    }

    init(rpc: BlockingRpcClient, address: ClusterAddress) {
        self.rpc = rpc
        self.address = address
        connection = nil
    }

    /// Connects to the cluster found by `ClusterAddress.resolve`, with the token from the
    /// environment or the temp dir. With a `reconnectWindow`, calls survive a GCS restart.
    public static func connect(explicitAddress: String?, paths: SessionPaths, peerKind: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               timeout: Duration = .seconds(5), reconnectWindow: Duration? = nil) async throws -> GcsClient {
        try await open(explicitAddress: explicitAddress, paths: paths, environment: environment) { address, token in
            let rpc = try await RpcClient.connect(host: address.host, port: address.port, token: token,
                                                  peerKind: peerKind, timeout: timeout)
            return GcsClient(rpc: GcsConnection(client: rpc, host: address.host, port: address.port, token: token,
                                                peerKind: peerKind, reconnectWindow: reconnectWindow),
                             address: address)
        }
    }

    /// `connect` for a process that makes a few calls and exits (`status`, `list` …): a
    /// `BlockingRpcClient`, so no event-loop thread is started; calls block their thread and a
    /// lost connection is final.
    public static func connectOneShot(explicitAddress: String?, paths: SessionPaths, peerKind: String,
                                      environment: [String: String] = ProcessInfo.processInfo.environment,
                                      timeout: Duration = .seconds(5)) async throws -> GcsClient {
        try await open(explicitAddress: explicitAddress, paths: paths, environment: environment) { address, token in
            GcsClient(rpc: try BlockingRpcClient.connect(host: address.host, port: address.port, token: token,
                                                         peerKind: peerKind, timeout: timeout),
                      address: address)
        }
    }

    /// Finds the cluster's address and token and runs `make` with them; an unreachable GCS gets
    /// the hint of why (`unreachableHint`).
    private static func open(explicitAddress: String?, paths: SessionPaths, environment: [String: String],
                             _ make: (ClusterAddress, String) async throws -> GcsClient) async throws -> GcsClient {
        let address = try ClusterAddress.resolve(explicit: explicitAddress, paths: paths, environment: environment)
        let token = AuthToken.find(paths: paths, environment: environment) ?? ""
        do {
            return try await make(address, token)
        } catch let RuntimeError.unreachable(addr, reason) {
            throw RuntimeError.unreachable(address: addr, reason: "\(reason) \(unreachableHint(address: address, paths: paths))")
        }
    }

    /// Why the GCS may not answer, from the session's pid files: a dead GCS whose raylets still
    /// run (restartable), or no cluster at all.
    static func unreachableHint(address: ClusterAddress, paths: SessionPaths) -> String {
        if let latest = try? FileManager.default.destinationOfSymbolicLink(atPath: paths.latestLink) {
            let recorded = SessionProcesses(sessionDir: latest).all()
            let gcs = recorded.first { $0.pid.role == "gcs" }
            let raylets = recorded.filter { $0.pid.role == "raylet" && $0.pid.isRunning }
            if let gcs, !gcs.pid.isRunning, !raylets.isEmpty {
                return "The GCS of session \((latest as NSString).lastPathComponent) (pid \(gcs.pid.pid)) is not running, while \(raylets.count) raylet(s) of it still run and wait for it. Restart it with `swiftray start --head --temp-dir \(paths.tempDir)`; it reloads its state from SQLite."
            }
        }
        return "The swiftray GCS at \(address.text) is not reachable; is the cluster running (`swiftray status` after `swiftray start --head`)?"
    }

    public func allNodes() async throws -> [NodeInfo] {
        let reply: Swiftray_GetAllNodesReply = try await rpc.call("gcs.GetAllNodes", Swiftray_Empty())
        return try reply.nodes.map { try NodeInfo(record: $0) }
    }

    public func allJobs() async throws -> [JobInfo] {
        let reply: Swiftray_GetAllJobsReply = try await rpc.call("gcs.GetAllJobs", Swiftray_Empty())
        return try reply.jobs.map { try JobInfo(record: $0) }
    }

    public func clusterStatus() async throws -> ClusterStatusReport {
        let reply: Swiftray_GetClusterStatusReply = try await rpc.call("gcs.GetClusterStatus", Swiftray_Empty())
        let nodes = try reply.nodes.map { try NodeInfo(record: $0) }
        let tasks = reply.taskDemands.map {
            ResourceDemand(shape: ResourceSet(raw: $0.shape), count: Int($0.count),
                           countUsingPlacementGroups: Int($0.countUsingPlacementGroups))
        }
        let groups = reply.placementGroupDemands.map { d in
            PlacementGroupDemand(bundles: d.bundles.map { OrderedResources(keys: $0.keyOrder, set: ResourceSet(raw: $0.resources)) },
                                 strategy: d.strategy, count: Int(d.count))
        }
        return ClusterStatusReport(timeMicros: reply.timeUs, nodes: nodes, taskDemands: tasks, placementGroupDemands: groups)
    }

    /// Registers a driver's job; the GCS assigns the id.
    public func addJob(namespace: String, entrypoint: String, driverPid: Int32, driverIp: String,
                       driverNodeID: NodeID? = nil) async throws -> JobInfo {
        var request = Swiftray_AddJobRequest()
        request.driverNodeID = Data(driverNodeID?.bytes ?? [])
        request.namespace = namespace
        request.entrypoint = entrypoint
        request.driverPid = driverPid
        request.driverIp = driverIp
        // Not idempotent (a new job each time): never sent twice.
        let reply: Swiftray_AddJobReply = try await rpc.call("gcs.AddJob", request, resend: false)
        return try JobInfo(record: reply.job)
    }

    /// After a lost connection (a restarted GCS), claims `job` again on the new connection
    /// before any call is sent on it, so the job keeps RUNNING.
    public func reattachOnReconnect(_ job: JobID) {
        connection?.setOnReconnect { client in
            var request = Swiftray_ReattachJobRequest()
            request.jobID = Data(job.bytes)
            let _: Swiftray_Empty = try await client.call("gcs.ReattachJob", request, timeout: .seconds(5))
        }
    }

    /// Ends a driver's job with the given status.
    public func markJobFinished(_ job: JobID, status: JobStatus, message: String, errorType: String = "",
                                exitCode: Int32? = nil) async throws {
        var request = Swiftray_MarkJobFinishedRequest()
        request.jobID = Data(job.bytes)
        request.status = status == .failed ? .jobFailed : .jobSucceeded
        request.message = message
        request.errorType = errorType
        request.hasExitCode_p = exitCode != nil
        request.exitCode = exitCode ?? 0
        // At exit: if the GCS is away, wait a little for it, not the whole reconnect window.
        let _: Swiftray_Empty = try await rpc.call("gcs.MarkJobFinished", request, waitAtMost: .seconds(5))
    }

    public func close() async { await rpc.close() }
}

import ClusterState
import Foundation

/// Implements `swiftray start`: prepares the session directory and token, launches the GCS
/// (head only) and a raylet as detached daemons, waits for both to report ready, and records
/// them for `stop`. On any failure it stops what it started and leaves no half-written state.
public enum ClusterLauncher {
    public static func start(_ options: StartOptions) async throws -> StartedCluster {
        if let join = options.joinAddress {
            return try await startWorker(options, gcsHost: join.host, gcsPort: join.port)
        }
        return try await startHead(options)
    }

    // MARK: head

    static func startHead(_ options: StartOptions) async throws -> StartedCluster {
        let paths = options.paths
        try FileSystem.makeDirectory(paths.tempDir)
        try FileSystem.requirePrivateDirectory(paths.tempDir)
        if let restarted = try await restartGcsIfDead(options) { return restarted }
        try refuseIfRunning(paths)
        if options.port != 0 {
            let probe = await RpcClient.whoIs(host: options.nodeIP, port: options.port)
            if probe.listening {
                if let who = probe.reply {
                    throw RuntimeError.invalidArgument("Port \(options.port) on \(options.nodeIP) is already in use by the swiftray \(who.component) of session \(who.sessionName) (temp dir \(who.tempDir)). Stop it with `swiftray stop --temp-dir \(who.tempDir)` or choose another port with --port.")
                }
                throw RuntimeError.invalidArgument("Port \(options.port) on \(options.nodeIP) is already in use by another program. Choose another port with --port.")
            }
        }
        let token = try AuthToken.loadOrCreate(paths: paths, environment: options.environment)
        let sessionName = SessionPaths.sessionName(date: Date(), pid: getpid())
        let sessionDir = paths.sessionDir(sessionName)
        try FileSystem.makeDirectory(SessionPaths.logsDir(sessionDir))
        try FileSystem.makeDirectory(SessionPaths.databaseDir(sessionDir))
        let processes = SessionProcesses(sessionDir: sessionDir)
        var started: [Int32] = []
        // Point session_latest at the new session before anything is spawned, so a `start`
        // interrupted half-way still leaves its daemons reachable by `swiftray stop`.
        try? FileManager.default.removeItem(atPath: paths.latestLink)
        try? FileManager.default.createSymbolicLink(atPath: paths.latestLink, withDestinationPath: sessionDir)
        do {
            let gcsPort = try launchGcs(options, host: options.nodeIP, port: options.port, token: token,
                                        sessionDir: sessionDir, processes: processes) { started.append($0) }
            let gcsAddress = "\(options.nodeIP):\(gcsPort)"
            let (nodeID, rayletPid) = try await launchRaylet(options, gcsHost: options.nodeIP, gcsPort: gcsPort,
                                                            token: token, sessionDir: sessionDir, sessionName: sessionName,
                                                            isHead: true, processes: processes)
            started.append(rayletPid)
            try FileSystem.writeAtomically(path: paths.currentClusterFile, contents: gcsAddress + "\n")
            return StartedCluster(gcsAddress: gcsAddress, nodeIP: options.nodeIP, nodeID: nodeID,
                                  sessionDir: sessionDir, pids: started)
        } catch {
            _ = processes.stopAll(grace: .seconds(2), force: false)
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: paths.latestLink)) == sessionDir {
                try? FileManager.default.removeItem(atPath: paths.latestLink)
            }
            try? FileManager.default.removeItem(atPath: sessionDir)
            throw error
        }
    }

    /// Spawns the GCS daemon for `sessionDir` and waits until it listens; returns its port.
    /// `spawned` learns the pid as soon as the process exists (so a failure can stop it).
    static func launchGcs(_ options: StartOptions, host: String, port: Int, token: String, sessionDir: String,
                          processes: SessionProcesses, spawned: (Int32) -> Void) throws -> Int {
        var gcsArgs = ["gcs-server", "--port", String(port), "--node-ip-address", host,
                       "--session-dir", sessionDir, "--temp-dir", options.paths.tempDir]
        if let ms = options.healthCheckTimeoutMs { gcsArgs += ["--health-check-timeout-ms", String(ms)] }
        if let s = options.gcsReconnectWindowSeconds { gcsArgs += ["--gcs-reconnect-window", String(s)] }
        let gcs = try ProcessLauncher.spawn(executable: ProcessLauncher.currentExecutable(), arguments: gcsArgs,
                                            environment: daemonEnvironment(options.environment, token: token),
                                            logFile: SessionPaths.logsDir(sessionDir) + "/gcs_server.out")
        spawned(gcs.pid)
        try processes.record(pid: gcs.pid, role: "gcs", name: "gcs_server")
        let portText = try ProcessLauncher.waitUntilReady(gcs, name: "GCS server", timeout: .seconds(10))
        guard let gcsPort = Int(portText) else {
            throw RuntimeError.session("The GCS server reported an unreadable port '\(portText)'.")
        }
        return gcsPort
    }

    /// `start --head` on a session whose GCS died while its raylets still run: starts only the
    /// GCS again, on the same address, from the same database (it reloads every table and the
    /// raylets register again with what they hold). Returns nil when that is not the situation.
    static func restartGcsIfDead(_ options: StartOptions) async throws -> StartedCluster? {
        let paths = options.paths
        guard let sessionDir = try? FileManager.default.destinationOfSymbolicLink(atPath: paths.latestLink) else { return nil }
        let processes = SessionProcesses(sessionDir: sessionDir)
        let recorded = processes.all()
        guard let gcs = recorded.first(where: { $0.pid.role == "gcs" }), !gcs.pid.isRunning else { return nil }
        let raylets = recorded.filter { $0.pid.role == "raylet" && $0.pid.isRunning }
        guard !raylets.isEmpty,
              FileManager.default.fileExists(atPath: SessionPaths.databasePath(sessionDir)) else { return nil }
        let addressText = FileSystem.read(paths.currentClusterFile)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard let address = try? ClusterAddress.parse(addressText) else {
            throw RuntimeError.session("The GCS of session \((sessionDir as NSString).lastPathComponent) is dead and its raylets still run, but \(paths.currentClusterFile) does not hold its address ('\(addressText)'), so it cannot be restarted on it. Stop the session with `swiftray stop --temp-dir \(paths.tempDir)`.")
        }
        guard let token = AuthToken.find(paths: paths, environment: options.environment) else {
            throw RuntimeError.session("The GCS of session \((sessionDir as NSString).lastPathComponent) cannot be restarted: the cluster token file \(paths.tokenFile) is missing.")
        }
        let probe = await RpcClient.whoIs(host: address.host, port: address.port)
        if probe.listening {
            throw RuntimeError.invalidArgument("The GCS of session \((sessionDir as NSString).lastPathComponent) is dead, but its port \(address.port) on \(address.host) is now in use by another program, so it cannot be restarted there.")
        }
        unlink(gcs.path)
        var pid: Int32 = 0
        do {
            _ = try launchGcs(options, host: address.host, port: address.port, token: token, sessionDir: sessionDir,
                              processes: processes) { pid = $0 }
        } catch {
            if pid > 0 { _ = processes.stopAll(grace: .seconds(2), force: false, only: [pid]) }
            throw error
        }
        return StartedCluster(gcsAddress: address.text, nodeIP: address.host, nodeID: nil, sessionDir: sessionDir,
                              pids: [pid], restartedGcsRaylets: raylets.count)
    }

    /// A head start is refused when this temp dir already runs a cluster whose GCS answers.
    static func refuseIfRunning(_ paths: SessionPaths) throws {
        guard let latest = try? FileManager.default.destinationOfSymbolicLink(atPath: paths.latestLink) else { return }
        let running = SessionProcesses(sessionDir: latest).all().filter { $0.pid.isRunning }
        if let first = running.first(where: { $0.pid.role == "gcs" }) ?? running.first {
            let address = FileSystem.read(paths.currentClusterFile)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            throw RuntimeError.invalidArgument("A swiftray cluster is already running in temp dir \(paths.tempDir) (session \((latest as NSString).lastPathComponent), \(first.pid.name) pid \(first.pid.pid), GCS at \(address)). Stop it with `swiftray stop --temp-dir \(paths.tempDir)` or use another --temp-dir.")
        }
    }

    // MARK: worker

    static func startWorker(_ options: StartOptions, gcsHost: String, gcsPort: Int) async throws -> StartedCluster {
        let paths = options.paths
        try FileSystem.makeDirectory(paths.tempDir)
        try FileSystem.requirePrivateDirectory(paths.tempDir)
        guard let token = AuthToken.find(paths: paths, environment: options.environment) else {
            throw RuntimeError.invalidArgument("No cluster token found: set SWIFTRAY_AUTH_TOKEN to the head's token (`swiftray get-auth-token` on the head prints it), or start this node with the head's --temp-dir.")
        }
        let client: RpcClient
        do {
            client = try await RpcClient.connect(host: gcsHost, port: gcsPort, token: token, peerKind: "cli", timeout: .seconds(5))
        } catch let RuntimeError.unreachable(address, reason) {
            throw RuntimeError.unreachable(address: address, reason: "\(reason) Is a head node running there (`swiftray start --head`)?")
        }
        let sessionName = client.hello.sessionName
        await client.close()
        let sessionDir = paths.sessionDir(sessionName)
        if let latest = try? FileManager.default.destinationOfSymbolicLink(atPath: paths.latestLink), latest != sessionDir,
           SessionProcesses(sessionDir: latest).all().contains(where: { $0.pid.isRunning }) {
            throw RuntimeError.invalidArgument("Temp dir \(paths.tempDir) already runs processes of another swiftray session (\((latest as NSString).lastPathComponent)); `swiftray stop` would no longer reach them. Stop them first or use another --temp-dir.")
        }
        try FileSystem.makeDirectory(SessionPaths.logsDir(sessionDir))
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: paths.latestLink)) != sessionDir {
            try? FileManager.default.removeItem(atPath: paths.latestLink)
            try? FileManager.default.createSymbolicLink(atPath: paths.latestLink, withDestinationPath: sessionDir)
        }
        let processes = SessionProcesses(sessionDir: sessionDir)
        let (nodeID, pid) = try await launchRaylet(options, gcsHost: gcsHost, gcsPort: gcsPort, token: token,
                                                   sessionDir: sessionDir, sessionName: sessionName,
                                                   isHead: false, processes: processes)
        try FileSystem.writeAtomically(path: paths.currentClusterFile, contents: "\(gcsHost):\(gcsPort)\n")
        return StartedCluster(gcsAddress: "\(gcsHost):\(gcsPort)", nodeIP: options.nodeIP, nodeID: nodeID,
                              sessionDir: sessionDir, pids: [pid])
    }

    // MARK: raylet

    static func launchRaylet(_ options: StartOptions, gcsHost: String, gcsPort: Int, token: String,
                             sessionDir: String, sessionName: String, isHead: Bool,
                             processes: SessionProcesses) async throws -> (NodeID, Int32) {
        let index = processes.nextRayletIndex()
        let name = index == 0 ? "raylet" : "raylet.\(index)"
        let spec = options.resourceSpec()
        let total = spec.totalResources(nodeIP: options.nodeIP, isHead: isHead)
        var args = ["raylet", "--gcs-address", "\(gcsHost):\(gcsPort)", "--node-ip-address", options.nodeIP,
                    "--node-manager-port", String(options.nodeManagerPort), "--session-dir", sessionDir,
                    "--session-name", sessionName, "--temp-dir", options.paths.tempDir,
                    "--local-index", String(index), "--resources-fixed", encode(total)]
        if isHead { args.append("--head") }
        if let s = options.gcsReconnectWindowSeconds { args += ["--gcs-reconnect-window", String(s)] }
        let raylet = try ProcessLauncher.spawn(executable: ProcessLauncher.currentExecutable(), arguments: args,
                                               environment: daemonEnvironment(options.environment, token: token),
                                               logFile: SessionPaths.logsDir(sessionDir) + "/\(name).out")
        do {
            try processes.record(pid: raylet.pid, role: "raylet", name: name)
            let ready = try ProcessLauncher.waitUntilReady(raylet, name: "raylet", timeout: .seconds(15))
            let idText = ready.split(separator: " ").first.map(String.init) ?? ""
            return (try NodeID(hex: idText), raylet.pid)
        } catch {
            kill(raylet.pid, SIGKILL)
            unlink(SessionPaths.pidsDir(sessionDir) + "/\(name).pid")
            throw error
        }
    }

    /// Resources on the raylet's command line: `name=raw,name=raw` in fixed point (names are
    /// percent-encoded so any resource name survives).
    public static func encode(_ set: ResourceSet) -> String {
        set.names.map { "\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0)=\(set[$0].raw)" }
            .joined(separator: ",")
    }

    /// The inverse of `encode`.
    public static func decodeResources(_ text: String) throws -> ResourceSet {
        var raw: [String: Int64] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let name = String(parts[0]).removingPercentEncoding, let value = Int64(parts[1]) else {
                throw RuntimeError.invalidArgument("The resource list '\(text)' is malformed.")
            }
            guard raw[name] == nil else {
                throw RuntimeError.invalidArgument("The resource list '\(text)' names \(name) twice.")
            }
            raw[name] = value
        }
        return ResourceSet(raw: raw)
    }

    static func daemonEnvironment(_ base: [String: String], token: String) -> [String: String] {
        var env = base
        env[AuthToken.environmentKey] = token
        return env
    }
}

import ClusterState
import Foundation
import Runtime
import Testing

/// Hostile peers on every port (GCS, raylet, worker), the cluster token's secrecy, and a GCS
/// whose database is garbage, read-only or on a full disk. Every attack is refused with a
/// message and the connection closed, and the cluster keeps working afterwards.
@Suite("Hostile input", .serialized)
struct HostileInputTests {
    static let keeperScript = """
        import ray
        ray.init(namespace="hostile")

        @ray.remote
        class Keeper:
            def ping(self):
                return "pong"

        k = Keeper.options(name="keeper", lifetime="detached").remote()
        print(ray.get(k.ping.remote()))
        """

    static let taskScript = """
        import ray
        ray.init(namespace="hostile")

        @ray.remote
        def square(x):
            print("squaring", x)
            return x * x

        print("sum", sum(ray.get([square.remote(i) for i in range(4)])))
        print("keeper", ray.get(ray.get_actor("keeper").ping.remote()))
        """

    struct Attack: Sendable {
        let name: String
        let chunks: @Sendable (_ token: String) throws -> [[UInt8]]
        let expected: String
    }

    static let attacks: [Attack] = [
        Attack(name: "HTTP request", chunks: { _ in [Array("GET / HTTP/1.1\r\nHost: swiftray\r\n\r\n".utf8)] },
               expected: "exceeds the limit of 65536 bytes. The connection is closed."),
        Attack(name: "garbage body", chunks: { _ in [RawPeer.lengthPrefix(8) + [UInt8](repeating: 0xff, count: 8)] },
               expected: "is not a valid swiftray message (8 bytes). The connection is closed."),
        Attack(name: "1 GiB length prefix", chunks: { _ in [RawPeer.lengthPrefix(1 << 30), [UInt8](repeating: 7, count: 4096)] },
               expected: "A frame of 1073741824 bytes exceeds the limit of 65536 bytes."),
        Attack(name: "over 64 MiB after a good hello",
               chunks: { token in [try RawPeer.hello(token: token), RawPeer.lengthPrefix(64 << 20 + 1), [UInt8](repeating: 7, count: 4096)] },
               expected: "A frame of 67108865 bytes exceeds the limit of 67108864 bytes."),
        Attack(name: "hello with a wrong token", chunks: { _ in [try RawPeer.hello(token: String(repeating: "0", count: 64))] },
               expected: "refused the connection: the cluster token is wrong."),
        Attack(name: "hello with no token", chunks: { _ in [try RawPeer.hello(token: "")] },
               expected: "refused the connection: no cluster token was given."),
        Attack(name: "a call without hello", chunks: { _ in [try RawPeer.frame(method: "gcs.GetAllNodes", payload: Data())] },
               expected: "the connection has not completed the handshake."),
        Attack(name: "a core call without hello", chunks: { _ in [try RawPeer.frame(method: "core.PushTask", payload: Data([1, 2, 3]))] },
               expected: "the connection has not completed the handshake."),
    ]

    static let gcsMethods = [
        "gcs.AddJob", "gcs.AddTaskEvents", "gcs.CreateActor", "gcs.CreatePlacementGroup", "gcs.GetActor", "gcs.GetAllActors",
        "gcs.GetAllJobs", "gcs.GetAllNodes", "gcs.GetAllPlacementGroups", "gcs.GetAllTasks", "gcs.GetAllWorkers",
        "gcs.GetClusterStatus", "gcs.GetPlacementGroup", "gcs.KVDelete", "gcs.KVGet", "gcs.KVPut", "gcs.KillActor",
        "gcs.ListObjects", "gcs.MarkJobFinished", "gcs.RegisterActor", "gcs.RegisterNode", "gcs.RemovePlacementGroup",
        "gcs.ReportResources", "gcs.ReportWorker", "gcs.UnregisterNode", "gcs.WaitActor", "gcs.WaitPlacementGroupReady",
        "gcs.NoSuchMethod",
    ]
    static let rayletMethods = [
        "raylet.CancelBundles", "raylet.CancelWorkerLease", "raylet.CommitBundles", "raylet.FreeObjects", "raylet.KillWorker",
        "raylet.ListObjects", "raylet.NotifyBlocked", "raylet.NotifyUnblocked", "raylet.Ping", "raylet.PrepareBundles",
        "raylet.PullObject", "raylet.ReadObjectChunk", "raylet.RegisterWorker", "raylet.RequestWorkerLease",
        "raylet.ReturnWorker", "raylet.SealObject", "raylet.ShrinkLease", "raylet.NoSuchMethod",
    ]
    static let coreMethods = ["core.GetObject", "core.ListObjects", "core.PrintLines", "core.PushTask", "core.NoSuchMethod"]
    /// Calls that may legitimately wait (for an actor, a group, an object, a lease) before answering.
    static let waitingMethods: Set<String> = [
        "gcs.WaitActor", "gcs.WaitPlacementGroupReady", "core.GetObject", "core.PushTask", "raylet.RequestWorkerLease",
        "raylet.PullObject",
    ]

    @Test("garbage, huge frames, wrong tokens and calls before hello are refused on the GCS, raylet and worker ports")
    func hostilePeers() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            let token = try String(contentsOfFile: c.tempDir + "/auth_token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let keeper = try c.run(["run", try c.writeScript("keeper.py", Self.keeperScript)])
            try #require(keeper.status == 0, "\(keeper)")

            // The three kinds of port: the GCS's, the raylet's, and the actor's worker's.
            let gcsPort = try #require(c.gcsAddress.split(separator: ":").last.flatMap { Int($0) })
            let rayletPid = try #require(c.pids()["raylet"])
            let rayletPorts = RawPeer.listeningPorts(pid: rayletPid)
            let actors = try c.run(["list", "actors", "--format", "json"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(actors.stdout.utf8)) as? [[String: Any]])
            let workerPid = try #require(rows.first { $0["name"] as? String == "keeper" }?["pid"] as? Int)
            let workerPorts = RawPeer.listeningPorts(pid: Int32(workerPid))
            #expect(!rayletPorts.isEmpty && !workerPorts.isEmpty, "raylet \(rayletPorts), worker \(workerPorts)")
            let targets = [("gcs", gcsPort)] + rayletPorts.map { ("raylet", $0) } + workerPorts.map { ("worker", $0) }

            for (component, port) in targets {
                for attack in Self.attacks {
                    let answer = try RawPeer.exchange(port: port, try attack.chunks(token))
                    #expect(answer.closed, "\(component) port \(port), \(attack.name): the connection stayed open. \(answer)")
                    #expect(answer.errors.contains(attack.expected), "\(component) port \(port), \(attack.name): \(answer)")
                }
            }

            // Authenticated peers sending malformed requests to every method get answers (errors),
            // never a crashed daemon. Waiting calls may stay unanswered; the others must answer.
            let methods: [(String, Int, [String])] = [
                ("gcs", gcsPort, Self.gcsMethods), ("raylet", rayletPorts[0], Self.rayletMethods),
                ("worker", workerPorts[0], Self.coreMethods),
            ]
            for (component, port, names) in methods {
                var chunks = [try RawPeer.hello(token: token)]
                var id: UInt64 = 100
                var mustAnswer: Set<UInt64> = []
                for (n, name) in names.enumerated() {
                    for payload in RawPeer.malformedPayloads(seed: UInt64(n + 1)) {
                        id += 1
                        chunks.append(try RawPeer.frame(method: name, payload: payload, id: id))
                        if !Self.waitingMethods.contains(name) { mustAnswer.insert(id) }
                    }
                }
                let answer = try RawPeer.exchange(port: port, chunks, timeout: 10) { a in
                    mustAnswer.isSubset(of: Set(a.frames.map(\.id)))
                }
                let answered = Set(answer.frames.map(\.id))
                #expect(mustAnswer.isSubset(of: answered), "\(component): \(mustAnswer.subtracting(answered).count) malformed calls got no answer")
                #expect(answer.frames.first?.error == "", "\(component): the hello failed: \(answer)")
                // Most malformed calls are refused (an empty body is a valid request for some).
                let refused = answer.frames.filter { !$0.error.isEmpty }.count
                #expect(refused >= names.count * 3, "\(component): only \(refused) of \(mustAnswer.count) malformed calls were refused")
            }
            let pids = c.pids()
            for name in ["gcs_server", "raylet"] {
                #expect(pids[name].map(TestCluster.isAlive) == true, "\(name) died of malformed requests")
            }
            #expect(TestCluster.isAlive(Int32(workerPid)), "the actor's worker died of malformed requests")

            // The cluster noticed nothing: status, a run of tasks, and the actor all still work.
            let status = try c.run(["status"])
            #expect(status.status == 0, "\(status)")
            #expect(status.stdout.contains("1 node_"), "\(status)")
            let run = try c.run(["run", try c.writeScript("tasks.py", Self.taskScript)])
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("sum 14"), "\(run)")
            #expect(run.stdout.contains("keeper pong"), "\(run)")
            #expect(TestCluster.isAlive(Int32(workerPid)))
        }
    }

    @Test("the token file is private, get-auth-token prints it, no log holds it, and a wrong token fails clearly")
    func tokenSecrecy() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            let tokenPath = c.tempDir + "/auth_token"
            let attributes = try FileManager.default.attributesOfItem(atPath: tokenPath)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let token = try String(contentsOfFile: tokenPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(token.count == 64 && token.allSatisfy(\.isHexDigit), "\(token)")

            let printed = try c.run(["get-auth-token"])
            #expect(printed.status == 0)
            #expect(printed.stdout == token + "\n")

            // Tasks, actors, printed output and a traceback: everything that writes logs.
            let script = Self.keeperScript + "\n" + Self.taskScript.replacingOccurrences(of: "import ray\nray.init(namespace=\"hostile\")\n", with: "")
                + "\nraise RuntimeError('the end')\n"
            let run = try c.run(["run", try c.writeScript("everything.py", script)])
            #expect(run.status == 1, "\(run)")
            #expect(run.stdout.contains("sum 14"), "\(run)")
            #expect(!run.stdout.contains(token) && !run.stderr.contains(token))
            let session = c.tempDir + "/session_latest/"
            let logs = (FileManager.default.subpaths(atPath: session + "logs") ?? []).map { session + "logs/" + $0 }
            #expect(logs.contains { $0.contains("/worker-") }, "no worker logs in \(logs)")
            for path in logs {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                #expect(data.range(of: Data(token.utf8)) == nil, "the token is in \(path)")
            }

            let wrong = ["SWIFTRAY_AUTH_TOKEN": String(repeating: "0", count: 64)]
            for args in [["status"], ["list", "nodes"], ["run", try c.writeScript("tiny.py", "import ray\nray.init()\nprint('connected')\n")]] {
                let r = try c.run(args, environment: wrong)
                #expect(r.status != 0, "\(args): \(r)")
                #expect(r.stderr.contains("refused the connection: the cluster token is wrong."), "\(args): \(r)")
                #expect(!r.stdout.contains("connected"))
                #expect(!r.stderr.contains("Fatal error"), "\(r)")
            }
            #expect(try c.run(["status"]).status == 0)
        }
    }

    // MARK: bad database and disk

    // A GCS launched by hand (no readiness pipe) must leave fd 3 alone: these run it that way.

    /// Starts `swiftray gcs-server` on `sessionDir` in the background; returns its pid.
    static func startGcs(_ c: TestCluster, sessionDir: String, port: Int, token: String) throws -> Int32 {
        let log = c.tempDir + "/gcs-\(port).log"
        let pidFile = c.tempDir + "/gcs-\(port).pid"
        let command = "\(c.binary) gcs-server --port \(port) --node-ip-address 127.0.0.1 --session-dir \(sessionDir) --temp-dir \(c.tempDir) > \(log) 2>&1 & echo $! > \(pidFile)"
        let r = try c.execute("/bin/sh", ["-c", command], environment: ["SWIFTRAY_AUTH_TOKEN": token, "PATH": "/usr/bin:/bin"])
        guard r.status == 0, let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw POSIXError(.ECHILD) }
        return pid
    }

    /// Runs `swiftray gcs-server` on `sessionDir` to completion (it is expected to fail).
    static func runGcs(_ c: TestCluster, sessionDir: String, token: String) throws -> TestCluster.Outcome {
        try c.execute("/bin/sh", ["-c", "exec \"$0\" \"$@\"", c.binary, "gcs-server", "--port", "0",
                                  "--node-ip-address", "127.0.0.1", "--session-dir", sessionDir, "--temp-dir", c.tempDir],
                      environment: ["SWIFTRAY_AUTH_TOKEN": token, "PATH": "/usr/bin:/bin"], timeout: 20)
    }

    /// Mounts a tmpfs of `size` at `path`; nil (with the reason printed) when mounting is not
    /// permitted here, e.g. in a container without CAP_SYS_ADMIN.
    static func mountTmpfs(_ c: TestCluster, at path: String, size: String) throws -> Bool {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let r = try c.execute("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path], environment: ["PATH": "/usr/bin:/bin"])
        if r.status != 0 {
            print("HostileInputTests: cannot mount a tmpfs here, so this test checks nothing: \(r.stderr)")
            return false
        }
        return true
    }

    static func unmount(_ c: TestCluster, _ path: String) {
        _ = try? c.execute("/bin/umount", [path], environment: ["PATH": "/usr/bin:/bin"])
    }

    static let token = String(repeating: "5a", count: 32)

    @Test("a database file of random bytes stops the GCS with a message naming the file")
    func garbageDatabase() throws {
        try withCluster { c in
            let session = c.tempDir + "/session_garbage"
            try FileManager.default.createDirectory(atPath: session + "/gcs", withIntermediateDirectories: true)
            // Deterministic noise: the same bytes every run.
            var state: UInt64 = 0x5eed
            let noise = (0..<50_000).map { _ -> UInt8 in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return UInt8(truncatingIfNeeded: state >> 33)
            }
            let db = session + "/gcs/gcs.sqlite"
            try Data(noise).write(to: URL(fileURLWithPath: db))
            let r = try Self.runGcs(c, sessionDir: session, token: Self.token)
            #expect(r.status != 0, "\(r)")
            let output = r.stdout + r.stderr
            #expect(output.contains("Cannot open the GCS database at \(db): file is not a database."), "\(r)")
            #expect(!output.contains("Fatal error"), "\(r)")
            // The garbage is left as it was: nothing overwrote the user's file.
            #expect(FileManager.default.contents(atPath: db) == Data(noise))
        }
    }

    @Test("a database on a read-only mount stops the GCS with a message naming the path and the mount")
    func readOnlyDatabase() throws {
        try withCluster { c in
            let session = c.tempDir + "/session_ro"
            let gcsDir = session + "/gcs"
            guard try Self.mountTmpfs(c, at: gcsDir, size: "1m") else { return }
            defer { Self.unmount(c, gcsDir) }
            let remount = try c.execute("/bin/mount", ["-o", "remount,ro", gcsDir], environment: ["PATH": "/usr/bin:/bin"])
            try #require(remount.status == 0, "\(remount)")
            let r = try Self.runGcs(c, sessionDir: session, token: Self.token)
            #expect(r.status != 0, "\(r)")
            let output = r.stdout + r.stderr
            #expect(output.contains("Cannot open the GCS database at \(gcsDir)/gcs.sqlite"), "\(r)")
            #expect(output.contains("The file system holding \(gcsDir) is mounted read-only."), "\(r)")
            #expect(!output.contains("Fatal error"), "\(r)")
        }
    }

    @Test("on a full disk KV puts and new jobs are refused with a clear error and the GCS keeps answering")
    func fullDisk() async throws {
        let c = TestCluster()
        defer { c.destroy() }
        let session = c.tempDir + "/session_full"
        let gcsDir = session + "/gcs"
        guard try Self.mountTmpfs(c, at: gcsDir, size: "256k") else { return }
        defer { Self.unmount(c, gcsDir) }
        let port = TestPorts.unusedPort()
        let pid = try Self.startGcs(c, sessionDir: session, port: port, token: Self.token)
        defer {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            for _ in 0..<50 where TestCluster.isAlive(pid) { usleep(100_000) }
            _ = waitpid(pid, &status, WNOHANG)
        }
        var client: RpcClient?
        for _ in 0..<100 where client == nil {
            client = try? await RpcClient.connect(host: "127.0.0.1", port: port, token: Self.token, peerKind: "cli", timeout: .seconds(1))
            if client == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let gcs = try #require(client, "the GCS did not come up: \((try? String(contentsOfFile: c.tempDir + "/gcs-\(port).log", encoding: .utf8)) ?? "")")

        func put(_ key: String, bytes: Int) async -> Result<Swiftray_KVPutReply, any Error> {
            var request = Swiftray_KVPutRequest()
            request.namespace = "fill"
            request.key = Data(key.utf8)
            request.value = Data(repeating: 0x61, count: bytes)
            request.overwrite = true
            do { return .success(try await gcs.call("gcs.KVPut", request, timeout: .seconds(10))) } catch { return .failure(error) }
        }
        // A small key first, to read back later.
        guard case .success = await put("first", bytes: 10) else {
            Issue.record("the first small put failed")
            return
        }
        // Fill the file system to the last byte with another file.
        let filler = gcsDir + "/filler"
        let fd = open(filler, O_WRONLY | O_CREAT, 0o600)
        try #require(fd >= 0)
        let chunk = [UInt8](repeating: 0x7a, count: 4096)
        var written = 0
        while true {
            let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            written += n
        }
        close(fd)
        #expect(written > 0)

        // A KV put and a job registration that need new space are refused, naming the cause.
        let refusedPut = await put("big", bytes: 512 << 10)
        guard case .failure(let error) = refusedPut else {
            Issue.record("a 512 KiB put succeeded on a full disk")
            return
        }
        #expect("\(error)".contains("The GCS database could not"), "\(error)")
        #expect("\(error)".contains("database or disk is full"), "\(error)")
        #expect("\(error)".contains("The file system holding \(gcsDir) is full."), "\(error)")
        var job = Swiftray_AddJobRequest()
        job.namespace = "full"
        job.entrypoint = "swiftray run " + String(repeating: "x", count: 512 << 10)
        job.driverPid = 1
        job.driverIp = "127.0.0.1"
        do {
            let _: Swiftray_AddJobReply = try await gcs.call("gcs.AddJob", job, timeout: .seconds(10))
            Issue.record("a job was registered on a full disk")
        } catch {
            #expect("\(error)".contains("The GCS database could not add a job: database or disk is full."), "\(error)")
        }

        // The GCS still answers reads, on this connection and on a new one.
        var get = Swiftray_KVGetRequest()
        get.namespace = "fill"
        get.key = Data("first".utf8)
        let got: Swiftray_KVGetReply = try await gcs.call("gcs.KVGet", get, timeout: .seconds(10))
        #expect(got.found && got.value.count == 10)
        get.key = Data("big".utf8)
        let refused: Swiftray_KVGetReply = try await gcs.call("gcs.KVGet", get, timeout: .seconds(10))
        #expect(!refused.found, "a put the database refused is answered from memory")
        let fresh = try await RpcClient.connect(host: "127.0.0.1", port: port, token: Self.token, peerKind: "cli", timeout: .seconds(5))
        let nodes: Swiftray_GetAllNodesReply = try await fresh.call("gcs.GetAllNodes", Swiftray_Empty(), timeout: .seconds(10))
        #expect(nodes.nodes.isEmpty)
        let jobs: Swiftray_GetAllJobsReply = try await fresh.call("gcs.GetAllJobs", Swiftray_Empty(), timeout: .seconds(10))
        #expect(jobs.jobs.isEmpty, "the refused job was listed")
        #expect(TestCluster.isAlive(pid))

        // Space freed, writes work again.
        try FileManager.default.removeItem(atPath: filler)
        guard case .success = await put("after", bytes: 10) else {
            Issue.record("a put still failed after space was freed")
            return
        }
        await fresh.close()
        await gcs.close()
    }
}

import ClusterState
import Foundation
import Runtime
import Testing

/// The head's GCS is killed with SIGKILL and restarted on the same session while raylets,
/// workers, actors and a driver keep running: nothing it acknowledged is lost or duplicated.
@Suite("GCS restart", .serialized)
struct GcsRestartTests {
    /// The driver creates and removes named placement groups (keeping at most eight of 0.25 CPU,
    /// so its 1-CPU tasks always fit), runs tasks and calls an actor for `seconds`, printing each
    /// acknowledged change; then it prints DONE and idles (its job and groups stay) until the
    /// test ends it.
    static func driver(seconds: Int) -> String {
        """
        import ray, time
        from ray.util.placement_group import placement_group, remove_placement_group
        ray.init()

        @ray.remote
        class Counter:
            def __init__(self):
                self.n = 0
            def inc(self):
                self.n += 1
                return self.n

        @ray.remote
        def square(x):
            return x * x

        counter = Counter.remote()
        end = time.time() + \(seconds)
        i = 0
        last = 0
        while time.time() < end:
            pg = placement_group([{"CPU": 0.25}], strategy="PACK", name="g%d" % i)
            print("ACK create", pg.id, "g%d" % i, flush=True)
            ray.get(pg.ready(), timeout=120)
            if i % 4 != 0 or i >= 32:
                remove_placement_group(pg)
                print("ACK remove", pg.id, flush=True)
            assert ray.get(square.remote(i)) == i * i
            n = ray.get(counter.inc.remote())
            assert n == last + 1, (n, last)
            last = n
            i += 1
        print("DONE", i, last, flush=True)
        time.sleep(600)
        """
    }

    /// What the driver's output says it was told: created (id → name) and removed ids.
    struct Acks {
        var created: [String: String] = [:]
        var removed: Set<String> = []
        var done = false

        init(_ text: String) {
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ").map(String.init)
                if parts.count == 4, parts[0] == "ACK", parts[1] == "create" { created[parts[2]] = parts[3] }
                if parts.count == 3, parts[0] == "ACK", parts[1] == "remove" { removed.insert(parts[2]) }
                if parts.first == "DONE" { done = true }
            }
        }
    }

    @Test("SIGKILL the GCS at random points under load: after each restart nothing acknowledged is lost or duplicated, and no node is over-reserved")
    func killAndRestartUnderLoad() async throws {
        let cluster = TestCluster()
        var driverPid: Int32 = 0
        defer {
            if driverPid > 0 { kill(driverPid, SIGKILL) }
            cluster.destroy()
        }
        try #require(try cluster.startHead(["--num-cpus", "4"]).status == 0)
        try #require(try cluster.addWorker(["--num-cpus", "4"]).status == 0)
        let script = try cluster.writeScript("restart_load.py", Self.driver(seconds: 14))
        driverPid = try cluster.runInBackground(script)
        let output = script + ".out"
        let readAcks = { Acks((try? String(contentsOfFile: output, encoding: .utf8)) ?? "") }
        try #require(cluster.eventually(within: 30) { readAcks().created.count >= 2 }, "the driver never got going")

        var seed = UInt64(Date().timeIntervalSince1970 * 1000)
        print("GCS restart test seed: \(seed)")
        func random(_ range: ClosedRange<Int>) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return range.lowerBound + Int((seed >> 33) % UInt64(range.count))
        }
        var restartTimes: [Double] = []
        for round in 1...5 {
            usleep(useconds_t(random(300...1500)) * 1000)
            let gcsPid = try #require(cluster.pids()["gcs_server"])
            let before = readAcks()
            kill(gcsPid, SIGKILL)
            #expect(cluster.eventually(within: 5) { !TestCluster.isAlive(gcsPid) })
            usleep(useconds_t(random(0...800)) * 1000)
            let down = try cluster.run(["status"])
            #expect(down.status != 0 && down.stderr.contains("is not running, while 2 raylet(s) of it still run"), "round \(round): \(down)")
            let restart = try cluster.run(["start", "--head", "--node-ip-address", "127.0.0.1"])
            try #require(restart.status == 0, "round \(round): \(restart)")
            #expect(restart.stdout.contains("Restarted the GCS of session"))
            restartTimes.append(try Self.recoverySeconds(cluster, occurrence: round))
            // Every change acknowledged before the kill is there, once.
            let gcs = try await GcsClient.connect(explicitAddress: cluster.gcsAddress, paths: SessionPaths(tempDir: cluster.tempDir),
                                                  peerKind: "cli")
            let groups = try await gcs.allPlacementGroups()
            let nodes = try await gcs.clusterStatus().nodes
            await gcs.close()
            Self.expectAcknowledged(before, in: groups, round: round)
            Self.expectNotOverReserved(nodes, round: round)
        }
        #expect(cluster.eventually(within: 90) { readAcks().done }, "the driver did not finish its loop after the restarts")
        let acks = readAcks()
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        #expect(!text.contains("Traceback"), "driver output:\n\(text)")
        // Quiet now: reservations must match the CREATED groups exactly.
        try await Task.sleep(for: .seconds(1))
        let gcs = try await GcsClient.connect(explicitAddress: cluster.gcsAddress, paths: SessionPaths(tempDir: cluster.tempDir),
                                              peerKind: "cli")
        let groups = try await gcs.allPlacementGroups()
        let nodes = try await gcs.clusterStatus().nodes
        let jobs = try await gcs.allJobs()
        await gcs.close()
        Self.expectAcknowledged(acks, in: groups, round: 0)
        Self.expectNotOverReserved(nodes, round: 0)
        Self.expectReservationsMatch(groups, nodes)
        #expect(jobs.count == 1 && jobs.first?.status == .running, "the driver's job must survive the restarts: \(jobs)")
        print("GCS restart to every raylet registered again (s): \(restartTimes.map { String(format: "%.3f", $0) })")
    }

    @Test("while the GCS is down an actor's worker dies and a driver is killed: after the restart the actor restarts, and the driver's job fails after the reconnect window with its groups removed and actors dead")
    func changesWhileDown() async throws {
        let cluster = TestCluster()
        var pids: [Int32] = []
        defer {
            for pid in pids { kill(pid, SIGKILL) }
            cluster.destroy()
        }
        try #require(try cluster.startHead(["--num-cpus", "4"]).status == 0)
        let survivor = try cluster.writeScript("survivor.py", """
            import ray, os, time
            ray.init()

            @ray.remote(max_restarts=1, max_task_retries=-1)
            class Pid:
                def pid(self):
                    return os.getpid()

            a = Pid.remote()
            print("PID", ray.get(a.pid.remote()), flush=True)
            while True:
                time.sleep(0.2)
                try:
                    p = ray.get(a.pid.remote(), timeout=30)
                    print("NOW", p, flush=True)
                except Exception as e:
                    print("ERR", type(e).__name__, e, flush=True)
            """)
        let doomed = try cluster.writeScript("doomed.py", """
            import ray, time
            from ray.util.placement_group import placement_group
            ray.init()

            @ray.remote
            class Idle:
                def ping(self):
                    return 1

            pg = placement_group([{"CPU": 1}], name="doomed")
            ray.get(pg.ready())
            a = Idle.remote()
            ray.get(a.ping.remote())
            print("READY", flush=True)
            time.sleep(600)
            """)
        pids.append(try cluster.runInBackground(survivor))
        let doomedPid = try cluster.runInBackground(doomed)
        pids.append(doomedPid)
        let read = { (path: String) in (try? String(contentsOfFile: path + ".out", encoding: .utf8)) ?? "" }
        try #require(cluster.eventually(within: 30) { read(survivor).contains("NOW") && read(doomed).contains("READY") },
                     "drivers did not start: \(read(survivor)) \(read(doomed))")
        let firstPid = try #require(read(survivor).split(separator: "\n").first { $0.hasPrefix("PID ") }
            .flatMap { Int32($0.dropFirst(4)) })

        let gcsPid = try #require(cluster.pids()["gcs_server"])
        kill(gcsPid, SIGKILL)
        #expect(cluster.eventually(within: 5) { !TestCluster.isAlive(gcsPid) })
        kill(firstPid, SIGKILL)     // the actor's worker dies while nobody can tell the GCS
        kill(doomedPid, SIGKILL)    // and so does a driver
        usleep(500_000)
        let restart = try cluster.run(["start", "--head", "--node-ip-address", "127.0.0.1", "--gcs-reconnect-window", "3"])
        try #require(restart.status == 0, "\(restart)")

        // The survivor's actor restarts in a new process and answers again.
        #expect(cluster.eventually(within: 30) {
            read(survivor).split(separator: "\n").contains { $0.hasPrefix("NOW ") && $0 != "NOW \(firstPid)" }
        }, "the actor did not come back: \(read(survivor))")
        let actors = try cluster.run(["list", "actors", "--format", "json", "--filter", "class_name=Pid"])
        #expect(actors.stdout.contains("\"ALIVE\"") && !actors.stdout.contains("\"pid\": \(firstPid),"), "\(actors)")
        // The killed driver's job fails once the window has passed; its group and actor go.
        #expect(cluster.eventually(within: 15) {
            (try? cluster.run(["list", "jobs", "--format", "json"]).stdout.contains("did not reconnect within 3")) ?? false
        })
        #expect(cluster.eventually(within: 10) {
            let groups = (try? cluster.run(["list", "placement-groups", "--format", "json"]).stdout) ?? ""
            let actors = (try? cluster.run(["list", "actors", "--format", "json", "--filter", "class_name=Idle"]).stdout) ?? ""
            return groups.contains("\"REMOVED\"") && actors.contains("\"DEAD\"")
        })
        let jobs = try cluster.run(["list", "jobs", "--format", "json"]).stdout
        #expect(jobs.contains("\"RUNNING\""), "the survivor's job must keep running: \(jobs)")
        #expect(!read(survivor).contains("ERR"), "\(read(survivor))")
    }

    /// Every acknowledged creation exists exactly once under its name; acknowledged removals
    /// are REMOVED, the others are not.
    static func expectAcknowledged(_ acks: Acks, in groups: [PlacementGroupInfo], round: Int) {
        let byID = Dictionary(grouping: groups, by: \.id.hex)
        for (id, name) in acks.created {
            let found = byID[id] ?? []
            #expect(found.count == 1, "round \(round): acknowledged group \(id) (\(name)) is missing or duplicated")
            #expect(groups.filter { $0.name == name }.count == 1, "round \(round): name \(name) appears \(groups.filter { $0.name == name }.count) times")
            if acks.removed.contains(id) {
                #expect(found.first?.state == .removed, "round \(round): removed group \(id) is \(String(describing: found.first?.state))")
            }
        }
    }

    /// 0 ≤ available ≤ total for every resource of every alive node.
    static func expectNotOverReserved(_ nodes: [NodeInfo], round: Int) {
        for node in nodes where node.state == .alive {
            for name in node.resourcesTotal.names {
                let available = node.resourcesAvailable[name], total = node.resourcesTotal[name]
                #expect(available >= .zero && available <= total,
                        "round \(round): node \(node.nodeID) \(name) available \(available) of \(total)")
            }
        }
    }

    /// Each node's CPU held by bundles equals the CREATED groups' bundles placed there, and its
    /// formatted `CPU_group_<id>` resources name exactly those groups.
    static func expectReservationsMatch(_ groups: [PlacementGroupInfo], _ nodes: [NodeInfo]) {
        for node in nodes where node.state == .alive {
            var expected: [String: Double] = [:]
            for group in groups where group.state == .created {
                for bundle in group.bundles where bundle.nodeID == node.nodeID {
                    expected[group.id.hex, default: 0] += bundle.resources.set["CPU"].doubleValue
                }
            }
            var actual: [String: Double] = [:]
            for name in node.resourcesTotal.names where name.hasPrefix("CPU_group_") {
                let rest = name.dropFirst("CPU_group_".count)
                guard !rest.contains("_") else { continue }  // per-bundle names; the wildcard sums them
                actual[String(rest)] = node.resourcesTotal[name].doubleValue
            }
            #expect(actual == expected, "node \(node.nodeID): formatted reservations \(actual) != CREATED bundles \(expected)")
            let reserved = expected.values.reduce(0, +)
            let base = node.resourcesTotal["CPU"].doubleValue - node.resourcesAvailable["CPU"].doubleValue
            #expect(abs(base - reserved) < 0.001, "node \(node.nodeID): \(base) CPU held, CREATED bundles need \(reserved)")
        }
    }

    /// Seconds from the restarted GCS's start to its `occurrence`-th "Recovery complete" log line.
    static func recoverySeconds(_ cluster: TestCluster, occurrence: Int) throws -> Double {
        let log = cluster.tempDir + "/session_latest/logs/gcs_server.out"
        var seconds = -1.0
        _ = cluster.eventually(within: 10) {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let lines = text.split(separator: "\n").filter { $0.contains("Recovery complete") }
            guard lines.count >= occurrence else { return false }
            let line = lines[occurrence - 1]
            guard let range = line.range(of: "declared dead ") else { return false }
            seconds = Double(line[range.upperBound...].split(separator: " ").first ?? "") ?? -1
            return true
        }
        #expect(seconds >= 0, "the restarted GCS never logged its recovery")
        return seconds
    }
}

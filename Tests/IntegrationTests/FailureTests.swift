import Foundation
import Runtime
import Testing

/// Node, worker and driver deaths on real multi-node clusters (one machine, several raylets):
/// what dies with them, what is rescheduled or retried elsewhere, and how `list` and `status`
/// show how things ended.
@Suite("Failures", .serialized)
struct FailureTests {
    static let nodeDiedMessage = "Unexpected termination: health check failed due to missing too many heartbeats"

    /// The node ids a group's bundles are on (empty strings for unplaced bundles).
    static func bundleNodes(_ group: TestCluster.Row?) -> [String] {
        ((group?["bundles"] as? [TestCluster.Row]) ?? []).map { ($0["node_id"] as? String) ?? "" }
    }

    @Test("a raylet killed with SIGKILL: DEAD within 3 s with its reason, its bundle re-placed, its actors restarted or NODE_DIED, its running task retried")
    func rayletKilled() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "1"]).status == 0)
            // Only the victim has `slot` at first, so everything that needs it lands there.
            try #require(try c.addWorker(["--num-cpus", "4", "--resources", "{\"slot\": 4}"]).status == 0)
            let victim = try #require(c.nodeID(ofRaylet: "raylet.1"))
            let head = try #require(c.nodeID(ofRaylet: "raylet"))
            // A STRICT_SPREAD group: bundle 0 on the head, bundle 1 (needing `slot`) on the victim.
            let script = try c.writeScript("node.py", """
                import ray, time
                from ray.util.placement_group import placement_group
                ray.init()
                victim = [n["NodeID"] for n in ray.nodes() if "slot" in n["Resources"]][0]
                pg = placement_group([{"CPU": 1}, {"CPU": 1, "slot": 1}], strategy="STRICT_SPREAD")
                ray.get(pg.ready(), timeout=20)
                @ray.remote(resources={"slot": 1})
                class Where:
                    def node(self):
                        return ray.get_runtime_context().get_node_id()
                mobile = Where.options(name="mobile", max_restarts=1).remote()
                fixed = Where.options(name="fixed", max_restarts=0).remote()
                print("placed", ray.get(mobile.node.remote()) == victim, ray.get(fixed.node.remote()) == victim, flush=True)
                @ray.remote(max_retries=1, resources={"slot": 1})
                def long(victim):
                    here = ray.get_runtime_context().get_node_id()
                    print("running", flush=True)
                    if here == victim:
                        time.sleep(60)
                    return here
                ref = long.remote(victim)
                print("returned", ray.get(ref, timeout=60), flush=True)
                print("answered", ray.get(mobile.node.remote(), timeout=30), flush=True)
                time.sleep(60)
                """)
            let driver = try c.runInBackground(script)
            defer { kill(driver, SIGKILL) }
            let placed = c.line(of: script, startingWith: "placed ")
            try #require(placed == "True True", "\(c.output(of: script))")
            #expect(Self.bundleNodes(c.groupRows().first) == [head, victim], "\(c.groupRows())")
            // The task runs on the victim: its worker's pid is in the prefix of what it printed.
            let running = c.line(of: script, startingWith: "(long pid=")
            let taskPid = try #require(running.flatMap { Int32($0.prefix { $0.isNumber }) }, "\(c.output(of: script))")
            // Its RUNNING event (sent in 100 ms batches by the worker) has reached the GCS.
            #expect(c.eventually(within: 5) {
                c.taskRows().contains { $0["name"] as? String == "long" && $0["worker_pid"] as? Int == Int(taskPid) }
            })
            let rayletPid = try #require(c.pids()["raylet.1"])
            kill(rayletPid, SIGKILL)
            let killedAt = Date()

            // DEAD within 3 s, with Ray's reason, in `list nodes` and under `Recent failures:`.
            let dead = c.eventually(within: 3) { c.node(victim)?["state"] as? String == "DEAD" }
            let detection = Date().timeIntervalSince(killedAt)
            #expect(dead && detection < 3, "node not DEAD after \(detection) s")
            print("raylet SIGKILL to DEAD: \(String(format: "%.2f", detection)) s")
            let row = c.node(victim)
            #expect(row?["state_message"] as? String == Self.nodeDiedMessage, "\(String(describing: row))")
            let status = try c.run(["status"]).stdout
            #expect(status.contains("Recent failures:\n node_\(victim): NodeTerminated (ip: 127.0.0.1)\n"), "\(status)")
            #expect(!status.contains(" 1 node_\(victim)\n"), "\(status)")

            // No node has `slot` now: the group waits RESCHEDULING with its lost bundle unplaced, the
            // restartable actor waits RESTARTING, the other is DEAD with NODE_DIED, and the
            // task's worker died with its node.
            let waiting = c.eventually(within: 5) {
                c.groupRows().first?["state"] as? String == "RESCHEDULING"
                    && c.actor(named: "mobile")?["state"] as? String == "RESTARTING"
                    && c.actor(named: "fixed")?["state"] as? String == "DEAD"
            }
            let groups = c.groupRows()
            #expect(waiting, "\(groups) \(c.actorRows())")
            #expect(Self.bundleNodes(groups.first) == [head, ""], "\(groups)")
            let fixed = TestCluster.deathContext(c.actor(named: "fixed"))
            #expect(fixed?["reason"] as? String == "NODE_DIED", "\(String(describing: fixed))")
            #expect(fixed?["error_message"] as? String == "The actor died because its node has died. Node Id: \(victim)",
                    "\(String(describing: fixed))")
            #expect(c.eventually(within: 5) { !TestCluster.isAlive(taskPid) }, "the task's worker outlived its raylet")

            // A third node with room: the lost bundle (only it), the actor and the task go there.
            try #require(try c.addWorker(["--num-cpus", "4", "--resources", "{\"slot\": 4}"]).status == 0)
            let spare = try #require(c.nodeID(ofRaylet: "raylet.2"))
            let recreated = c.eventually(within: 10) {
                let g = c.groupRows().first
                return g?["state"] as? String == "CREATED" && Self.bundleNodes(g) == [head, spare]
            }
            #expect(recreated, "\(c.groupRows())")
            let restarted = c.eventually(within: 10) {
                let a = c.actor(named: "mobile")
                return a?["state"] as? String == "ALIVE" && a?["node_id"] as? String == spare
            }
            #expect(restarted, "\(c.actorRows())")
            let returned = c.line(of: script, startingWith: "returned ", within: 20)
            #expect(returned == spare, "\(c.output(of: script))")
            let answered = c.line(of: script, startingWith: "answered ", within: 20)
            #expect(answered == spare, "\(c.output(of: script))")
            // The task's two attempts: the first FAILED on the dead node, the retry FINISHED on the spare.
            let attempts = c.attempts(of: "long", settlingTo: ["FAILED", "FINISHED"])
            #expect(attempts.map { $0["attempt_number"] as? Int } == [0, 1], "\(attempts)")
            #expect(attempts.map { $0["state"] as? String } == ["FAILED", "FINISHED"], "\(attempts)")
            #expect(attempts.map { $0["node_id"] as? String } == [victim, spare], "\(attempts)")
            #expect(attempts.first?["worker_pid"] as? Int == Int(taskPid), "\(attempts)")
        }
    }

    @Test("node death to bundles re-placed, measured three times (default 2 s health-check timeout)")
    func bundleRecoveryTime() throws {
        try withCluster { c in
            // The default health-check timeout (the later flag wins over startHead's 1500 ms).
            try #require(try c.startHead(["--num-cpus", "1", "--health-check-timeout-ms", "2000"]).status == 0)
            try #require(try c.addWorker(["--num-cpus", "1", "--resources", "{\"slot\": 1}"]).status == 0)
            let created = try c.run(["run", try c.writeScript("group.py", """
                import ray
                from ray.util.placement_group import placement_group, placement_group_table
                ray.init()
                pg = placement_group([{"CPU": 1, "slot": 1}], lifetime="detached")
                print(pg.wait(20), list(placement_group_table(pg)["bundles_to_node_id"].values()))
                """)])
            var holder = try #require(c.nodeID(ofRaylet: "raylet.1"))
            #expect(created.stdout == "True ['\(holder)']\n", "\(created)")
            var figures: [Double] = []
            for round in 1...3 {
                // A node with room joins; then the node holding the bundle is killed.
                try #require(try c.addWorker(["--num-cpus", "1", "--resources", "{\"slot\": 1}"]).status == 0)
                let spare = try #require(c.nodeID(ofRaylet: "raylet.\(round + 1)"))
                let pid = try #require(c.pids()["raylet.\(round)"])
                kill(pid, SIGKILL)
                let killedAt = Date().timeIntervalSince1970
                var group: TestCluster.Row?
                let moved = c.eventually(within: 10) {
                    group = c.groupRows().first
                    return group?["state"] as? String == "CREATED" && Self.bundleNodes(group) == [spare]
                }
                try #require(moved, "\(c.groupRows())")
                // The GCS's own stamps: the rescheduling attempt's start (right after the death was
                // detected) and its latency to CREATED.
                let stats = group?["stats"] as? TestCluster.Row
                let startedNs = try #require((stats?["scheduling_started_time_ns"] as? String).flatMap { Double($0) })
                let latencyUs = try #require((stats?["scheduling_latency_us"] as? String).flatMap { Double($0) })
                #expect(stats?["scheduling_attempt"] as? Int == round + 1, "\(String(describing: stats))")
                let detected = startedNs / 1e9 - killedAt
                let figure = detected + latencyUs / 1e6
                figures.append(figure)
                print("round \(round): SIGKILL of the holding raylet to RESCHEDULING \(String(format: "%.3f", detected)) s, to CREATED again \(String(format: "%.3f", figure)) s")
                #expect(figure > 0 && figure < 3, "node death to bundles re-placed took \(figure) s")
                #expect(c.node(holder)?["state"] as? String == "DEAD")
                holder = spare
            }
            print("node death to bundles re-placed: \(figures.map { String(format: "%.2f", $0) }.joined(separator: ", ")) s")
        }
    }

    @Test("a task's worker killed mid-task is retried (attempt 2); an actor's worker killed restarts the actor")
    func workerKilled() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            let script = try c.writeScript("worker.py", """
                import ray, os, time
                ray.init(namespace="failures")
                @ray.remote(max_retries=1)
                def victim():
                    print("started", flush=True)
                    time.sleep(3)
                    return os.getpid()
                print("result", ray.get(victim.remote(), timeout=60), flush=True)
                @ray.remote(max_restarts=1)
                class Counter:
                    def __init__(self):
                        self.n = 0
                    def pid(self):
                        return os.getpid()
                    def inc(self):
                        self.n += 1
                        return self.n
                @ray.remote
                class Flag:
                    def __init__(self):
                        self.up = False
                    def set(self):
                        self.up = True
                    def get(self):
                        return self.up
                flag = Flag.options(name="flag").remote()
                a = Counter.options(name="counter").remote()
                print("actor", ray.get(a.pid.remote()), ray.get(a.inc.remote()), ray.get(a.inc.remote()), flush=True)
                # No call to the counter is in flight when its worker is killed; once the test has
                # seen it ALIVE again, this caller's next calls reach the new incarnation.
                while not ray.get(flag.get.remote()):
                    time.sleep(0.05)
                print("restarted", ray.get(a.pid.remote(), timeout=20), ray.get(a.inc.remote(), timeout=20), flush=True)
                time.sleep(60)
                """)
            let driver = try c.runInBackground(script)
            defer { kill(driver, SIGKILL) }
            let started = c.line(of: script, startingWith: "(victim pid=")
            let first = try #require(started.flatMap { Int32($0.prefix { $0.isNumber }) }, "\(c.output(of: script))")
            // Killed once the worker's RUNNING event (sent in 100 ms batches) reached the GCS.
            let running = c.eventually(within: 5) {
                c.taskRows().contains { $0["name"] as? String == "victim" && $0["state"] as? String == "RUNNING"
                    && $0["worker_pid"] as? Int == Int(first) }
            }
            #expect(running, "\(c.taskRows())")
            kill(first, SIGKILL)
            let result = c.line(of: script, startingWith: "result ")
            #expect(result != nil && result != String(first), "\(c.output(of: script))")
            // `list tasks`: attempt 0 FAILED in the killed worker, attempt 1 FINISHED.
            let attempts = c.attempts(of: "victim", settlingTo: ["FAILED", "FINISHED"])
            #expect(attempts.map { $0["attempt_number"] as? Int } == [0, 1], "\(attempts)")
            #expect(attempts.map { $0["state"] as? String } == ["FAILED", "FINISHED"], "\(attempts)")
            #expect(attempts.first?["worker_pid"] as? Int == Int(first), "\(attempts)")
            #expect(attempts.last.map { String(describing: $0["worker_pid"] ?? "") } == result, "\(attempts)")
            // `list workers`: the killed worker is dead, ended by a system error.
            let gone = c.eventually(within: 5) {
                c.workerRows().first { $0["pid"] as? Int == Int(first) }?["is_alive"] as? Bool == false
            }
            let killed = c.workerRows().first { $0["pid"] as? Int == Int(first) }
            #expect(gone, "\(String(describing: killed))")
            #expect(killed?["exit_type"] as? String == "SYSTEM_ERROR", "\(String(describing: killed))")
            #expect(killed?["exit_detail"] as? String == "The worker process exited unexpectedly (killed or crashed).", "\(String(describing: killed))")

            // The actor: its worker killed, it restarts (1 of 1) in a new process with fresh state.
            let actorLine = try #require(c.line(of: script, startingWith: "actor "), "\(c.output(of: script))")
            let actorPid = try #require(actorLine.split(separator: " ").first.flatMap { Int32($0) })
            #expect(actorLine.hasSuffix(" 1 2"), "\(actorLine)")
            kill(actorPid, SIGKILL)
            let alive = c.eventually(within: 10) {
                let row = c.actor(named: "counter")
                return row?["state"] as? String == "ALIVE" && row?["pid"] as? Int != Int(actorPid)
            }
            #expect(alive, "\(c.actorRows())")
            let signal = try c.run(["run", try c.writeScript("signal.py", """
                import ray
                ray.init(namespace="failures")
                ray.get(ray.get_actor("flag").set.remote())
                """)])
            #expect(signal.status == 0, "\(signal)")
            let restarted = try #require(c.line(of: script, startingWith: "restarted "), "\(c.output(of: script))")
            let newPid = restarted.split(separator: " ").first.flatMap { Int32($0) }
            #expect(newPid != nil && newPid != actorPid && restarted.hasSuffix(" 1"), "\(restarted)")
            let counter = c.actor(named: "counter")
            #expect(counter?["state"] as? String == "ALIVE" && counter?["pid"] as? Int == newPid.map(Int.init), "\(String(describing: counter))")
            #expect(c.log("gcs_server").contains("is RESTARTING (1/1)"), "\(c.log("gcs_server"))")
        }
    }

    @Test("a killed driver: job FAILED, its group REMOVED, its actor OWNER_DIED, its detached actor ALIVE, every lease returned")
    func driverKilled() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            try #require(try c.addWorker(["--num-cpus", "2"]).status == 0)
            let script = try c.writeScript("owner.py", """
                import ray, os, time
                from ray.util.placement_group import placement_group
                ray.init(namespace="owners")
                pg = placement_group([{"CPU": 1}])
                ray.get(pg.ready(), timeout=20)
                @ray.remote
                class Keeper:
                    def pid(self):
                        return os.getpid()
                owned = Keeper.options(name="owned").remote()
                kept = Keeper.options(name="kept", lifetime="detached").remote()
                @ray.remote
                def sleeper():
                    print("sleeping", flush=True)
                    time.sleep(60)
                refs = [sleeper.remote() for _ in range(2)]
                print("actors", ray.get(owned.pid.remote()), ray.get(kept.pid.remote()), flush=True)
                time.sleep(60)
                """)
            let driver = try c.runInBackground(script)
            defer { kill(driver, SIGKILL) }
            let actors = try #require(c.line(of: script, startingWith: "actors "), "\(c.output(of: script))")
            // Both tasks running (2 CPUs) and the group reserving a third.
            let busy = c.eventually(within: 15) {
                (try? c.run(["status"]).stdout.contains(" 2.0/4.0 CPU (0.0 used of 1.0 reserved in placement groups)")) ?? false
            }
            #expect(busy, "\((try? c.run(["status"]).stdout) ?? "")")
            var sleepers: [Int32] = []
            let printed = c.eventually(within: 5) {
                sleepers = c.output(of: script).split(separator: "\n").filter { $0.hasPrefix("(sleeper pid=") }
                    .compactMap { Int32($0.dropFirst("(sleeper pid=".count).prefix { $0.isNumber }) }
                return sleepers.count == 2
            }
            #expect(printed, "\(c.output(of: script))")
            kill(driver, SIGKILL)

            let failed = c.eventually(within: 5) { c.jobRows().first?["status"] as? String == "FAILED" }
            let job = c.jobRows().first
            #expect(failed, "\(String(describing: job))")
            #expect(job?["message"] as? String == "The driver (pid \(driver)) disconnected from the GCS without finishing its job.",
                    "\(String(describing: job))")
            #expect(job?["error_type"] as? String == "DRIVER_DIED", "\(String(describing: job))")
            let ended = c.eventually(within: 5) {
                c.groupRows().first?["state"] as? String == "REMOVED"
                    && c.actor(named: "owned")?["state"] as? String == "DEAD"
            }
            #expect(ended, "\(c.groupRows()) \(c.actorRows())")
            let owned = TestCluster.deathContext(c.actor(named: "owned"))
            #expect(owned?["reason"] as? String == "OWNER_DIED", "\(String(describing: owned))")
            let kept = c.actor(named: "kept")
            #expect(kept?["state"] as? String == "ALIVE" && TestCluster.deathContext(kept) == nil, "\(String(describing: kept))")
            #expect(actors.split(separator: " ").last.flatMap { Int32($0) }.map(TestCluster.isAlive) == true)
            // Every lease comes back: no CPU in use, each node's availability equal to its total.
            let freed = c.eventually(within: 10) {
                (try? c.run(["status"]).stdout.contains("Usage:\n 0.0/4.0 CPU\n")) ?? false
            }
            #expect(freed, "\((try? c.run(["status"]).stdout) ?? "")")
            let verbose = try c.run(["status", "-v"]).stdout
            #expect(verbose.components(separatedBy: " Usage:\n  0.0/2.0 CPU\n").count - 1 == 2, "\(verbose)")
            #expect(c.eventually(within: 5) { sleepers.allSatisfy { !TestCluster.isAlive($0) } }, "the job's task workers outlived it")
            // The killed driver is not reported as a normal exit.
            let driverRow = c.workerRows().first { $0["worker_type"] as? String == "DRIVER" }
            #expect(driverRow?["exit_type"] as? String == "SYSTEM_ERROR", "\(String(describing: driverRow))")
        }
    }

    @Test("a node that comes back on the same address and port registers as a new node")
    func sameAddressNewNode() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "1"]).status == 0)
            let port = TestCluster.freePort()
            try #require(port > 0)
            let flags = ["--num-cpus", "1", "--node-manager-port", String(port)]
            try #require(try c.addWorker(flags).status == 0)
            let old = try #require(c.nodeID(ofRaylet: "raylet.1"))
            kill(try #require(c.pids()["raylet.1"]), SIGKILL)
            // Back at once, before the GCS noticed the death: a fresh id on the same address.
            let again = try c.addWorker(flags)
            try #require(again.status == 0, "\(again)")
            let new = try #require(c.nodeID(ofRaylet: "raylet.2"))
            #expect(new != old)
            let settled = c.eventually(within: 5) { c.node(old)?["state"] as? String == "DEAD" }
            let nodes = c.nodeRows()
            #expect(settled, "\(nodes)")
            let newRow = nodes.first { $0["node_id"] as? String == new }
            #expect(newRow?["state"] as? String == "ALIVE", "\(nodes)")
            #expect(nodes.count == 3)
            let status = try c.run(["status"]).stdout
            #expect(status.contains(" 1 node_\(new)\n") && status.contains(" node_\(old): NodeTerminated (ip: 127.0.0.1)"), "\(status)")
            #expect(c.log("gcs_server").contains("Node \(new) registered from 127.0.0.1:\(port) "), "\(c.log("gcs_server"))")
            // The new node runs work.
            let r = try c.run(["run", try c.writeScript("use.py", """
                import ray
                from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy
                ray.init()
                @ray.remote(scheduling_strategy=NodeAffinitySchedulingStrategy(node_id="\(new)", soft=False))
                def where():
                    return ray.get_runtime_context().get_node_id()
                print(ray.get(where.remote(), timeout=20))
                """)])
            #expect(r.stdout == "\(new)\n", "\(r)")
        }
    }

    @Test("how things ended, in every listing: dead nodes with their reasons, recent failures, FAILED jobs, DEAD actors with causes")
    func endingsInOutput() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            try #require(try c.addWorker(["--num-cpus", "1"]).status == 0)
            try #require(try c.addWorker(["--num-cpus", "1"]).status == 0)
            let killed = try #require(c.nodeID(ofRaylet: "raylet.1"))
            let stopped = try #require(c.nodeID(ofRaylet: "raylet.2"))
            // A driver that raises: FAILED with the exception line and its exit code; an
            // actor it killed: DEAD with RAY_KILL.
            let raising = try c.run(["run", try c.writeScript("raise.py", """
                import ray
                ray.init()
                @ray.remote
                class A:
                    def ping(self):
                        return 1
                a = A.options(name="killed").remote()
                ray.get(a.ping.remote())
                ray.kill(a)
                raise ValueError("gave up")
                """)])
            #expect(raising.status == 1, "\(raising)")
            kill(try #require(c.pids()["raylet.1"]), SIGKILL)
            let sigkillAt = Date()
            // SIGTERM the other after the first is DEAD, so their end times are ordered.
            #expect(c.eventually(within: 3) { c.node(killed)?["state"] as? String == "DEAD" })
            print("raylet SIGKILL to DEAD: \(String(format: "%.2f", Date().timeIntervalSince(sigkillAt))) s")
            kill(try #require(c.pids()["raylet.2"]), SIGTERM)
            #expect(c.eventually(within: 3) { c.node(stopped)?["state"] as? String == "DEAD" })

            // list nodes: JSON fields, the table row, the YAML detail.
            let nodes = c.nodeRows()
            let deadRows = nodes.filter { $0["state"] as? String == "DEAD" }
            #expect(Set(deadRows.compactMap { $0["node_id"] as? String }) == [killed, stopped], "\(nodes)")
            #expect(c.node(killed)?["state_message"] as? String == Self.nodeDiedMessage)
            #expect(c.node(stopped)?["state_message"] as? String == "Expected termination: received SIGTERM")
            for row in deadRows {
                #expect((row["end_time_ms"] as? String).map { $0.hasPrefix("20") } == true, "\(row)")
            }
            #expect(nodes.first { $0["is_head_node"] as? Bool == true }?["state_message"] is NSNull)
            let table = try c.run(["list", "nodes"]).stdout
            #expect(table.contains("Total: 3"), "\(table)")
            #expect(table.components(separatedBy: "  DEAD  ").count - 1 == 2, "\(table)")
            let yaml = try c.run(["list", "nodes", "--detail", "--filter", "node_id=\(killed)"]).stdout
            // PyYAML folds a long quoted scalar at 80 columns.
            #expect(yaml.contains("    state: DEAD\n    state_message: 'Unexpected termination: health check failed due to missing too\n        many heartbeats'\n"),
                    "\(yaml)")
            let filtered = c.rows(["list", "nodes", "--filter", "state=DEAD"])
            #expect(filtered.count == 2)

            // status: both under Recent failures, newest first; neither active.
            let status = try c.run(["status"]).stdout
            #expect(status.contains("""
                Recent failures:
                 node_\(stopped): NodeTerminated (ip: 127.0.0.1)
                 node_\(killed): NodeTerminated (ip: 127.0.0.1)

                """), "\(status)")
            #expect(status.contains("Active:\n 1 node_") && status.components(separatedBy: "\n 1 node_").count - 1 == 1, "\(status)")
            #expect(status.contains("Usage:\n 0.0/2.0 CPU\n"), "\(status)")

            // list jobs: the raising driver FAILED with its exception and exit code.
            let job = c.jobRows().first
            #expect(job?["status"] as? String == "FAILED", "\(String(describing: job))")
            #expect((job?["message"] as? String)?.contains("ValueError: gave up") == true, "\(String(describing: job))")
            #expect(job?["driver_exit_code"] as? Int == 1, "\(String(describing: job))")
            let jobTable = try c.run(["list", "jobs"]).stdout
            #expect(jobTable.contains("FAILED"), "\(jobTable)")
            // It left on its own (an exception is not a crash): its driver record says so.
            let driverRow = c.workerRows().first { $0["worker_type"] as? String == "DRIVER" }
            #expect(driverRow?["exit_type"] as? String == "INTENDED_USER_EXIT", "\(String(describing: driverRow))")

            // list actors: DEAD with its cause, in JSON and in the table.
            let actor = c.actor(named: "killed")
            #expect(actor?["state"] as? String == "DEAD")
            let context = TestCluster.deathContext(actor)
            #expect(context?["reason"] as? String == "RAY_KILL", "\(String(describing: actor))")
            #expect(context?["error_message"] as? String == "The actor is dead because it was killed by `ray.kill`.", "\(String(describing: actor))")
            let actorTable = try c.run(["list", "actors"]).stdout
            #expect(actorTable.contains(" DEAD "), "\(actorTable)")
        }
    }
}

import Foundation
import Testing

/// Actors end to end on real clusters: the seed walk-through of 001_5575870ea9d5c235.txt as a
/// golden test, the actor examples of 002_4ba8b041d596e87d.txt, names, kills, restarts and the
/// ways an actor dies.
@Suite("Actors", .serialized)
struct ActorTests {
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Masks what differs run to run, as the fixtures do.
    static func masked(_ text: String) -> String {
        text.replacingOccurrences(of: #"[0-9a-f]{28}01000000"#, with: "<PGID>", options: .regularExpression)
            .replacingOccurrences(of: #"actor_id: [0-9a-f]{32}"#, with: "actor_id: <ACTORID>", options: .regularExpression)
            .replacingOccurrences(of: #"node_id: [0-9a-f]{56}"#, with: "node_id: <NODEID>", options: .regularExpression)
            .replacingOccurrences(of: #"pid: \d+"#, with: "pid: <PID>", options: .regularExpression)
            .replacingOccurrences(of: #"ray_namespace: [0-9a-f-]{36}"#, with: "ray_namespace: <NAMESPACE>", options: .regularExpression)
            .replacingOccurrences(of: #"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?"#, with: "<TIME>", options: .regularExpression)
            .replacingOccurrences(of: #"\d+\.\d\dGiB"#, with: "<MEM>", options: .regularExpression)
    }

    /// The `Resources` part of `status` (from its header to the end).
    static func resources(_ status: String) -> String {
        guard let r = status.range(of: "Resources\n") else { return status }
        return String(status[r.lowerBound...])
    }

    /// Waits until the driver's output (in `log`) contains `marker`.
    static func reached(_ c: TestCluster, _ log: String, _ marker: String, within seconds: Double = 30) -> Bool {
        c.eventually(within: seconds) { ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains(marker + "\n") }
    }

    @Test("the seed walk-through: every list and status output of 001 in order, with actors in the placement group")
    func seedWalkThrough() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2", "--num-gpus", "2"]).status == 0)
            // The seed's code, in order, with a pause after each step whose outputs it prints.
            let driver = try c.writeScript("walk.py", """
                from pprint import pprint
                import time
                from ray.util.placement_group import (
                    placement_group,
                    placement_group_table,
                    remove_placement_group,
                )
                from ray.util.scheduling_strategies import PlacementGroupSchedulingStrategy
                import ray
                ray.init()
                pg = placement_group([{"CPU": 1, "GPU": 1}])
                ray.get(pg.ready(), timeout=10)
                ready, unready = ray.wait([pg.ready()], timeout=10)
                print("step 1", flush=True)
                time.sleep(4)
                pending_pg = placement_group([{"CPU": 1}, {"GPU": 2}])
                try:
                    ray.get(pending_pg.ready(), timeout=5)
                except Exception as e:
                    print(
                        "Cannot create a placement group because "
                        "{'GPU': 2} bundle cannot be created."
                    )
                    print(e)
                print("step 2", flush=True)
                time.sleep(4)
                # The seed's next status shows no demands: it was taken without the pending group.
                remove_placement_group(pending_pg)

                @ray.remote(num_cpus=1)
                class Actor:
                    def __init__(self):
                        pass

                    def ready(self):
                        pass


                actor = Actor.options(
                    scheduling_strategy=PlacementGroupSchedulingStrategy(
                        placement_group=pg,
                    )
                ).remote()
                ray.get(actor.ready.remote(), timeout=10)
                print("step 3", flush=True)
                time.sleep(4)

                @ray.remote(num_cpus=0, num_gpus=1)
                class Actor:
                    def __init__(self):
                        pass

                    def ready(self):
                        pass


                actor2 = Actor.options(
                    scheduling_strategy=PlacementGroupSchedulingStrategy(
                        placement_group=pg,
                        placement_group_bundle_index=0,
                    )
                ).remote()
                ray.get(actor2.ready.remote(), timeout=10)
                print("step 4", flush=True)
                time.sleep(4)
                remove_placement_group(pg)
                time.sleep(1)
                pprint(placement_group_table(pg)["state"])
                print("step 5", flush=True)
                time.sleep(60)
                """)
            let pid = try c.runInBackground(driver)
            let log = driver + ".out"
            defer { kill(pid, SIGKILL) }

            try #require(Self.reached(c, log, "step 1"))
            let list1 = try c.run(["list", "placement-groups"]).stdout
            #expect(Self.masked(list1) == (try Self.fixture("walkthrough/1-list-placement-groups.txt")), "\(list1)")

            try #require(Self.reached(c, log, "step 2"))
            let list2 = try c.run(["list", "placement-groups"]).stdout
            let rows2 = Self.masked(list2).replacingOccurrences(of: #"\n \d  "#, with: "\n N  ", options: .regularExpression)
            let expected2 = try Self.fixture("walkthrough/2-list-placement-groups.txt")
            #expect(Set(rows2.split(separator: "\n")) == Set(expected2.split(separator: "\n")), "\(list2)")
            let status2 = try c.run(["status"]).stdout
            #expect(Self.masked(Self.resources(status2)) == (try Self.fixture("walkthrough/2-status-resources.txt")), "\(status2)")

            try #require(Self.reached(c, log, "step 3"))
            // The actor's CPU shows once its raylet's next report reaches the GCS.
            _ = c.eventually(within: 3) { (try? c.run(["status"]).stdout.contains(" 1.0/2.0 CPU (1.0 used")) ?? false }
            let status3 = try c.run(["status"]).stdout
            #expect(Self.masked(Self.resources(status3)) == (try Self.fixture("walkthrough/3-status-resources.txt")), "\(status3)")
            let actors3 = try c.run(["list", "actors", "--detail"]).stdout
            #expect(Self.masked(actors3) == (try Self.fixture("walkthrough/3-list-actors-detail.yaml")), "\(actors3)")

            try #require(Self.reached(c, log, "step 4"))
            _ = c.eventually(within: 3) { (try? c.run(["status"]).stdout.contains(" 1.0/2.0 GPU (1.0 used")) ?? false }
            let status4 = try c.run(["status"]).stdout
            #expect(Self.masked(status4).contains(try Self.fixture("walkthrough/4-status-usage.txt")), "\(status4)")

            // Removing the group kills the actors in it and frees everything.
            try #require(Self.reached(c, log, "step 5"))
            let out = try String(contentsOfFile: log, encoding: .utf8)
            #expect(out.contains("Cannot create a placement group because {'GPU': 2} bundle cannot be created.\n"), "\(out)")
            #expect(out.contains("'REMOVED'\n"), "\(out)")
            let dead = c.eventually(within: 5) {
                let json = (try? c.run(["list", "actors", "--filter", "state=DEAD", "--format", "json"]).stdout) ?? ""
                return json.components(separatedBy: "\"state\": \"DEAD\"").count - 1 == 2
            }
            #expect(dead)
            let detail = try c.run(["list", "actors", "--detail", "--format", "json"]).stdout
            #expect(detail.contains("Destroying worker since its placement group was removed."), "\(detail)")
            #expect(c.eventually(within: 5) { (try? c.run(["status"]).stdout.contains(" 0.0/2.0 CPU\n 0.0/2.0 GPU\n")) ?? false })
        }
    }

    /// A seed example from Tests/Fixtures/script-seeds, after `prefix`.
    static func seed(_ name: String, prefix: String = "import ray\n") throws -> String {
        prefix + (try fixture("script-seeds/\(name).py"))
    }

    /// Lines of a run's output without the `(Class pid=N)` prefix's pid.
    static func unprefixed(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.replacingOccurrences(of: #"pid=\d+"#, with: "pid=N", options: .regularExpression) }
    }

    @Test("the actor examples of 002 verbatim: Counter, ordering from one and several submitters, threaded, async and grouped actors, GPU sharing")
    func seedActorExamples() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "4", "--num-gpus", "1"]).status == 0)
            func run(_ name: String, _ text: String) throws -> TestCluster.Outcome {
                let r = try c.run(["run", try c.writeScript(name + ".py", text)])
                #expect(r.status == 0, "\(name): \(r)")
                return r
            }
            // Counter: 0, then 2 after two increments.
            #expect(try run("counter", try Self.seed("seed002_05")).stdout == "0\n2\n")
            // Calls from one submitter run in submission order.
            #expect(try run("order", try Self.seed("seed002_26")).stdout == "1\n3\n")
            // From two submitters (tasks holding the handle), the one waiting for its argument runs later.
            #expect(try run("submitters", try Self.seed("seed002_27")).stdout == "3\n2\n")
            // An async actor does not hold a call waiting for its argument back.
            #expect(try run("async-order", try Self.seed("seed002_28")).stdout == "3\n2\n")
            // A threaded actor runs both methods.
            let threaded = try run("threaded", try Self.seed("seed002_20"))
            #expect(Set(Self.unprefixed(threaded.stdout)) == ["(ThreadedActor pid=N) I'm running in a thread!",
                                                              "(ThreadedActor pid=N) I'm running in another thread!"])
            // Async actors: all four calls start before any finishes, then the async get runs one more.
            let concurrent = try run("async", try Self.seed("seed002_13"))
            #expect(Self.unprefixed(concurrent.stdout) == Array(repeating: "(AsyncActor pid=N) started", count: 4)
                    + Array(repeating: "(AsyncActor pid=N) finished", count: 4)
                    + ["(AsyncActor pid=N) started", "(AsyncActor pid=N) finished"], "\(concurrent)")
            let five = try run("async5", try Self.seed("seed002_18", prefix: "import ray\n"))
            #expect(Self.unprefixed(five.stdout) == Array(repeating: "(AsyncActor pid=N) started", count: 5)
                    + Array(repeating: "(AsyncActor pid=N) ended", count: 5), "\(five)")
            // max_concurrency=2: never more than two calls between started and ended.
            let limited = try run("limited", try Self.seed("seed002_19"))
            var running = 0, most = 0
            for line in Self.unprefixed(limited.stdout) {
                running += line.hasSuffix("started") ? 1 : -1
                most = max(most, running)
            }
            #expect(most == 2 && running == 0 && limited.stdout.split(separator: "\n").count == 16, "\(limited)")
            // Concurrency groups, defined in the class and chosen per call.
            _ = try run("groups", try Self.seed("seed002_23") + "\n" + (try Self.fixture("script-seeds/seed002_25.py"))
                        + "\nprint(ray.get([a.f1.remote(), a.f3.remote(), a.f5.remote()]))\n")
            _ = try run("groups-options", try Self.seed("seed002_24"))
            // ObjectRefs to constructors and methods, by value and by reference.
            _ = try run("refs", try Self.seed("seed002_33"))
            // Two actors share the one GPU.
            let gpu = try run("gpu", try Self.seed("seed002_40"))
            #expect(Self.unprefixed(gpu.stdout) == ["(IOActor pid=N) CUDA_VISIBLE_DEVICES: 0", "(IOActor pid=N) CUDA_VISIBLE_DEVICES: 0"], "\(gpu)")
            // A threaded actor's call waiting in ray.get lets the actor's other calls run (here the
            // one it waits for), as Python releases the GIL in ray.get; so does an async actor's await.
            let reentrant = try run("reentrant", """
                import ray
                @ray.remote
                class Pair:
                    def outer(self, me):
                        return ray.get(me.inner.remote()) + 1
                    def inner(self):
                        return 41
                @ray.remote
                class AsyncPair:
                    async def outer(self, me):
                        return await me.inner.remote() + 1
                    async def inner(self):
                        return 41
                p = Pair.options(max_concurrency=2).remote()
                print(ray.get(p.outer.remote(p), timeout=20))
                q = AsyncPair.remote()
                print(ray.get(q.outer.remote(q), timeout=20))
                """)
            #expect(reentrant.stdout == "42\n42\n", "\(reentrant)")
            // Actor resources and scheduling strategies (DEFAULT, SPREAD, node affinity, overrides);
            // these examples print nothing: they must run to the end.
            for name in ["seed002_06", "seed002_35", "seed002_36", "seed002_37", "seed002_39"] {
                _ = try run(name, try Self.seed(name))
            }
            let placed = try c.run(["list", "actors", "--format", "json", "--limit", "1000"]).stdout
            #expect(placed.contains("\"class_name\": \"SpreadActor\"") && placed.contains("\"class_name\": \"NodeAffinityActor\""), "\(placed)")
            // MessageActor with three workers (the seed loops 100 times a second apart; 3 here).
            let messages = try Self.seed("seed002_09").replacingOccurrences(of: "range(100)", with: "range(3)")
            let m = try run("messages", messages + "\nprint(sorted(ray.get(message_actor.get_and_clear_messages.remote()) + new_messages))\n")
            #expect(m.stdout.contains("New messages: ['Message 0 from worker"), "\(m)")
            // Every job has ended: their actors are gone and nothing stays held.
            let freed = c.eventually(within: 10) {
                (try? c.run(["status"]).stdout.contains(" 0.0/4.0 CPU\n 0.0/1.0 GPU\n")) ?? false
            }
            let status = try c.run(["status"]).stdout
            #expect(freed, "\(status)")
        }
    }

    @Test("names, ray.kill, restarts after kill -9, and deaths: RAY_KILL, WORKER_DIED, OWNER_DIED, NODE_DIED; detached actors outlive their job")
    func restartsAndDeaths() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            // Names and kills.
            let named = try c.run(["run", try c.writeScript("named.py", """
                import ray
                @ray.remote
                class C:
                    def __init__(self, v):
                        self.v = v
                    def get(self):
                        return self.v
                a = C.options(name="dup").remote(5)
                print(ray.get(ray.get_actor("dup").get.remote()))
                try:
                    C.options(name="dup").remote(1)
                except Exception as e:
                    print(type(e).__name__, e)
                try:
                    ray.get_actor("nope")
                except ValueError as e:
                    print(e)
                ray.kill(a)
                try:
                    ray.get(a.get.remote())
                except ray.exceptions.RayActorError as e:
                    print(type(e).__name__)
                """)])
            #expect(named.stdout == """
                5
                ActorAlreadyExistsError The name dup (namespace=None) is already taken. Please use a different name or get the existing actor using ray.get_actor('dup', namespace='None')
                Failed to look up actor with name 'nope'. This could because 1. You are trying to look up a named actor you didn't create. 2. The named actor died. 3. You did not use a namespace matching the namespace of the actor.
                ActorDiedError

                """, "\(named)")
            let killed = try c.run(["list", "actors", "--detail", "--format", "json", "--filter", "name=dup"]).stdout
            #expect(killed.contains("\"reason\": \"RAY_KILL\""), "\(killed)")

            // kill -9 of the actor's process: RESTARTING → ALIVE in a new process while a restart
            // remains (the state survives only in the caller's retried calls), then DEAD.
            let restart = try c.writeScript("restart.py", """
                import ray, os, time
                ray.init(namespace="keep")
                @ray.remote(max_restarts=1, max_task_retries=1)
                class C:
                    def __init__(self):
                        self.n = 0
                    def pid(self):
                        return os.getpid()
                    def inc(self):
                        self.n += 1
                        return self.n
                d = C.options(name="keeper", lifetime="detached").remote()
                a = C.options(name="victim").remote()
                print(ray.get(a.pid.remote()), ray.get(a.inc.remote()), ray.get(d.inc.remote()), flush=True)
                time.sleep(60)
                """)
            let driver = try c.runInBackground(restart)
            defer { kill(driver, SIGKILL) }
            try #require(Self.reached(c, restart + ".out", "1 1", within: 20))
            let first = try String(contentsOfFile: restart + ".out", encoding: .utf8)
            let victim = try #require(first.split(separator: " ").first.flatMap { Int32($0) }, "\(first)")
            kill(victim, SIGKILL)
            let restarted = c.eventually(within: 10) {
                let json = (try? c.run(["list", "actors", "--filter", "name=victim", "--format", "json"]).stdout) ?? ""
                return json.contains("\"state\": \"ALIVE\"") && !json.contains("\"pid\": \(victim)")
            }
            #expect(restarted)
            let detail = try c.run(["list", "actors", "--filter", "name=victim", "--format", "json"]).stdout
            let secondPid = try #require(detail.range(of: #"\"pid\": (\d+)"#, options: .regularExpression).map {
                Int32(detail[$0].split(separator: " ").last!)! }, "\(detail)")
            kill(secondPid, SIGKILL)
            let died = c.eventually(within: 10) {
                ((try? c.run(["list", "actors", "--filter", "name=victim", "--detail", "--format", "json"]).stdout) ?? "")
                    .contains("\"reason\": \"WORKER_DIED\"")
            }
            #expect(died)
            // The owner dies: its actors die with it; the detached one lives on.
            kill(driver, SIGKILL)
            let ownerDied = c.eventually(within: 10) {
                ((try? c.run(["list", "actors", "--detail", "--format", "json"]).stdout) ?? "").contains("\"reason\": \"OWNER_DIED\"")
                    || ((try? c.run(["list", "actors", "--filter", "name=keeper", "--format", "json"]).stdout) ?? "").contains("ALIVE")
            }
            #expect(ownerDied)
            let keeper = try c.run(["list", "actors", "--filter", "name=keeper", "--format", "json"]).stdout
            #expect(keeper.contains("\"state\": \"ALIVE\""), "\(keeper)")
            // A later job finds the detached actor by name; its state is intact.
            let later = try c.run(["run", try c.writeScript("later.py", """
                import ray
                ray.init(namespace="keep")
                k = ray.get_actor("keeper")
                print(ray.get(k.inc.remote()))
                ray.kill(k)
                """)])
            #expect(later.stdout == "2\n", "\(later)")

            // A node dies: its actor without restarts is DEAD with NODE_DIED, one with a restart
            // comes back on another node.
            try #require(try c.addWorker(["--num-cpus", "2", "--resources", "{\"spot\": 2}"]).status == 0)
            let nodeScript = try c.writeScript("node.py", """
                import ray, time
                from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy
                @ray.remote(resources={"spot": 1})
                class Pinned:
                    def ping(self):
                        return "pong"
                @ray.remote(max_restarts=1)
                class Mobile:
                    def ping(self):
                        return ray.get_runtime_context().get_node_id()
                target = [n["NodeID"] for n in ray.nodes() if "spot" in n["Resources"]][0]
                p = Pinned.options(name="pinned").remote()
                m = Mobile.options(name="mobile", scheduling_strategy=NodeAffinitySchedulingStrategy(node_id=target, soft=True)).remote()
                print(ray.get(p.ping.remote()), ray.get(m.ping.remote()) == target, target, flush=True)
                time.sleep(60)
                """)
            let nodeDriver = try c.runInBackground(nodeScript)
            defer { kill(nodeDriver, SIGKILL) }
            let placed = c.eventually(within: 20) {
                ((try? String(contentsOfFile: nodeScript + ".out", encoding: .utf8)) ?? "").hasPrefix("pong True ")
            }
            let nodeOut = (try? String(contentsOfFile: nodeScript + ".out", encoding: .utf8)) ?? ""
            try #require(placed, "\(nodeOut)")
            let target = String(nodeOut.split(separator: " ")[2].prefix(56))
            let raylet = try #require(c.pids()["raylet.1"])
            kill(raylet, SIGKILL)
            let nodeDied = c.eventually(within: 15) {
                ((try? c.run(["list", "actors", "--filter", "name=pinned", "--detail", "--format", "json"]).stdout) ?? "")
                    .contains("\"reason\": \"NODE_DIED\"")
            }
            #expect(nodeDied)
            let mobile = c.eventually(within: 15) {
                let json = (try? c.run(["list", "actors", "--filter", "name=mobile", "--format", "json"]).stdout) ?? ""
                return json.contains("\"state\": \"ALIVE\"") && !json.contains(target)
            }
            #expect(mobile)
        }
    }
}

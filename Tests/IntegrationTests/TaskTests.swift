import Foundation
import Testing

/// Remote functions end to end on real raylets and worker processes: the seed examples, every
/// scheduling strategy across nodes, objects large and small, errors, retries and lease reuse.
@Suite("Tasks and objects", .serialized)
struct TaskTests {
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/script-seeds/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test("the seed task examples: square, resources with .options, dependent tasks, ray.wait, SPREAD, placement-group strategy")
    func seedExamples() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "4", "--num-gpus", "2"]).status == 0)
            // 002's first example, with its `x actor x` typo read as the `x * x` it means.
            let square = try c.writeScript("square.py", """
                import ray
                from typing import List
                ray.init()

                @ray.remote
                def square(x: int) -> int:
                    return x * x

                if __name__ == "__main__":
                    futures: List[ray.ObjectRef] = [square.remote(i) for i in range(4)]
                    results: List[int] = ray.get(futures)
                    print(f"The final result is: {results}")
                """)
            let r1 = try c.run(["run", square])
            #expect(r1.status == 0, "\(r1)")
            #expect(r1.stdout == "The final result is: [0, 1, 4, 9]\n", "\(r1)")
            // 002's resource and ObjectRef-argument examples, verbatim one after the other.
            let deps = try c.writeScript("deps.py", "import ray\n" + (try Self.fixture("seed002_01.py")) + "\n" + (try Self.fixture("seed002_02.py"))
                                         + "\nprint(ray.get(obj_ref2))\n")
            let r2 = try c.run(["run", deps])
            #expect(r2.status == 0 && r2.stdout == "2\n", "\(r2)")
            // 002's ray.wait example (it leaves slow_function to the reader).
            let wait = try c.writeScript("wait.py", "import ray, time\n@ray.remote\ndef slow_function():\n    time.sleep(0.5)\n    return 1\n"
                                         + (try Self.fixture("seed002_04.py")) + "print(len(ready_refs), len(remaining_refs))\n")
            let r3 = try c.run(["run", wait])
            #expect(r3.status == 0 && r3.stdout == "1 1\n", "\(r3)")
            // 000's SPREAD and placement-group examples, verbatim.
            let spread = try c.run(["run", try c.writeScript("spread.py", try Self.fixture("seed000_02.py"))])
            #expect(spread.status == 0, "\(spread)")
            let pg = try c.run(["run", try c.writeScript("pg.py", try Self.fixture("seed000_03.py"))])
            #expect(pg.status == 0, "\(pg)")
            #expect(pg.stdout.hasSuffix("\n2\n"), "\(pg)")
        }
    }

    @Test("ray.put / get (inline and object store), nested refs, tasks submitting tasks, printing with the worker prefix, errors")
    func objectsAndErrors() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            let script = try c.writeScript("objects.py", """
                import ray, os
                ray.init()
                small = ray.put({"a": [1, 2.5, None], "b": (True, "x")})
                print(ray.get(small))
                big = ray.put("y" * 300000)
                print(len(ray.get(big)))

                @ray.remote
                def length(s):
                    print("measuring")
                    return len(s)

                @ray.remote
                def total(refs):
                    return sum(ray.get(refs))

                @ray.remote
                def double(x):
                    return 2 * x

                @ray.remote
                def fan_out(n):
                    return ray.get([double.remote(i) for i in range(n)])

                print(ray.get(length.remote(big)))
                print(ray.get(total.remote([double.remote(i) for i in range(4)])))
                print(ray.get(fan_out.remote(3)))

                @ray.remote
                def boom():
                    return 1 / 0
                try:
                    ray.get(boom.remote())
                except ZeroDivisionError as e:
                    print("caught", type(e).__name__, isinstance(e, ray.exceptions.RayTaskError))
                    print(str(e).splitlines()[-1])

                @ray.remote
                def slow():
                    import time
                    time.sleep(5)
                try:
                    ray.get(slow.remote(), timeout=0.2)
                except ray.exceptions.GetTimeoutError as e:
                    print("GetTimeoutError:", e)
                """)
            let r = try c.run(["run", script])
            #expect(r.status == 0, "\(r)")
            let lines = r.stdout.split(separator: "\n").map(String.init)
            #expect(lines.filter { !$0.hasPrefix("(length pid=") } == [
                "{'a': [1, 2.5, None], 'b': (True, 'x')}", "300000", "300000", "12", "[0, 2, 4]",
                "caught RayTaskError(ZeroDivisionError) True", "ZeroDivisionError: division by zero",
                "GetTimeoutError: Get timed out: some object(s) not ready.",
            ], "\(r)")
            #expect(lines.contains { $0.range(of: #"^\(length pid=\d+\) measuring$"#, options: .regularExpression) != nil }, "\(r)")
            // The worker's log file keeps what it printed.
            let logs = (try? FileManager.default.contentsOfDirectory(atPath: c.tempDir + "/session_latest/logs")) ?? []
            let workerLogs = logs.filter { $0.hasPrefix("worker-") && $0.hasSuffix(".out") }
            #expect(!workerLogs.isEmpty)
            let printed = workerLogs.contains { name in
                ((try? String(contentsOfFile: c.tempDir + "/session_latest/logs/" + name, encoding: .utf8)) ?? "").contains("measuring\n")
            }
            #expect(printed)
        }
    }

    @Test("with four tasks in flight per worker, a worker runs its lease's tasks in order and each task's output reaches the driver before its result")
    func pipelinedOrderAndOutput() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            let script = try c.writeScript("pipelined.py", """
                import ray, os
                ray.init()

                @ray.remote
                def step(i):
                    print("printed", i)
                    return (i, os.getpid())

                refs = [step.remote(i) for i in range(60)]
                for r in refs:
                    i, pid = ray.get(r)
                    print("result", i, pid)
                """)
            let r = try c.run(["run", script], environment: ["SWIFTRAY_MAX_TASKS_IN_FLIGHT_PER_WORKER": "4"])
            #expect(r.status == 0, "\(r)")
            let lines = r.stdout.split(separator: "\n").map(String.init)
            var printedAt: [Int: Int] = [:], resultAt: [Int: Int] = [:], byWorker: [String: [Int]] = [:]
            for (n, line) in lines.enumerated() {
                let words = line.split(separator: " ").map(String.init)
                if words.count == 3, words[0] == "result", let i = Int(words[1]) {
                    resultAt[i] = n
                } else if let last = words.last, let i = Int(last), words.dropLast().last == "printed",
                          let pid = line.range(of: #"pid=\d+"#, options: .regularExpression).map({ String(line[$0]) }) {
                    printedAt[i] = n
                    byWorker[pid, default: []].append(i)
                }
            }
            #expect(resultAt.count == 60 && printedAt.count == 60, "\(r)")
            for i in 0..<60 { #expect((printedAt[i] ?? .max) < (resultAt[i] ?? -1), "task \(i): \(r)") }
            // Each worker printed its tasks in submission order (its lease's pushes run in order).
            for (pid, order) in byWorker { #expect(order == order.sorted(), "\(pid): \(order)") }
        }
    }

    @Test("three nodes: SPREAD uses every node, affinity pins, GPUs are assigned, locality follows a large object, leases are reused")
    func strategiesAcrossNodes() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "1"]).status == 0)
            try #require(try c.addWorker(["--num-cpus", "2", "--num-gpus", "2"]).status == 0)
            try #require(try c.addWorker(["--num-cpus", "2", "--resources", "{\"special\": 1}"]).status == 0)
            let script = try c.writeScript("nodes.py", """
                import ray, os, time
                from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy
                ray.init()
                nodes = [n["NodeID"] for n in ray.nodes()]

                @ray.remote(scheduling_strategy="SPREAD")
                def where():
                    time.sleep(0.5)
                    return ray.get_runtime_context().get_node_id()
                print("spread", len(set(ray.get([where.remote() for _ in range(6)]))))

                for target in nodes:
                    pinned = where.options(scheduling_strategy=NodeAffinitySchedulingStrategy(node_id=target, soft=False))
                    assert ray.get(pinned.remote()) == target

                @ray.remote(num_gpus=1)
                def gpu():
                    return os.environ["CUDA_VISIBLE_DEVICES"], ray.get_gpu_ids()
                print("gpu", ray.get(gpu.remote()))

                @ray.remote(resources={"special": 1})
                def make():
                    return "z" * 500000, ray.get_runtime_context().get_node_id()
                big, home = make.options(num_returns=2).remote()
                home = ray.get(home)

                @ray.remote
                def consume(x):
                    return len(x), ray.get_runtime_context().get_node_id()
                n, ran_on = ray.get(consume.remote(big))
                print("locality", n, ran_on == home)

                @ray.remote
                def pid():
                    return os.getpid()
                print("reuse", ray.get(pid.remote()) == ray.get(pid.remote()))
                """)
            let r = try c.run(["run", script], timeout: 120)
            #expect(r.status == 0, "\(r)")
            #expect(r.stdout == "spread 3\ngpu ('0', [0])\nlocality 500000 True\nreuse True\n", "\(r)")
        }
    }

    @Test("a worker killed mid-task is retried on a new worker; hard affinity to a dead node fails; infeasible tasks show as demand")
    func failures() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            let script = try c.writeScript("victim.py", """
                import ray, os, time
                ray.init()
                @ray.remote(max_retries=1)
                def victim():
                    print("started")
                    time.sleep(4)
                    return os.getpid()
                print("result", ray.get(victim.remote()))
                """)
            let pid = try c.runInBackground(script)
            defer { kill(pid, SIGKILL) }
            var first: Int32 = 0
            #expect(c.eventually(within: 30) {
                let out = (try? String(contentsOfFile: script + ".out", encoding: .utf8)) ?? ""
                guard let m = out.range(of: #"\(victim pid=(\d+)\) started"#, options: .regularExpression) else { return false }
                first = Int32(out[m].split(separator: "=")[1].split(separator: ")")[0]) ?? 0
                return first > 0
            })
            try #require(first > 0)
            kill(first, SIGKILL)
            #expect(c.eventually(within: 30) {
                ((try? String(contentsOfFile: script + ".out", encoding: .utf8)) ?? "").contains("result ")
            })
            let out = (try? String(contentsOfFile: script + ".out", encoding: .utf8)) ?? ""
            let result = out.split(separator: "\n").first { $0.hasPrefix("result ") }.map { String($0.dropFirst(7)) } ?? ""
            #expect(!result.isEmpty && result != String(first), "\(out)")

            let infeasible = try c.writeScript("infeasible.py", """
                import ray, time
                ray.init()
                @ray.remote(num_cpus=8)
                def huge():
                    return 1
                refs = [huge.remote() for _ in range(3)]
                time.sleep(30)
                """)
            let bg = try c.runInBackground(infeasible)
            defer { kill(bg, SIGKILL) }
            #expect(c.eventually(within: 20) {
                (try? c.run(["status"]))?.stdout.contains(" {'CPU': 8.0}: 3+ pending tasks/actors") ?? false
            })

            let dead = try c.writeScript("dead.py", """
                import ray
                from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy
                ray.init()
                @ray.remote(scheduling_strategy=NodeAffinitySchedulingStrategy(node_id="ab" * 28, soft=False))
                def f():
                    return 1
                try:
                    ray.get(f.remote())
                except ray.exceptions.TaskUnschedulableError as e:
                    print("unschedulable")
                """)
            let d = try c.run(["run", dead])
            #expect(d.status == 0 && d.stdout == "unschedulable\n", "\(d)")
        }
    }

    @Test("list tasks / workers / objects, get tasks, summary tasks and a busy status read the live cluster")
    func listsAndSummary() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            let script = try c.writeScript("work.py", """
                import ray, time
                ray.init()
                @ray.remote
                def ok(x):
                    return x
                @ray.remote
                def bad():
                    raise ValueError("no")
                @ray.remote
                def sleeper():
                    time.sleep(20)
                kept = [ok.remote(i) for i in range(3)]
                ray.get(kept)
                failed = bad.remote()
                big = ray.put("b" * 200000)
                sleeping = [sleeper.remote() for _ in range(3)]
                print("ready", flush=True)
                time.sleep(20)
                """)
            let pid = try c.runInBackground(script)
            defer { kill(pid, SIGKILL) }
            #expect(c.eventually(within: 30) {
                ((try? String(contentsOfFile: script + ".out", encoding: .utf8)) ?? "").contains("ready")
            })
            #expect(c.eventually(within: 10) {
                (try? c.run(["status"]))?.stdout.contains(" 2.0/2.0 CPU\n") ?? false
            })
            // Demand settles once the owner's lease requests and backlog are reported.
            let settled = c.eventually(within: 5) {
                (try? c.run(["status"]))?.stdout.contains(" {'CPU': 1.0}: 1+ pending tasks/actors") ?? false
            }
            let status = try c.run(["status"])
            #expect(settled, "\(status)")
            #expect(c.eventually(within: 10) {
                let tasks = (try? c.run(["list", "tasks", "--format", "json", "--limit", "1000"]))?.stdout ?? ""
                return tasks.components(separatedBy: "\"state\": \"FINISHED\"").count - 1 == 3
                    && tasks.contains("\"state\": \"FAILED\"") && tasks.contains("\"state\": \"RUNNING\"")
            })
            let failed = try c.run(["list", "tasks", "--filter", "state=FAILED", "--format", "json"])
            #expect(failed.stdout.contains("\"name\": \"bad\"") && failed.stdout.contains("\"error_type\": \"TASK_EXECUTION_EXCEPTION\""), "\(failed)")
            let summary = try c.run(["summary", "tasks"])
            #expect(summary.stdout.contains("total_tasks: 7"), "\(summary)")
            #expect(summary.stdout.range(of: #"\d+\s+ok\s+FINISHED: 3\s+NORMAL_TASK"#, options: .regularExpression) != nil, "\(summary)")
            let taskID = failed.stdout.range(of: #"[0-9a-f]{16}f{24}01000000"#, options: .regularExpression).map { String(failed.stdout[$0]) } ?? ""
            let one = try c.run(["get", "tasks", taskID])
            #expect(one.stdout.hasPrefix("---\n-   task_id: \(taskID)\n"), "\(one)")
            let workers = try c.run(["list", "workers", "--format", "json"])
            #expect(workers.stdout.contains("\"worker_type\": \"DRIVER\"") && workers.stdout.contains("\"worker_type\": \"WORKER\""), "\(workers)")
            let objects = try c.run(["list", "objects", "--format", "json", "--limit", "1000"])
            #expect(objects.stdout.contains("\"object_size\": \"195.316 KiB\""), "\(objects)")
            #expect(objects.stdout.contains("\"task_status\": \"FAILED\""), "\(objects)")
            #expect(objects.stdout.contains("\"type\": \"DRIVER\""), "\(objects)")
            let objectSummary = try c.run(["summary", "objects"])
            #expect(objectSummary.stdout.contains("======== Object Summary:"), "\(objectSummary)")
            let bad = try c.run(["summary", "everything"])
            #expect(bad.status == 2 && bad.stderr.contains("'everything' is not one of 'tasks', 'actors', 'objects'"), "\(bad)")
        }
    }

    @Test("getting an object whose owner (a worker) died raises OwnerDiedError")
    func ownerDied() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            let script = try c.writeScript("owner.py", """
                import ray, os, time
                ray.init()
                @ray.remote
                def make():
                    return [ray.put("inner")], os.getpid()
                refs, owner = ray.get(make.remote())
                print("owner", owner, flush=True)
                time.sleep(3)
                try:
                    ray.get(refs[0])
                except ray.exceptions.OwnerDiedError as e:
                    print("OwnerDiedError")
                """)
            let pid = try c.runInBackground(script)
            defer { kill(pid, SIGKILL) }
            var owner: Int32 = 0
            #expect(c.eventually(within: 30) {
                let out = (try? String(contentsOfFile: script + ".out", encoding: .utf8)) ?? ""
                owner = out.split(separator: "\n").first { $0.hasPrefix("owner ") }.flatMap { Int32($0.dropFirst(6)) } ?? 0
                return owner > 0
            })
            try #require(owner > 0)
            kill(owner, SIGKILL)
            #expect(c.eventually(within: 30) {
                ((try? String(contentsOfFile: script + ".out", encoding: .utf8)) ?? "").contains("OwnerDiedError")
            }, "\((try? String(contentsOfFile: script + ".out", encoding: .utf8)) ?? "")")
        }
    }

    @Test("placement group handles travel to tasks and back; children of a capturing task run in its group")
    func placementGroupHandlesAndCapture() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            let script = try c.writeScript("capture.py", """
                import ray
                from ray.util.placement_group import placement_group, get_current_placement_group
                from ray.util.scheduling_strategies import PlacementGroupSchedulingStrategy
                ray.init()
                pg = placement_group([{"CPU": 1}])
                ray.get(pg.ready())

                @ray.remote
                def echo(g):
                    return g
                print(ray.get(echo.remote(pg)) == pg)

                @ray.remote(num_cpus=0.5)
                def child():
                    return get_current_placement_group() == pg

                @ray.remote(num_cpus=0.5)
                def parent():
                    return get_current_placement_group() == pg, ray.get(child.remote())

                capture = PlacementGroupSchedulingStrategy(placement_group=pg, placement_group_capture_child_tasks=True)
                print(ray.get(parent.options(scheduling_strategy=capture).remote()))
                alone = PlacementGroupSchedulingStrategy(placement_group=pg)
                print(ray.get(parent.options(scheduling_strategy=alone).remote()))
                try:
                    child.options(num_cpus=2, scheduling_strategy=alone).remote()
                except ValueError as e:
                    print(e)
                """)
            let r = try c.run(["run", script])
            #expect(r.status == 0, "\(r)")
            #expect(r.stdout == """
                True
                (True, True)
                (False, False)
                Cannot schedule child with the placement group because the resource request {'CPU': 2.0} cannot fit into any bundles for the placement group, [{'CPU': 1.0}].

                """, "\(r)")
        }
    }

    @Test("the interactive repl defines remote functions and an actor line by line and runs them on workers")
    func replTasks() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            let tty = try c.startRepl()
            #expect(tty.expect(">>> "))
            var m = tty.mark
            tty.send("import ray\r")
            #expect(tty.expect(">>> ", after: m))
            m = tty.mark
            tty.send("@ray.remote\r")
            tty.send("def square(x):\r")
            tty.send("    return x * x\r")
            tty.send("\r")
            #expect(tty.expect(">>> ", after: m), "\(tty.output)")
            m = tty.mark
            tty.send("offset = 10\r")
            #expect(tty.expect(">>> ", after: m))
            m = tty.mark
            tty.send("@ray.remote\r")
            tty.send("def shifted(x):\r")
            tty.send("    return ray.get(square.remote(x)) + offset\r")
            tty.send("\r")
            #expect(tty.expect(">>> ", after: m), "\(tty.output)")
            m = tty.mark
            tty.send("ray.get([square.remote(i) for i in range(4)])\r")
            #expect(tty.expect("[0, 1, 4, 9]\r\n>>> ", within: 30, after: m), "\(tty.output)")
            m = tty.mark
            tty.send("ray.get(shifted.remote(3))\r")
            #expect(tty.expect("19\r\n>>> ", within: 30, after: m), "\(tty.output)")
            // An actor defined at the prompt keeps its state between calls and runs tasks itself.
            m = tty.mark
            tty.send("@ray.remote\r")
            tty.send("class Tally:\r")
            tty.send("    def __init__(self):\r")
            tty.send("        self.n = offset\r")
            tty.send("    def add(self, k):\r")
            tty.send("        self.n += ray.get(square.remote(k))\r")
            tty.send("        return self.n\r")
            tty.send("\r")
            #expect(tty.expect(">>> ", after: m), "\(tty.output)")
            m = tty.mark
            tty.send("t = Tally.remote()\r")
            #expect(tty.expect(">>> ", after: m))
            m = tty.mark
            tty.send("[ray.get(t.add.remote(k)) for k in (1, 2, 3)]\r")
            #expect(tty.expect("[11, 15, 24]\r\n>>> ", within: 30, after: m), "\(tty.output)")
            tty.send("\u{04}")
            #expect(tty.waitForExit(within: 15) == 0)
        }
    }
}

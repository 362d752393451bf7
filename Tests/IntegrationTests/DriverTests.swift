import Foundation
import Testing

/// `swiftray run` and `swiftray repl` as drivers: jobs registered with the GCS, how they end,
/// bad scripts, and the interactive REPL on a pseudo-terminal.
@Suite("Drivers and jobs", .serialized)
struct DriverTests {
    @Test("two drivers one after the other get 01000000 and 02000000; a raising script leaves a FAILED job")
    func jobsInOrder() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            let ok = try c.writeScript("ok.py", """
                import ray
                ray.init()
                print(ray.get_runtime_context().get_job_id())
                print(ray.cluster_resources()["CPU"])
                print([x * x for x in range(4)])
                """)
            let first = try c.run(["run", ok])
            #expect(first.status == 0, "\(first)")
            #expect(first.stdout == "01000000\n2.0\n[0, 1, 4, 9]\n", "\(first)")
            let second = try c.run(["run", ok])
            #expect(second.stdout.hasPrefix("02000000\n"), "\(second)")
            let bad = try c.writeScript("bad.py", "import ray\nray.init()\nx = {'a': 1}\nprint(x['b'])\n")
            let third = try c.run(["run", bad])
            #expect(third.status == 1)
            #expect(third.stderr.contains("Traceback (most recent call last):\n  File \"\(bad)\", line 4, in <module>\n    print(x['b'])\nKeyError: 'b'"), "\(third)")
            let jobs = try c.run(["list", "jobs", "--format", "json"])
            #expect(jobs.stdout.contains("\"job_id\": \"01000000\""))
            #expect(jobs.stdout.contains("\"job_id\": \"03000000\""))
            let failed = try c.run(["list", "jobs", "--filter", "status=FAILED", "--format", "json"])
            #expect(failed.stdout.contains("\"job_id\": \"03000000\""), "\(failed)")
            #expect(failed.stdout.contains("KeyError"), "\(failed)")
            let succeeded = try c.run(["list", "jobs", "--filter", "status=SUCCEEDED"])
            #expect(succeeded.stdout.contains("Total: 2"), "\(succeeded)")
            #expect(succeeded.stdout.contains("swiftray run \(ok)"))
        }
    }

    @Test("a killed driver's job ends FAILED")
    func killedDriver() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "1"]).status == 0)
            let script = try c.writeScript("sleepy.py", "import ray, time\nray.init()\nprint('connected', flush=True) if False else None\ntime.sleep(60)\n")
            // Start the driver in the background so this test can kill it.
            let pid = try c.runInBackground(script)
            let running = try c.eventually(within: 10) {
                try c.run(["list", "jobs", "--filter", "status=RUNNING", "--format", "json"]).stdout.contains("01000000")
            }
            #expect(running)
            kill(pid, SIGKILL)
            let ended = try c.eventually(within: 5) {
                try c.run(["list", "jobs", "--filter", "status=FAILED", "--format", "json"]).stdout.contains("disconnected from the GCS")
            }
            #expect(ended)
        }
    }

    @Test("bad scripts: syntax error, unknown name, missing file, no cluster")
    func badScripts() throws {
        try withCluster { c in
            let syntax = try c.writeScript("syntax.py", "x = (1,\nprint(x)\n")
            let r1 = try c.run(["run", syntax])
            #expect(r1.status == 1)
            #expect(r1.stderr.contains("SyntaxError"), "\(r1)")
            let unterminated = try c.writeScript("unterminated.py", "s = 'abc\n")
            let r2 = try c.run(["run", unterminated])
            #expect(r2.status == 1)
            #expect(r2.stderr.contains("SyntaxError: unterminated string literal"), "\(r2)")
            let name = try c.writeScript("name.py", "print(undefined_name)\n")
            let r3 = try c.run(["run", name])
            #expect(r3.stderr.contains("NameError: name 'undefined_name' is not defined"), "\(r3)")
            let arity = try c.writeScript("arity.py", "def f(a, b):\n    return a\nf(1, 2, 3)\n")
            let r4 = try c.run(["run", arity])
            #expect(r4.stderr.contains("TypeError: f() takes 2 positional arguments but 3 were given"), "\(r4)")
            let missing = try c.run(["run", c.tempDir + "/missing.py"])
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("can't open file"), "\(missing)")
            let noCluster = try c.writeScript("nocluster.py", "import ray\nray.init()\n")
            let r5 = try c.run(["run", noCluster])
            #expect(r5.status == 1)
            #expect(r5.stderr.contains("ConnectionError"), "\(r5)")
            #expect(r5.stderr.contains("Could not find any running swiftray instance"), "\(r5)")
        }
    }

    @Test("repl through a pipe: no prompts, runs the program")
    func replPipe() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "1"]).status == 0)
            let program = c.tempDir + "/prog.py"
            try "import ray\nray.init()\nfor i in range(3):\n    print(i)\nprint(ray.is_initialized())\n".write(toFile: program, atomically: true, encoding: .utf8)
            let r = try c.execute("/bin/sh", ["-c", "\(c.binary) repl < \(program)"], environment: ["SWIFTRAY_TEMP_DIR": c.tempDir])
            #expect(r.status == 0, "\(r)")
            #expect(r.stdout == "0\n1\n2\nTrue\n", "\(r)")
            let jobs = try c.run(["list", "jobs", "--format", "json"])
            #expect(jobs.stdout.contains("\"entrypoint\": \"swiftray repl\""), "\(jobs)")
            #expect(jobs.stdout.contains("SUCCEEDED"))
        }
    }

    @Test("repl on a terminal: prompts, echo, blocks, completion, history, Ctrl-C, Ctrl-D")
    func replTerminal() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "1"]).status == 0)
            let tty = try c.startRepl()
            #expect(tty.expect(">>> "))
            var m = tty.mark
            tty.send("1 + 2\r")
            #expect(tty.expect("3\r\n>>> ", after: m), "\(tty.output)")
            m = tty.mark
            tty.send("for i in range(2):\r")
            #expect(tty.expect("... ", after: m))
            tty.send("    print(i * 10)\r")
            tty.send("\r")
            #expect(tty.expect("0\r\n10\r\n>>> ", after: m), "\(tty.output)")
            m = tty.mark
            tty.send("x = None\r")
            tty.send("x\r")
            #expect(tty.expect(">>> ", after: m))
            m = tty.mark
            tty.send("import ray\r")
            tty.send("ray.is_init\t")
            #expect(tty.expect("ray.is_initialized", after: m), "\(tty.output)")
            tty.send("()\r")
            #expect(tty.expect("False", after: m), "\(tty.output)")
            m = tty.mark
            tty.send("while True:\r    pass\r\r")
            usleep(500_000)
            tty.send("\u{03}")
            #expect(tty.expect("KeyboardInterrupt", after: m), "\(tty.output)")
            #expect(tty.expect(">>> ", after: m))
            m = tty.mark
            tty.send("half typed line\u{03}")
            #expect(tty.expect("KeyboardInterrupt", after: m), "after mark: \(String(tty.output[m...]).debugDescription)")
            m = tty.mark
            tty.send("x = = 1\r")
            #expect(tty.expect("SyntaxError", after: m), "\(tty.output)")
            #expect(tty.expect(">>> ", after: m))
            m = tty.mark
            tty.send("nope + 1\r")
            #expect(tty.expect("NameError: name 'nope' is not defined", after: m), "\(tty.output)")
            #expect(tty.expect(">>> ", after: m))
            m = tty.mark
            tty.send("print('still alive')\r")
            #expect(tty.expect("still alive", after: m), "\(tty.output)")
            tty.send("\u{04}")
            #expect(tty.waitForExit() == 0)
            let history = (try? String(contentsOfFile: c.tempDir + "/home/.swiftray_history", encoding: .utf8)) ?? ""
            #expect(history.contains("print('still alive')"), "history: \(history)")
            #expect(history.contains("1 + 2"))
        }
    }
}

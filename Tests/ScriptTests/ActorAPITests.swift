import Script
import Testing

/// Runs `source` as a driver against `bridge`; returns (stdout, last stderr line).
private func drive(_ source: String, _ bridge: ActorTestBridge) -> (out: String, error: String) {
    let host = RecordingHost()
    _ = Interpreter(host: host, bridge: bridge).run(source: source, filename: "driver.py")
    return (host.stdout, host.stderr.split(separator: "\n").last.map(String.init) ?? "")
}

private func option(_ spec: RemoteCallSpec?, _ key: String) -> ScriptData? {
    spec?.options.first { $0.key == .string(key) }?.value
}

@Suite struct ActorAPITests {
    @Test func getActorNeedsANonEmptyName() {
        let bridge = ActorTestBridge()
        let r = drive("import ray\nray.get_actor('')\n", bridge)
        #expect(r.error == "ValueError: Please supply a non-empty value to get_actor")
        #expect(bridge.lookups.isEmpty)
    }

    @Test func getActorChecksTheNamespace() {
        let bridge = ActorTestBridge()
        #expect(drive("import ray\nray.get_actor('a', namespace='')\n", bridge).error
                == "ValueError: \"\" is not a valid namespace. Pass None to not specify a namespace.")
        #expect(drive("import ray\nray.get_actor('a', namespace=3)\n", bridge).error == "TypeError: namespace must be None or a string.")
        #expect(bridge.lookups.isEmpty)
    }

    @Test func getActorReportsAMissingActor() {
        let bridge = ActorTestBridge()
        let r = drive("import ray\nray.get_actor('ghost', namespace='other')\n", bridge)
        #expect(r.error == "ValueError: Failed to look up actor with name 'ghost'. This could because 1. You are trying to look up a named actor you didn't create. 2. The named actor died. 3. You did not use a namespace matching the namespace of the actor.")
        #expect(bridge.lookups.map(\.0) == ["ghost"])
        #expect(bridge.lookups.map(\.1) == ["other"])
    }

    @Test func getActorReturnsTheHandle() {
        let bridge = ActorTestBridge()
        bridge.named["counter"] = .actorHandle(id: "abc123", className: "Counter", methods: ["incr"])
        let r = drive("""
        import ray
        c = ray.get_actor("counter")
        print(c)
        c.incr.remote(2)
        print(hasattr(c, "decr"))
        """, bridge)
        #expect(r.error == "")
        #expect(r.out == "Actor(Counter, abc123)\nFalse\n")
        #expect(bridge.lookups.first?.1 == nil)
        #expect(bridge.calls.first?.name == "Counter.incr")
        #expect(bridge.calls.first?.actorID == "abc123")
        #expect(bridge.calls.first?.arguments == [.int(2)])
    }

    @Test func runtimeContextReportsTheActorID() {
        let bridge = ActorTestBridge()
        let source = "import ray\nprint(ray.get_runtime_context().get_actor_id())\n"
        #expect(drive(source, bridge).out == "None\n")
        bridge.actorID = "f00d"
        #expect(drive(source, bridge).out == "f00d\n")
    }

    @Test func killDefaultsToNoRestart() {
        let bridge = ActorTestBridge()
        let r = drive("""
        import ray
        @ray.remote
        class A:
            def f(self):
                return 1
        a = A.remote()
        ray.kill(a)
        ray.kill(a, no_restart=False)
        """, bridge)
        #expect(r.error == "")
        #expect(bridge.kills.map(\.0) == ["ac1", "ac1"])
        #expect(bridge.kills.map(\.1) == [true, false])
    }

    @Test func actorOptionsPassThroughUnchanged() {
        let bridge = ActorTestBridge()
        let r = drive("""
        import ray
        @ray.remote(concurrency_groups={"io": 2, "compute": 4}, num_cpus=0.5)
        class A:
            def f(self):
                return 1
        a = A.options(name="a", namespace="ns2", lifetime="detached", max_restarts=2, max_task_retries=-1,
                      max_concurrency=10, scheduling_strategy="SPREAD", num_gpus=0, resources={"R": 1},
                      get_if_exists=True).remote()
        a.f.options(concurrency_group="compute").remote()
        a.f.remote()
        """, bridge)
        #expect(r.error == "")
        let created = bridge.created.first
        #expect(created?.options.map(\.key) == ["concurrency_groups", "num_cpus", "name", "namespace", "lifetime", "max_restarts",
                                                 "max_task_retries", "max_concurrency", "scheduling_strategy", "num_gpus",
                                                 "resources", "get_if_exists"].map { .string($0) })
        #expect(option(created, "concurrency_groups") == .dict([ScriptDataEntry(.string("io"), .int(2)), ScriptDataEntry(.string("compute"), .int(4))]))
        #expect(option(created, "num_cpus") == .float(0.5))
        #expect(option(created, "max_task_retries") == .int(-1))
        #expect(option(created, "resources") == .dict([ScriptDataEntry(.string("R"), .int(1))]))
        #expect(option(created, "get_if_exists") == .bool(true))
        #expect(option(bridge.calls.first, "concurrency_group") == .string("compute"))
        #expect(bridge.calls.last?.options == [])
    }

    @Test func handlesListDecoratedAndAsyncMethods() {
        let bridge = ActorTestBridge()
        let r = drive("""
        import ray
        import functools

        def logged(f):
            @functools.wraps(f)
            def inner(*args, **kwargs):
                return f(*args, **kwargs)
            return inner

        class Base:
            def inherited(self):
                return 0

        @ray.remote
        class A(Base):
            @ray.method(num_returns=1)
            def annotated(self):
                return 1

            @ray.method
            def bare(self):
                return 2

            @ray.method(concurrency_group="io")
            @logged
            def wrapped(self):
                return 3

            async def coro(self):
                return 4

            @staticmethod
            def helper():
                return 5

            @property
            def prop(self):
                return 6

            def __secret__(self):
                return 7

        @ray.remote
        def describe(h):
            return 0

        a = A.remote()
        describe.remote(a)
        """, bridge)
        #expect(r.error == "")
        guard case .actorHandle(_, _, let methods)? = bridge.submitted.first?.arguments.first else {
            Issue.record("no handle was passed")
            return
        }
        #expect(methods == ["annotated", "bare", "coro", "helper", "wrapped", "inherited"])
    }
}

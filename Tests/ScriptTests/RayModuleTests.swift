import Testing
import Script

/// The `ray` module surface against a fake bridge.
@Suite struct RayModuleTests {
    @Test func initAndRuntimeContext() {
        let bridge = FakeBridge()
        let r = runScript("""
        import ray
        print(ray.is_initialized())
        ctx = ray.init(namespace="demo", num_cpus=3)
        print(ray.is_initialized(), ctx.namespace, ctx.job_id)
        rc = ray.get_runtime_context()
        print(rc.get_job_id(), rc.get_node_id(), rc.namespace)
        ray.shutdown()
        print(ray.is_initialized())
        """, bridge: bridge)
        #expect(r.stderr == "")
        #expect(r.stdout == "False\nTrue demo 01000000\n01000000 ab12 demo\nFalse\n")
        #expect(bridge.connects.count == 1)
        #expect(bridge.connects[0].namespace == "demo")
        #expect(bridge.connects[0].implicit == false)
        #expect(bridge.connects[0].extra == [ScriptDataEntry(.string("num_cpus"), .int(3))])
        #expect(bridge.shutdowns == 1)
    }

    @Test func implicitInitOnFirstClusterCall() {
        let bridge = FakeBridge()
        let r = runScript("import ray\nprint(ray.cluster_resources())\nprint(ray.available_resources(), ray.nodes())\n", bridge: bridge)
        #expect(r.stderr == "")
        #expect(r.stdout == "{'CPU': 4.0, 'memory': 1000000000.0}\n{'CPU': 3.0} [{'NodeID': 'ab12', 'Alive': True}]\n")
        #expect(bridge.connects.count == 1)
        #expect(bridge.connects[0].implicit)
    }

    @Test func doubleInit() {
        let r = runScript("import ray\nray.init()\nray.init(ignore_reinit_error=True)\nray.init()\n")
        #expect(lastErrorLine(r) == "RuntimeError: Maybe you called ray.init twice by accident? This error can be suppressed by passing in 'ignore_reinit_error=True' or by calling 'ray.shutdown()' prior to 'ray.init()'.")
    }

    @Test func noClusterIsAClearError() {
        let bridge = FakeBridge()
        bridge.fail = BridgeError("ConnectionError", "Could not find any running swiftray instance. Please specify the one to connect to by setting `--address` flag or `SWIFTRAY_ADDRESS` environment variable.")
        let r = runScript("import ray\nray.init()\n", bridge: bridge)
        #expect(r.status == 1)
        #expect(lastErrorLine(r) == "ConnectionError: Could not find any running swiftray instance. Please specify the one to connect to by setting `--address` flag or `SWIFTRAY_ADDRESS` environment variable.")
    }

    @Test func remoteDecoratorsAndOptions() {
        let r = runScript("""
        import ray

        @ray.remote
        def f(x):
            return x

        @ray.remote(num_cpus=2, num_gpus=0.5)
        class Actor:
            def __init__(self):
                self.v = 0
            @ray.method(num_returns=1)
            def get(self):
                return self.v

        g = f.options(num_cpus=3, scheduling_strategy="SPREAD")
        print(type(f).__name__, type(g).__name__, type(Actor).__name__)
        try:
            f(1)
        except TypeError as e:
            print(e)
        try:
            Actor()
        except TypeError as e:
            print(e)
        try:
            Actor.options(max_concurrency=2).remote()
        except NotImplementedError as e:
            print("NotImplementedError:", e)
        """)
        #expect(r.stderr == "")
        #expect(r.stdout == """
        RemoteFunction RemoteFunction ActorClass
        Remote functions cannot be called directly. Instead of running '__main__.f()', try '__main__.f.remote()'.
        Actors cannot be instantiated directly. Instead of 'Actor()', use 'Actor.remote()'.
        NotImplementedError: actors is not supported by swiftray yet

        """)
    }

    @Test func exceptionsModule() {
        let r = runScript("""
        import ray
        from ray.exceptions import GetTimeoutError, RayActorError, ActorDiedError, RayTaskError, OwnerDiedError, TaskPlacementGroupRemoved
        print(issubclass(GetTimeoutError, TimeoutError), issubclass(GetTimeoutError, ray.exceptions.RayError))
        print(issubclass(ActorDiedError, RayActorError), issubclass(OwnerDiedError, ray.exceptions.ObjectLostError))
        try:
            raise GetTimeoutError("Get timed out")
        except TimeoutError as e:
            print(type(e).__name__, e)
        """)
        #expect(r.stderr == "")
        #expect(r.stdout == "True True\nTrue True\nGetTimeoutError Get timed out\n")
    }

    @Test func schedulingStrategyValueObjects() {
        let r = runScript("""
        import ray
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy, PlacementGroupSchedulingStrategy
        s = ray.util.scheduling_strategies.NodeAffinitySchedulingStrategy(node_id=ray.get_runtime_context().get_node_id(), soft=False)
        print(s.node_id, s.soft, s._spill_on_unavailable)
        p = PlacementGroupSchedulingStrategy(placement_group=None, placement_group_bundle_index=0)
        print(p.placement_group_bundle_index, p.placement_group_capture_child_tasks)
        NodeAffinitySchedulingStrategy(node_id="x")
        """)
        #expect(r.stdout == "ab12 False False\n0 None\n")
        #expect(lastErrorLine(r) == "TypeError: NodeAffinitySchedulingStrategy.__init__() missing 1 required positional argument: 'soft'")
    }

    @Test func placementGroupsGoThroughTheBridge() {
        // Bundle validation happens in the bridge (the runtime's BundleValidation); the script
        // only refuses a non-list. The fake bridge has no placement groups.
        let r = runScript("""
        from ray.util.placement_group import placement_group, placement_group_table, remove_placement_group
        import ray
        try:
            placement_group({"CPU": 1})
        except ValueError as e:
            print(e)
        pg = placement_group([{"CPU": 1, "GPU": 1}])
        """)
        #expect(r.stdout == "Placement group bundles must be a list, got <class 'dict'>.\n")
        #expect(lastErrorLine(r) == "NotImplementedError: placement groups is not supported by swiftray yet")
    }

    @Test func rayTaskErrorDerivesFromTheCause() {
        let bridge = FakeBridge()
        bridge.fail = BridgeError("RayTaskError(ZeroDivisionError)", "ray::bad() (pid=1, ip=127.0.0.1)\nZeroDivisionError: division by zero")
        let r = runScript("""
        import ray
        from ray.exceptions import RayTaskError
        try:
            ray.init()
        except ZeroDivisionError as e:
            print(isinstance(e, RayTaskError), type(e).__name__)
        ray.init()
        """, bridge: bridge)
        #expect(r.stdout == "True RayTaskError(ZeroDivisionError)\n")
        #expect(r.stderr.hasSuffix("ray.exceptions.RayTaskError(ZeroDivisionError): ray::bad() (pid=1, ip=127.0.0.1)\nZeroDivisionError: division by zero\n"))
    }

    @Test func getPutWaitAreHooks() {
        #expect(lastErrorLine(runScript("import ray\nray.put(1)\n")) == "NotImplementedError: ray.put is not supported by swiftray yet")
        #expect(lastErrorLine(runScript("import ray\nray.get(5)\n")) == "TypeError: Attempting to call `get` on the value 5, which is not an ray.ObjectRef.")
    }
}

@Suite struct ConnectionStateTests {
    @Test func connectionIsVisibleToTheCLI() {
        let host = RecordingHost()
        let i = Interpreter(host: host, bridge: FakeBridge())
        #expect(i.run(source: "x = 1\n", filename: "a.py") == 0)
        #expect(i.connection == nil)
        #expect(i.run(source: "import ray\nray.init(namespace='n')\nraise ValueError('boom')\n", filename: "b.py") == 1)
        #expect(i.connection?.jobID == "01000000")
        #expect(i.connection?.namespace == "n")
    }
}

import Foundation

/// The driver program every `load-test` driver runs (`swiftray run <script> <index>`), written in
/// the driver language. Until `deadline` (seconds since the Unix epoch, the same for every
/// driver) it loops: create a placement group of one or two small CPU bundles (PACK or SPREAD,
/// drawn from `random` seeded with the driver's index), wait until it is ready, remove it,
/// submit a small task and get its result, timing each call with `time.time()`. Every call's
/// failure is caught and counted, so the driver always ends with its summary: up to five
/// `SWIFTRAY_LOAD_ERROR <operation>: <type>: <message>` lines, then exactly one line
/// `SWIFTRAY_LOAD_SUMMARY errors=<n> create=<count>:<ms>,<ms>,… ready=… remove=… submit=… get=…`
/// (`LoadTestDriverSummary` parses it). The language has no `json` module, hence the format.
struct LoadTestScript: Sendable {
    /// When drivers stop starting rounds, in seconds since the Unix epoch.
    var deadline: Double
    /// How long `ray.get(pg.ready())` may wait, in seconds.
    var readyTimeout: Double
    /// How long `ray.get` of a task's result may wait, in seconds.
    var taskTimeout: Double
    /// `num_cpus` of the task.
    var taskCPUs: Double

    var source: String {
        """
        import random
        import sys
        import time

        import ray
        from ray.util.placement_group import placement_group, remove_placement_group

        DEADLINE = \(String(format: "%.3f", deadline))
        READY_TIMEOUT = \(readyTimeout)
        TASK_TIMEOUT = \(taskTimeout)
        random.seed(int(sys.argv[1]) + 1)


        @ray.remote(num_cpus=\(taskCPUs), max_retries=0)
        def load_test_echo(x):
            return x + 1


        ray.init()
        KINDS = ["create", "ready", "remove", "submit", "get"]
        latencies = {}
        for kind in KINDS:
            latencies[kind] = []
        errors = []


        def timed(kind, t0):
            latencies[kind].append((time.time() - t0) * 1000.0)


        def failed(kind, e):
            errors.append(kind + ": " + type(e).__name__ + ": " + str(e))


        i = 0
        while time.time() < DEADLINE:
            bundles = [{"CPU": random.choice([0.05, 0.1])} for _ in range(random.randint(1, 2))]
            strategy = random.choice(["PACK", "SPREAD"])
            pg = None
            t0 = time.time()
            try:
                pg = placement_group(bundles, strategy=strategy)
                timed("create", t0)
            except Exception as e:
                failed("create", e)
            if pg is not None:
                t0 = time.time()
                try:
                    ray.get(pg.ready(), timeout=READY_TIMEOUT)
                    timed("ready", t0)
                except Exception as e:
                    failed("ready", e)
                t0 = time.time()
                try:
                    remove_placement_group(pg)
                    timed("remove", t0)
                except Exception as e:
                    failed("remove", e)
            ref = None
            t0 = time.time()
            try:
                ref = load_test_echo.remote(i)
                timed("submit", t0)
            except Exception as e:
                failed("submit", e)
            if ref is not None:
                t0 = time.time()
                try:
                    value = ray.get(ref, timeout=TASK_TIMEOUT)
                    if value != i + 1:
                        raise ValueError("the task returned " + repr(value) + ", expected " + repr(i + 1))
                    timed("get", t0)
                except Exception as e:
                    failed("get", e)
            i += 1

        for e in errors[:5]:
            print("\(LoadTestDriverSummary.errorPrefix) " + e.replace("\\n", " "))
        fields = ["\(LoadTestDriverSummary.prefix)", "errors=" + str(len(errors))]
        for kind in KINDS:
            fields.append(kind + "=" + str(len(latencies[kind])) + ":" + ",".join(["%.3f" % ms for ms in latencies[kind]]))
        print(" ".join(fields))

        """
    }
}

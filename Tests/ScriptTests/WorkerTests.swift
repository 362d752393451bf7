import Testing
import Script

/// A bridge that records submitted calls and answers `ray.get` from a worker interpreter,
/// so the driver → definition export → worker execution path is tested end to end.
final class LoopbackBridge: ClusterBridge {
    let worker = Interpreter(host: RecordingHost(), bridge: FakeBridge())
    var specs: [RemoteCallSpec] = []
    var results: [String: ScriptData] = [:]
    var failures: [String: TaskFailure] = [:]
    var counter = 0

    func connect(_ options: ConnectOptions) throws -> JobConnection {
        JobConnection(jobID: "01000000", namespace: "ns", nodeID: "n1", address: "a")
    }
    func shutdown() throws {}
    func clusterResources() throws -> [ScriptDataEntry] { [] }
    func availableResources() throws -> [ScriptDataEntry] { [] }
    func nodes() throws -> [ScriptData] { [] }

    func record(_ outcome: TaskOutcome) -> String {
        counter += 1
        let id = String(counter)
        switch outcome {
        case .value(let v): results[id] = v
        case .failure(let f): failures[id] = f
        }
        return id
    }

    func submitTask(_ spec: RemoteCallSpec) throws -> [String] {
        specs.append(spec)
        return [record(worker.executeTask(spec))]
    }
    func createActor(_ spec: RemoteCallSpec) throws -> String {
        specs.append(spec)
        let id = "actor\(specs.count)"
        if case .failure(let f) = worker.createActorInstance(spec, actorID: id) { throw BridgeError(f.typeName, f.message) }
        return id
    }
    func callActorMethod(_ spec: RemoteCallSpec) throws -> [String] {
        specs.append(spec)
        return [record(worker.executeActorMethod(spec))]
    }
    func get(_ objectIDs: [String], timeout: Double?) throws -> [ScriptData] {
        try objectIDs.map { id in
            if let f = failures[id] { throw BridgeError("RayTaskError", "\(f.typeName): \(f.message)") }
            return results[id] ?? .none
        }
    }
}

@Suite struct WorkerTests {
    @Test func definitionSourceIsTheModulesDefinitionsRewrapped() {
        let bridge = LoopbackBridge()
        let host = RecordingHost()
        let i = Interpreter(host: host, bridge: bridge)
        let status = i.run(source: """
        import ray
        from typing import List

        ray.init()

        @ray.remote
        def square(x: int) -> int:
            \"\"\"Squares.\"\"\"
            return x * x

        if __name__ == "__main__":
            futures: List[ray.ObjectRef] = [square.remote(i) for i in range(4)]
            results: List[int] = ray.get(futures)
            print(f"The final result is: {results}")
        """, filename: "driver.py")
        #expect(host.stderr == "")
        #expect(status == 0)
        #expect(host.stdout == "The final result is: [0, 1, 4, 9]\n")
        #expect(bridge.specs.first?.definitionSource == """
        import ray
        from typing import List
        def square(x: int) -> int:
            \"\"\"Squares.\"\"\"
            return x * x
        square = __swiftray_remote__(square, {})

        """)
    }

    @Test func actorsRunOnTheWorkerInterpreter() {
        let bridge = LoopbackBridge()
        let host = RecordingHost()
        let i = Interpreter(host: host, bridge: bridge)
        _ = i.run(source: """
        import ray

        @ray.remote
        class Counter:
            def __init__(self):
                self.value = 0

            def add(self, addition):
                self.value += addition
                return self.value

        counter = Counter.remote()
        value0 = counter.add.remote(1)
        value1 = counter.add.remote(2)
        print(ray.get(value0))
        print(ray.get(value1))
        """, filename: "actor.py")
        #expect(host.stderr == "")
        #expect(host.stdout == "1\n3\n")
    }

    @Test func actorHandlesTravelAsData() {
        let bridge = LoopbackBridge()
        let host = RecordingHost()
        let i = Interpreter(host: host, bridge: bridge)
        _ = i.run(source: """
        import ray

        @ray.remote
        class Counter:
            def get(self):
                return 0

        @ray.remote
        def describe(handle):
            return repr(handle) + " " + str(hasattr(handle, "get")) + " " + str(hasattr(handle, "nope"))

        c = Counter.remote()
        print(ray.get(describe.remote(c)))
        """, filename: "h.py")
        #expect(host.stderr == "")
        #expect(host.stdout == "Actor(Counter, actor1) True False\n")
        #expect(bridge.specs[1].arguments == [.actorHandle(id: "actor1", className: "Counter", methods: ["get"])])
    }

    @Test func taskFailuresCarryTheTraceback() {
        let bridge = LoopbackBridge()
        let host = RecordingHost()
        let i = Interpreter(host: host, bridge: bridge)
        let status = i.run(source: "import ray\n@ray.remote\ndef bad():\n    return 1 / 0\nray.get(bad.remote())\n", filename: "t.py")
        #expect(status == 1)
        #expect(host.stderr.hasSuffix("RayTaskError: ZeroDivisionError: division by zero\n"))
        let failure = bridge.failures.values.first
        #expect(failure?.typeName == "ZeroDivisionError")
        #expect(failure?.traceback.contains("in bad\n    return 1 / 0\n") == true)
    }
}

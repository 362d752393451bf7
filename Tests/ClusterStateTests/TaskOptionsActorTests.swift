import ClusterState
import Testing

private let actorKeys = "['accelerator_type', 'memory', 'name', 'num_cpus', 'num_gpus', 'placement_group', 'placement_group_bundle_index', 'placement_group_capture_child_tasks', 'resources', 'runtime_env', 'scheduling_strategy', 'concurrency_groups', 'lifetime', 'max_concurrency', 'max_restarts', 'max_task_retries', 'max_pending_calls', 'namespace', 'get_if_exists']"
private let lifetimeMessage = "actor `lifetime` argument must be one of 'detached', 'non_detached' and 'None'."
private let taskRetries = "'max_task_retries' cannot be set if 'max_restarts' is 0 or if 'max_restarts' is not set."

@Suite("TaskOptionsParser: actors")
struct TaskOptionsActorTests {
    static let accepted: [AcceptedResources] = [
        AcceptedResources(label: "no options: placed with a CPU, holds nothing", options: [],
                          placement: OptsFixture.cpu1, lifetime: ResourceSet()),
        AcceptedResources(label: "num_cpus=None is no option", options: [("num_cpus", nil)],
                          placement: OptsFixture.cpu1, lifetime: ResourceSet()),
        AcceptedResources(label: "runtime_env is no resource", options: [("runtime_env", [:])],
                          placement: OptsFixture.cpu1, lifetime: ResourceSet()),
        AcceptedResources(label: "num_gpus=0.5: CPU defaults to 1 for life", options: [("num_gpus", 0.5)],
                          placement: OptsFixture.set(["CPU": 1, "GPU": 0.5]), lifetime: OptsFixture.set(["CPU": 1, "GPU": 0.5])),
        AcceptedResources(label: "num_gpus=0 still counts as given", options: [("num_gpus", 0)],
                          placement: OptsFixture.cpu1, lifetime: OptsFixture.cpu1),
        AcceptedResources(label: "num_cpus=2", options: [("num_cpus", 2)],
                          placement: OptsFixture.set(["CPU": 2]), lifetime: OptsFixture.set(["CPU": 2])),
        AcceptedResources(label: "num_cpus=0: nothing at all", options: [("num_cpus", 0)],
                          placement: ResourceSet(), lifetime: ResourceSet()),
        AcceptedResources(label: "resources={'foo': 0} counts as given", options: [("resources", ["foo": 0])],
                          placement: OptsFixture.cpu1, lifetime: OptsFixture.cpu1),
        AcceptedResources(label: "a custom resource", options: [("resources", ["foo": 1])],
                          placement: OptsFixture.set(["CPU": 1, "foo": 1]), lifetime: OptsFixture.set(["CPU": 1, "foo": 1])),
        AcceptedResources(label: "memory only: held for life, placed with a CPU more", options: [("memory", 1e9)],
                          placement: OptsFixture.set(["CPU": 1, "memory": 1e9]), lifetime: OptsFixture.set(["memory": 1e9])),
        AcceptedResources(label: "memory and a GPU", options: [("memory", 1000), ("num_gpus", 1)],
                          placement: OptsFixture.set(["CPU": 1, "GPU": 1, "memory": 1000]),
                          lifetime: OptsFixture.set(["CPU": 1, "GPU": 1, "memory": 1000])),
        AcceptedResources(label: "accelerator_type counts as given", options: [("accelerator_type", "T4")],
                          placement: OptsFixture.set(["CPU": 1, "accelerator_type:T4": 0.001]),
                          lifetime: OptsFixture.set(["CPU": 1, "accelerator_type:T4": 0.001])),
        AcceptedResources(label: ".options(num_cpus=None) undoes the decorator's", options: [("num_cpus", 2)],
                          overrides: [("num_cpus", nil)], placement: OptsFixture.cpu1, lifetime: ResourceSet()),
        AcceptedResources(label: ".options() adds a GPU to the decorator's CPUs", options: [("num_cpus", 2)],
                          overrides: [("num_gpus", 1)], placement: OptsFixture.set(["CPU": 2, "GPU": 1]),
                          lifetime: OptsFixture.set(["CPU": 2, "GPU": 1])),
    ]

    @Test("placement and lifetime requests", arguments: accepted)
    func resources(_ c: AcceptedResources) throws {
        let a = try TaskOptionsParser.actor(c.options, overrides: c.overrides)
        #expect(a.placementResources == c.placement)
        #expect(a.lifetimeResources == c.lifetime)
    }

    @Test("num_gpus=0.5 prints as Ray's request")
    func gpuActorDescription() throws {
        let a = try TaskOptionsParser.actor([("num_gpus", 0.5)])
        #expect(a.placementResources.description == "{'CPU': 1.0, 'GPU': 0.5}")
        #expect(a.lifetimeResources.description == "{'CPU': 1.0, 'GPU': 0.5}")
    }

    static let rejected: [RejectedOptions] = [
        RejectedOptions(label: "task-only keyword", options: [("max_retries", 1)],
                        error: .invalidRecord("Invalid option keyword max_retries for actors. Valid ones are \(actorKeys).")),
        RejectedOptions(label: "misspelt keyword", options: [("lifetme", "detached")],
                        error: .invalidRecord("Invalid option keyword lifetme for actors. Valid ones are \(actorKeys).")),
        RejectedOptions(label: "lifetime 'forever'", options: [("lifetime", "forever")], error: .invalidRecord(lifetimeMessage)),
        RejectedOptions(label: "lifetime 'Detached'", options: [("lifetime", "Detached")], error: .invalidRecord(lifetimeMessage)),
        RejectedOptions(label: "lifetime True", options: [("lifetime", true)],
                        error: .invalidType("The type of keyword 'lifetime' must be (<class 'str'>, <class 'NoneType'>), but received type <class 'bool'>")),
        RejectedOptions(label: "max_restarts -2", options: [("max_restarts", -2)],
                        error: .invalidRecord("The keyword 'max_restarts' only accepts None, 0, -1 or a positive integer, where -1 represents infinity.")),
        RejectedOptions(label: "max_task_retries -2", options: [("max_restarts", 1), ("max_task_retries", -2)],
                        error: .invalidRecord("The keyword 'max_task_retries' only accepts None, 0, -1 or a positive integer, where -1 represents infinity.")),
        RejectedOptions(label: "max_pending_calls -3", options: [("max_pending_calls", -3)],
                        error: .invalidRecord("The keyword 'max_pending_calls' only accepts None, 0, -1 or a positive integer, where -1 represents infinity.")),
        RejectedOptions(label: "max_concurrency -1", options: [("max_concurrency", -1)],
                        error: .invalidRecord("The keyword 'max_concurrency' only accepts None, 0 or a positive integer.")),
        RejectedOptions(label: "max_concurrency a string", options: [("max_concurrency", "4")],
                        error: .invalidType("The type of keyword 'max_concurrency' must be (<class 'int'>, <class 'NoneType'>), but received type <class 'str'>")),
        RejectedOptions(label: "max_task_retries without max_restarts", options: [("max_task_retries", 1)],
                        error: .invalidRecord(taskRetries)),
        RejectedOptions(label: "max_task_retries with max_restarts=0", options: [("max_restarts", 0), ("max_task_retries", -1)],
                        error: .invalidRecord(taskRetries)),
        RejectedOptions(label: "get_if_exists without a name", options: [("get_if_exists", true)],
                        error: .invalidRecord("The actor name must be specified to use `get_if_exists`.")),
        RejectedOptions(label: "get_if_exists with an empty name", options: [("get_if_exists", true), ("name", "")],
                        error: .invalidRecord("The actor name must be specified to use `get_if_exists`.")),
        RejectedOptions(label: "get_if_exists an int", options: [("get_if_exists", 1), ("name", "a")],
                        error: .invalidType("The type of keyword 'get_if_exists' must be <class 'bool'>, but received type <class 'int'>")),
        RejectedOptions(label: "empty name", options: [("name", "")],
                        error: .invalidRecord("Actor name cannot be an empty string.")),
        RejectedOptions(label: "name not a string", options: [("name", 1)],
                        error: .invalidType("The type of keyword 'name' must be (<class 'str'>, <class 'NoneType'>), but received type <class 'int'>")),
        RejectedOptions(label: "empty namespace", options: [("name", "a"), ("namespace", "")],
                        error: .invalidRecord("\"\" is not a valid namespace. Pass None to not specify a namespace.")),
        RejectedOptions(label: "namespace not a string", options: [("namespace", 2)],
                        error: .invalidType("The type of keyword 'namespace' must be (<class 'str'>, <class 'NoneType'>), but received type <class 'int'>")),
        RejectedOptions(label: "concurrency_groups in .options()", options: [], overrides: [("concurrency_groups", ["io": 2])],
                        error: .invalidRecord("Setting 'concurrency_groups' is not supported in '.options()'.")),
        RejectedOptions(label: "concurrency_groups a string", options: [("concurrency_groups", "io")],
                        error: .invalidType("The type of keyword 'concurrency_groups' must be (<class 'list'>, <class 'dict'>, <class 'NoneType'>), but received type <class 'str'>")),
        RejectedOptions(label: "fractional GPUs above 1", options: [("num_gpus", 1.5)],
                        error: .invalidResource("GPU resource quantities >1 must be whole numbers. The specified quantity 1.5 is invalid.")),
        RejectedOptions(label: "CPU in resources", options: [("resources", ["CPU": 2])],
                        error: .invalidResource("Use the 'num_cpus' and 'num_gpus' keyword instead of 'CPU' and 'GPU' in 'resources' keyword")),
        RejectedOptions(label: "negative memory", options: [("memory", -5)],
                        error: .invalidResource("The quantity of resource memory cannot be negative")),
    ]

    @Test("rejections carry the exact error", arguments: rejected)
    func rejects(_ c: RejectedOptions) {
        #expect(thrownError { _ = try TaskOptionsParser.actor(c.options, overrides: c.overrides) } == c.error)
    }

    @Test("defaults: no restarts or retries, default concurrency, unlimited pending calls, anonymous")
    func defaults() throws {
        let a = try TaskOptionsParser.actor([])
        #expect(a == ActorOptions())
        #expect(a.maxRestarts == 0)
        #expect(a.maxTaskRetries == 0)
        #expect(a.maxConcurrency == nil)
        #expect(a.maxPendingCalls == -1)
        #expect(a.lifetime == nil)
        #expect(!a.isDetached)
        #expect(a.name == nil)
        #expect(a.namespace == nil)
        #expect(!a.getIfExists)
        #expect(a.strategy == .default)
    }

    @Test("every scalar option lands in its field")
    func fields() throws {
        let a = try TaskOptionsParser.actor([("max_restarts", -1), ("max_task_retries", 2), ("max_concurrency", 8),
                                             ("max_pending_calls", 10), ("lifetime", "detached"), ("name", "counter"),
                                             ("namespace", "ns"), ("get_if_exists", true), ("concurrency_groups", ["io": 2])])
        #expect(a.maxRestarts == -1)
        #expect(a.maxTaskRetries == 2)
        #expect(a.maxConcurrency == 8)
        #expect(a.maxPendingCalls == 10)
        #expect(a.lifetime == .detached)
        #expect(a.isDetached)
        #expect(a.name == "counter")
        #expect(a.namespace == "ns")
        #expect(a.getIfExists)
    }

    @Test("lifetime: detached, non_detached or None", arguments: [
        (PyValue.str("detached"), ActorLifetime?.some(.detached)),
        (.str("non_detached"), .some(.nonDetached)),
        (.none, nil),
    ])
    func lifetimes(value: PyValue, expected: ActorLifetime?) throws {
        #expect(try TaskOptionsParser.actor([("lifetime", value)]).lifetime == expected)
    }

    @Test(".options() keeps the decorator's other options and may not drop concurrency_groups")
    func overrides() throws {
        let a = try TaskOptionsParser.actor([("max_restarts", 2), ("name", "a"), ("concurrency_groups", ["io": 2])],
                                            overrides: [("name", "b"), ("max_task_retries", 1)])
        // .options() is validated with the decorator's options merged in, so max_restarts counts.
        #expect(a.maxRestarts == 2)
        #expect(a.maxTaskRetries == 1)
        #expect(a.name == "b")
    }

    @Test("None counts as unset for max_restarts and max_task_retries")
    func restartsNone() throws {
        #expect(thrownError { _ = try TaskOptionsParser.actor([("max_restarts", nil), ("max_task_retries", 3)]) }
                == .invalidRecord(taskRetries))
        let a = try TaskOptionsParser.actor([("max_restarts", nil), ("max_task_retries", nil)])
        #expect(a.maxRestarts == 0)
        #expect(a.maxTaskRetries == 0)
        let b = try TaskOptionsParser.actor([("max_restarts", 1), ("max_task_retries", nil)])
        #expect(b.maxRestarts == 1)
    }
}

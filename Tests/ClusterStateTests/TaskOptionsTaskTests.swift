import ClusterState
import Testing

private let taskKeys = "['accelerator_type', 'memory', 'name', 'num_cpus', 'num_gpus', 'placement_group', 'placement_group_bundle_index', 'placement_group_capture_child_tasks', 'resources', 'runtime_env', 'scheduling_strategy', 'max_calls', 'max_retries', 'num_returns', 'retry_exceptions']"
private let useKeywords = "Use the 'num_cpus' and 'num_gpus' keyword instead of 'CPU' and 'GPU' in 'resources' keyword"
private let resourceTypes = "(<class 'float'>, <class 'int'>, <class 'NoneType'>)"

@Suite("TaskOptionsParser: remote functions")
struct TaskOptionsTaskTests {
    static let rejected: [RejectedOptions] = [
        // Unknown keywords.
        RejectedOptions(label: "misspelt keyword", options: [("num_cpu", 1)],
                        error: .invalidRecord("Invalid option keyword num_cpu for remote functions. Valid ones are \(taskKeys).")),
        RejectedOptions(label: "actor-only keyword", options: [("max_restarts", 1)],
                        error: .invalidRecord("Invalid option keyword max_restarts for remote functions. Valid ones are \(taskKeys).")),
        RejectedOptions(label: "unknown keyword in .options()", options: [], overrides: [("lifetime", "detached")],
                        error: .invalidRecord("Invalid option keyword lifetime for remote functions. Valid ones are \(taskKeys).")),
        // Negative quantities.
        RejectedOptions(label: "negative num_cpus", options: [("num_cpus", -1)],
                        error: .invalidResource("The quantity of resource num_cpus cannot be negative")),
        RejectedOptions(label: "negative num_gpus", options: [("num_gpus", -0.5)],
                        error: .invalidResource("The quantity of resource num_gpus cannot be negative")),
        RejectedOptions(label: "negative memory", options: [("memory", -1)],
                        error: .invalidResource("The quantity of resource memory cannot be negative")),
        RejectedOptions(label: "negative custom", options: [("resources", ["foo": -1])],
                        error: .invalidResource("The quantity of resource foo cannot be negative")),
        RejectedOptions(label: "minus infinity", options: [("num_cpus", .float(-.infinity))],
                        error: .invalidResource("The quantity of resource num_cpus cannot be negative")),
        // Precision.
        RejectedOptions(label: "num_cpus below 0.0001", options: [("num_cpus", 0.00001)],
                        error: .invalidResource("The precision of the fractional quantity of resource num_cpus cannot go beyond 0.0001")),
        RejectedOptions(label: "custom below 0.0001", options: [("resources", ["foo": 0.00009])],
                        error: .invalidResource("The precision of the fractional quantity of resource foo cannot go beyond 0.0001")),
        RejectedOptions(label: "memory below 0.0001", options: [("memory", 0.00005)],
                        error: .invalidResource("The precision of the fractional quantity of resource memory cannot go beyond 0.0001")),
        // GPUs.
        RejectedOptions(label: "1.5 GPUs", options: [("num_gpus", 1.5)],
                        error: .invalidResource("GPU resource quantities >1 must be whole numbers. The specified quantity 1.5 is invalid.")),
        RejectedOptions(label: "2.25 GPUs", options: [("num_gpus", 2.25)],
                        error: .invalidResource("GPU resource quantities >1 must be whole numbers. The specified quantity 2.25 is invalid.")),
        // CPU / GPU / memory / bundle in resources=.
        RejectedOptions(label: "CPU in resources", options: [("resources", ["CPU": 1])], error: .invalidResource(useKeywords)),
        RejectedOptions(label: "GPU in resources", options: [("resources", ["GPU": 1])], error: .invalidResource(useKeywords)),
        RejectedOptions(label: "CPU after a bad custom", options: [("resources", ["foo": -1, "CPU": 1])],
                        error: .invalidResource(useKeywords)),
        RejectedOptions(label: "memory in resources", options: [("resources", ["memory": 100])],
                        error: .invalidResource("The resources dictionary must not contain the key 'memory' or 'object_store_memory'")),
        RejectedOptions(label: "object_store_memory in resources", options: [("resources", ["object_store_memory": 100])],
                        error: .invalidResource("The resources dictionary must not contain the key 'memory' or 'object_store_memory'")),
        RejectedOptions(label: "bundle in resources", options: [("resources", ["a": 1, "bundle": 1])],
                        error: .invalidResource("The resource should not include `bundle` which is reserved for Ray. resources: {'a': 1, 'bundle': 1}")),
        // swiftray's own quantity checks.
        RejectedOptions(label: "NaN", options: [("num_cpus", .float(.nan))],
                        error: .invalidResource("The quantity of resource num_cpus must be a finite number, got nan.")),
        RejectedOptions(label: "infinity", options: [("resources", ["foo": .float(.infinity)])],
                        error: .invalidResource("The quantity of resource foo must be a finite number, got inf.")),
        RejectedOptions(label: "too large", options: [("memory", 1e20)],
                        error: .invalidResource("The quantity of resource memory is too large, got 1e+20.")),
        // Types.
        RejectedOptions(label: "num_cpus as a string", options: [("num_cpus", "1")],
                        error: .invalidType("The type of keyword 'num_cpus' must be \(resourceTypes), but received type <class 'str'>")),
        RejectedOptions(label: "num_gpus as a list", options: [("num_gpus", [1])],
                        error: .invalidType("The type of keyword 'num_gpus' must be \(resourceTypes), but received type <class 'list'>")),
        RejectedOptions(label: "custom quantity as a string", options: [("resources", ["foo": "1"])],
                        error: .invalidType("The quantity of resource foo must be a number, got '1'.")),
        RejectedOptions(label: "custom quantity None", options: [("resources", ["foo": nil])],
                        error: .invalidType("The quantity of resource foo must be a number, got None.")),
        RejectedOptions(label: "resource name not a string", options: [("resources", [1: 1])],
                        error: .invalidType("Resource names in the 'resources' keyword must be strings, got 1.")),
        RejectedOptions(label: "resources as a list", options: [("resources", [["foo", 1]])],
                        error: .invalidType("The type of keyword 'resources' must be (<class 'dict'>, <class 'NoneType'>), but received type <class 'list'>")),
        RejectedOptions(label: "name not a string", options: [("name", 5)],
                        error: .invalidType("The type of keyword 'name' must be (<class 'str'>, <class 'NoneType'>), but received type <class 'int'>")),
        RejectedOptions(label: "accelerator_type not a string", options: [("accelerator_type", 1.0)],
                        error: .invalidType("The type of keyword 'accelerator_type' must be (<class 'str'>, <class 'NoneType'>), but received type <class 'float'>")),
        RejectedOptions(label: "runtime_env not a dict", options: [("runtime_env", "pip")],
                        error: .invalidType("The type of keyword 'runtime_env' must be (<class 'dict'>, <class 'NoneType'>), but received type <class 'str'>")),
        // Counts.
        RejectedOptions(label: "max_retries -2", options: [("max_retries", -2)],
                        error: .invalidRecord("The keyword 'max_retries' only accepts None, 0, -1 or a positive integer, where -1 represents infinity.")),
        RejectedOptions(label: "max_retries a float", options: [("max_retries", 1.0)],
                        error: .invalidType("The type of keyword 'max_retries' must be (<class 'int'>, <class 'NoneType'>), but received type <class 'float'>")),
        RejectedOptions(label: "max_calls -1", options: [("max_calls", -1)],
                        error: .invalidRecord("The keyword 'max_calls' only accepts None, 0 or a positive integer.")),
        RejectedOptions(label: "max_calls in .options()", options: [("max_calls", 2)], overrides: [("max_calls", 3)],
                        error: .invalidRecord("Setting 'max_calls' is not supported in '.options()'.")),
        RejectedOptions(label: "num_returns -1", options: [("num_returns", -1)],
                        error: .invalidRecord("The keyword 'num_returns' only accepts None, a non-negative integer, or \"dynamic\" (for generators)")),
        RejectedOptions(label: "num_returns 'two'", options: [("num_returns", "two")],
                        error: .invalidRecord("The keyword 'num_returns' only accepts None, a non-negative integer, or \"dynamic\" (for generators)")),
        RejectedOptions(label: "num_returns 'dynamic'", options: [("num_returns", "dynamic")],
                        error: .invalidRecord("num_returns='dynamic' (generator returns) is not supported yet; pass None or a non-negative integer.")),
        RejectedOptions(label: "num_returns a float", options: [("num_returns", 2.0)],
                        error: .invalidType("The type of keyword 'num_returns' must be (<class 'int'>, <class 'str'>, <class 'NoneType'>), but received type <class 'float'>")),
        RejectedOptions(label: "retry_exceptions a string", options: [("retry_exceptions", "yes")],
                        error: .invalidType("The type of keyword 'retry_exceptions' must be (<class 'bool'>, <class 'list'>, <class 'tuple'>), but received type <class 'str'>")),
        RejectedOptions(label: "retry_exceptions list of ints", options: [("retry_exceptions", [1])],
                        error: .invalidRecord("retry_exceptions must be either a boolean or a list of exceptions")),
        // Order: the first bad keyword of a set wins; the decorator before .options().
        RejectedOptions(label: "first of two problems (value)", options: [("num_cpus", -1), ("num_gpus", "x")],
                        error: .invalidResource("The quantity of resource num_cpus cannot be negative")),
        RejectedOptions(label: "first of two problems (type)", options: [("num_gpus", "x"), ("num_cpus", -1)],
                        error: .invalidType("The type of keyword 'num_gpus' must be \(resourceTypes), but received type <class 'str'>")),
        RejectedOptions(label: "unknown keyword before a bad value", options: [("bogus", 1), ("num_cpus", -1)],
                        error: .invalidRecord("Invalid option keyword bogus for remote functions. Valid ones are \(taskKeys).")),
        RejectedOptions(label: "good decorator, bad .options()", options: [("num_cpus", 1)], overrides: [("num_cpus", -1)],
                        error: .invalidResource("The quantity of resource num_cpus cannot be negative")),
        RejectedOptions(label: "bad decorator, fixing .options()", options: [("num_cpus", -1)], overrides: [("num_cpus", 1)],
                        error: .invalidResource("The quantity of resource num_cpus cannot be negative")),
    ]

    @Test("rejections carry the exact error", arguments: rejected)
    func rejects(_ c: RejectedOptions) {
        #expect(thrownError { _ = try TaskOptionsParser.task(c.options, overrides: c.overrides) } == c.error)
    }

    static let accepted: [AcceptedResources] = [
        AcceptedResources(label: "no options: one CPU", options: [], placement: OptsFixture.cpu1),
        AcceptedResources(label: "num_cpus=0: nothing", options: [("num_cpus", 0)], placement: ResourceSet()),
        AcceptedResources(label: "num_cpus=None: nothing", options: [("num_cpus", nil)], placement: ResourceSet()),
        AcceptedResources(label: "num_cpus=2", options: [("num_cpus", 2)], placement: OptsFixture.set(["CPU": 2])),
        AcceptedResources(label: "num_cpus=True counts as 1", options: [("num_cpus", true)], placement: OptsFixture.cpu1),
        AcceptedResources(label: "fractional CPU and a GPU", options: [("num_cpus", 0.5), ("num_gpus", 1)],
                          placement: OptsFixture.set(["CPU": 0.5, "GPU": 1])),
        AcceptedResources(label: "whole GPUs above 1 as a float", options: [("num_gpus", 2.0)],
                          placement: OptsFixture.set(["CPU": 1, "GPU": 2])),
        AcceptedResources(label: "half a GPU", options: [("num_gpus", 0.5)], placement: OptsFixture.set(["CPU": 1, "GPU": 0.5])),
        AcceptedResources(label: "num_gpus=0 asks no GPU", options: [("num_gpus", 0)], placement: OptsFixture.cpu1),
        AcceptedResources(label: "memory truncates to whole bytes", options: [("memory", 1000.7)],
                          placement: OptsFixture.set(["CPU": 1, "memory": 1000])),
        AcceptedResources(label: "custom resources", options: [("resources", ["foo": 2, "bar": 0.5])],
                          placement: OptsFixture.set(["CPU": 1, "foo": 2, "bar": 0.5])),
        AcceptedResources(label: "a zero custom resource is dropped", options: [("resources", ["foo": 0])],
                          placement: OptsFixture.cpu1),
        AcceptedResources(label: "resources=None", options: [("resources", nil)], placement: OptsFixture.cpu1),
        AcceptedResources(label: "accelerator_type", options: [("accelerator_type", "A100")],
                          placement: OptsFixture.set(["CPU": 1, "accelerator_type:A100": 0.001])),
        AcceptedResources(label: ".options() overrides num_cpus", options: [("num_cpus", 2)], overrides: [("num_cpus", 0)],
                          placement: ResourceSet()),
        AcceptedResources(label: ".options() adds to the decorator", options: [("resources", ["a": 1])],
                          overrides: [("num_gpus", 1)], placement: OptsFixture.set(["CPU": 1, "a": 1, "GPU": 1])),
        AcceptedResources(label: ".options() replaces resources= whole", options: [("resources", ["a": 1])],
                          overrides: [("resources", ["b": 2])], placement: OptsFixture.set(["CPU": 1, "b": 2])),
    ]

    @Test("resource requests", arguments: accepted)
    func resources(_ c: AcceptedResources) throws {
        #expect(try TaskOptionsParser.task(c.options, overrides: c.overrides).resources == c.placement)
    }

    @Test("quantities truncate to 0.0001 like ResourceQuantity(Double)")
    func truncation() throws {
        let t = try TaskOptionsParser.task([("num_cpus", 0.00015), ("num_gpus", 0.33339), ("resources", ["foo": 1.00019])])
        #expect(t.resources["CPU"] == ResourceQuantity(raw: 1))
        #expect(t.resources["GPU"] == ResourceQuantity(raw: 3333))
        #expect(t.resources["foo"] == ResourceQuantity(raw: 10001))
        #expect(t.resources.description == "{'CPU': 0.0001, 'GPU': 0.3333, 'foo': 1.0001}")
    }

    @Test("defaults: one CPU, 3 retries, no exception retries, DEFAULT, one return, unlimited calls")
    func defaults() throws {
        let t = try TaskOptionsParser.task([])
        #expect(t == TaskOptions())
        #expect(t.resources == OptsFixture.cpu1)
        #expect(t.maxRetries == 3)
        #expect(!t.retryExceptions)
        #expect(t.retryExceptionAllowlist.isEmpty)
        #expect(t.strategy == .default)
        #expect(t.name == nil)
        #expect(t.numReturns == 1)
        #expect(t.maxCalls == 0)
    }

    @Test("None keeps the default for counts")
    func noneCounts() throws {
        let t = try TaskOptionsParser.task([("max_retries", nil), ("num_returns", nil), ("max_calls", nil), ("name", nil)])
        #expect(t.maxRetries == 3)
        #expect(t.numReturns == 1)
        #expect(t.maxCalls == 0)
        #expect(t.name == nil)
    }

    @Test("every scalar option lands in its field")
    func fields() throws {
        let t = try TaskOptionsParser.task([("max_retries", -1), ("retry_exceptions", true), ("name", "f1"),
                                            ("num_returns", 0), ("max_calls", 5), ("runtime_env", ["pip": ["x"]])])
        #expect(t.maxRetries == -1)
        #expect(t.retryExceptions)
        #expect(t.name == "f1")
        #expect(t.numReturns == 0)
        #expect(t.maxCalls == 5)
        let u = try TaskOptionsParser.task([("max_retries", 0), ("num_returns", 3)], overrides: [("max_retries", 7)])
        #expect(u.maxRetries == 7)
        #expect(u.numReturns == 3)
    }

    @Test("retry_exceptions as a list retries only those exceptions")
    func retryAllowlist() throws {
        let t = try TaskOptionsParser.task([("retry_exceptions", ["ValueError", "KeyError"])])
        #expect(t.retryExceptions)
        #expect(t.retryExceptionAllowlist == ["ValueError", "KeyError"])
        let u = try TaskOptionsParser.task([("retry_exceptions", .tuple(["OSError"]))])
        #expect(u.retryExceptionAllowlist == ["OSError"])
        let v = try TaskOptionsParser.task([("retry_exceptions", ["ValueError"])], overrides: [("retry_exceptions", false)])
        #expect(!v.retryExceptions)
        #expect(v.retryExceptionAllowlist.isEmpty)
    }

    @Test("max_calls comes from the decorator; GPU functions default to 1",
          arguments: [
            ([("num_gpus", 1)], [], 1),
            ([("num_gpus", 0.5), ("max_calls", nil)], [], 1),
            ([("num_gpus", 1), ("max_calls", 0)], [], 0),
            ([("num_gpus", 1), ("max_calls", 4)], [("num_cpus", 2)], 4),
            ([("num_gpus", 0)], [], 0),
            ([], [("num_gpus", 1)], 0),
            ([("max_calls", 3)], [("num_gpus", 1)], 3),
          ] as [(TaskOptionsParser.Options, TaskOptionsParser.Options, Int)])
    func maxCalls(decorator: TaskOptionsParser.Options, overrides: TaskOptionsParser.Options, expected: Int) throws {
        #expect(try TaskOptionsParser.task(decorator, overrides: overrides).maxCalls == expected)
    }

    @Test("a repeated keyword takes its last value")
    func repeatedKeyword() throws {
        #expect(try TaskOptionsParser.task([("num_cpus", 4), ("num_cpus", 2)]).resources == OptsFixture.set(["CPU": 2]))
        #expect(thrownError { _ = try TaskOptionsParser.task([("num_cpus", -1), ("num_cpus", 2)]) } == nil)
    }

    @Test("the keyword list is Ray's order for the keywords swiftray supports")
    func keywordLists() {
        #expect(TaskOptionsParser.taskKeywords.count == 15)
        #expect("[" + TaskOptionsParser.taskKeywords.map { "'\($0)'" }.joined(separator: ", ") + "]" == taskKeys)
        #expect(TaskOptionsParser.actorKeywords.starts(with: TaskOptionsParser.taskKeywords.prefix(11)))
    }
}

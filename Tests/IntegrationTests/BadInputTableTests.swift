import Foundation
import Testing

/// Bad input to every command and misuse of the driver API, against one running cluster: each
/// case exits non-zero with a message naming what was wrong — never a crash or a Swift stack
/// trace — and the cluster still answers `status` afterwards.
@Suite("Bad input table", .serialized, .sharedCluster)
struct BadInputTableTests {
    struct CommandCase: CustomTestStringConvertible, Sendable {
        let args: [String]
        let message: String
        var testDescription: String { args.joined(separator: " ") }
        init(_ args: [String], _ message: String) {
            self.args = args
            self.message = message
        }
    }

    static let commands: [CommandCase] = [
        // start: with a cluster running, bad flags are still reported as such, and a second head is refused.
        CommandCase(["start", "--head"], "A swiftray cluster is already running in temp dir"),
        CommandCase(["start", "--head", "--resources", "not json"], "is not a valid JSON string"),
        CommandCase(["start", "--head", "--resources", "{\"GPU\": 1}"], "`GPU` cannot be a custom resource"),
        CommandCase(["start", "--head", "--resources", "{\"foo\": \"many\"}"], "The quantity of resource 'foo' in `--resources` must be a number, got 'many'."),
        CommandCase(["start", "--head", "--num-cpus=-1"], "`--num-cpus` must be a whole number of at least 0, got -1"),
        CommandCase(["start", "--head", "--num-cpus", "abc"], "The value 'abc' is invalid for '--num-cpus <num-cpus>'"),
        CommandCase(["start", "--head", "--num-gpus=-2"], "`--num-gpus` must be a whole number of at least 0, got -2."),
        CommandCase(["start", "--head", "--port", "70000"], "`--port` must be a port number"),
        CommandCase(["start", "--address", "127.0.0.1:1", "--resources", "[1]"], "must be a JSON object"),
        CommandCase(["start", "--address", "nonsense"], "is not of the form HOST:PORT"),
        // stop: a bad flag stops nothing.
        CommandCase(["stop", "--grace-period=-3"], "must be at least 0 seconds"),
        CommandCase(["stop", "--grace-period", "soon"], "The value 'soon' is invalid for '--grace-period <grace-period>'"),
        CommandCase(["stop", "--bogus"], "Unknown option '--bogus'"),
        // status
        CommandCase(["status", "--bogus"], "Unknown option '--bogus'"),
        CommandCase(["status", "--address", "nonsense"], "The address 'nonsense' is not of the form HOST:PORT"),
        CommandCase(["status", "--address", "127.0.0.1:1"], "Could not connect to 127.0.0.1:1: connection refused."),
        CommandCase(["status", "--address", "127.0.0.1:99999"], "The address '127.0.0.1:99999' is not of the form HOST:PORT with a port from 1 to 65535."),
        // list
        CommandCase(["list"], "Missing expected argument '<resource>'"),
        CommandCase(["list", "bogus"], "'bogus' is not one of"),
        CommandCase(["list", "nodes", "--filter", "state"], "Cannot find the predicate"),
        CommandCase(["list", "nodes", "--filter", "=ALIVE"], "Cannot identify key"),
        CommandCase(["list", "nodes", "--filter", "bogus=1"], "Invalid filter key 'bogus' for resource 'nodes'"),
        CommandCase(["list", "actors", "--filter", "nope!=1"], "Invalid filter key 'nope' for resource 'actors'"),
        CommandCase(["list", "tasks", "--filter", "state~RUNNING"], "Cannot find the predicate"),
        CommandCase(["list", "jobs", "--filter", "colour=red"], "Invalid filter key 'colour' for resource 'jobs'"),
        CommandCase(["list", "nodes", "--limit", "0"], "The limit must be a positive number of entries, got 0."),
        CommandCase(["list", "nodes", "--limit", "-1"], "The limit must be a positive number of entries, got -1."),
        CommandCase(["list", "nodes", "--limit", "abc"], "The value 'abc' is invalid for '--limit <limit>'"),
        CommandCase(["list", "nodes", "--limit", "100000"], "Given limit 100000 exceeds the supported limit 10000"),
        CommandCase(["list", "nodes", "--format", "xml"], "'xml' is not one of"),
        // get: ids of the wrong length or not hex, unknown kinds
        CommandCase(["get", "actors", "abc"], "Invalid ActorID 'abc': ID string needs to have length 32, got 3."),
        CommandCase(["get", "actors", String(repeating: "z", count: 32)], "it is not a valid hex string."),
        CommandCase(["get", "nodes", "00"], "Invalid NodeID '00': ID string needs to have length 56, got 2."),
        CommandCase(["get", "tasks", "zz"], "Invalid TaskID 'zz': ID string needs to have length 48, got 2."),
        CommandCase(["get", "placement-groups", "1234"], "Invalid PlacementGroupID '1234': ID string needs to have length 36, got 4."),
        CommandCase(["get", "workers", "x"], "Invalid WorkerID 'x': ID string needs to have length 56, got 1."),
        CommandCase(["get", "objects", "12"], "Invalid ObjectID '12': ID string needs to have length 56, got 2."),
        CommandCase(["get", "jobs", "01000000"], "'jobs' is not one of"),
        CommandCase(["get", "actors"], "Missing argument 'ID'. Do you mean 'swiftray list actors'?"),
        CommandCase(["get", "nodes", ""], "Missing argument 'ID'. Do you mean 'swiftray list nodes'?"),
        // summary
        CommandCase(["summary"], "Missing expected argument '<resource>'"),
        CommandCase(["summary", "nodes"], "'nodes' is not one of 'tasks', 'actors', 'objects'."),
        // run
        CommandCase(["run", "/nonexistent/script.py"], "can't open file '/nonexistent/script.py': [Errno 2] No such file or directory"),
        CommandCase(["run", "/tmp"], "can't open file '/tmp': [Errno 21] Is a directory"),
        CommandCase(["run"], "Missing expected argument '<file>'"),
        // repl, get-auth-token
        CommandCase(["repl", "--bogus"], "Unknown option '--bogus'"),
        CommandCase(["get-auth-token", "--temp-dir", "/nonexistent"], "No cluster token found in /nonexistent/auth_token or SWIFTRAY_AUTH_TOKEN."),
    ]

    static func check(_ r: TestCluster.Outcome, _ message: String, _ c: TestCluster) throws {
        #expect(r.status != 0, "\(r)")
        #expect(r.stderr.contains(message), "\(r)")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump") && !r.stderr.contains("Current stack trace"), "\(r)")
        let status = try c.run(["status"])
        #expect(status.status == 0, "the cluster stopped answering: \(status)")
    }

    @Test("bad command lines", arguments: commands)
    func badCommand(_ k: CommandCase) throws {
        let c = try #require(SharedClusterTrait.current)
        try Self.check(try c.run(k.args), k.message, c)
    }

    struct ScriptCase: CustomTestStringConvertible, Sendable {
        let name: String
        let body: String
        let message: String
        var testDescription: String { name }
        init(_ name: String, _ body: String, _ message: String) {
            self.name = name
            self.body = body
            self.message = message
        }
    }

    static let remote = "@ray.remote\ndef f():\n    return 1\n"
    static let actor = "@ray.remote\nclass A:\n    def m(self):\n        return 1\n"

    static let scripts: [ScriptCase] = [
        ScriptCase("syntax error", "x = (1,\n", "SyntaxError: '(' was never closed"),
        ScriptCase("bad indentation", "if True:\nprint(1)\n", "IndentationError: expected an indented block after 'if' statement on line 2"),
        ScriptCase("too deep nesting", "x = " + String(repeating: "(", count: 500) + "\n", "SyntaxError: too many nested parentheses"),
        ScriptCase("script raises", "raise ValueError('boom')\n", "ValueError: boom"),
        ScriptCase("task raises", "@ray.remote\ndef g():\n    raise KeyError('inner')\nray.get(g.remote())\n", "RayTaskError(KeyError)"),
        ScriptCase("placement group: empty bundles", "ray.util.placement_group([])\n", "Bundles must be a non-empty list of resource dictionaries."),
        ScriptCase("placement group: empty bundle", "ray.util.placement_group([{}])\n", "Bundles cannot be an empty dictionary or resources with only 0 values."),
        ScriptCase("placement group: negative CPU", "ray.util.placement_group([{'CPU': -1}])\n", "The quantity of resource CPU in bundle 0 cannot be negative, got -1."),
        ScriptCase("placement group: bundles not a list", "ray.util.placement_group('CPU')\n", "Placement group bundles must be a list, got <class 'str'>."),
        ScriptCase("placement group: bad strategy", "ray.util.placement_group([{'CPU': 1}], strategy='BOGUS')\n", "Invalid placement group strategy BOGUS."),
        ScriptCase("placement group: remove a non-group", "ray.util.remove_placement_group('x')\n", "remove_placement_group() expects a PlacementGroup"),
        ScriptCase("options: negative num_cpus", remote + "f.options(num_cpus=-1).remote()\n", "The quantity of resource num_cpus cannot be negative"),
        ScriptCase("options: num_gpus of text", remote + "f.options(num_gpus='x').remote()\n", "The type of keyword 'num_gpus' must be"),
        ScriptCase("options: CPU in resources", remote + "f.options(resources={'CPU': 1}).remote()\n", "Use the 'num_cpus' and 'num_gpus' keyword instead of 'CPU' and 'GPU'"),
        ScriptCase("options: unknown keyword", remote + "f.options(bogus_option=1).remote()\n", "Invalid option keyword bogus_option for remote functions."),
        ScriptCase("options: negative num_returns", remote + "f.options(num_returns=-2).remote()\n", "The keyword 'num_returns' only accepts None, a non-negative integer"),
        ScriptCase("strategy: unknown string", remote + "f.options(scheduling_strategy='BOGUS').remote()\n", "Invalid scheduling_strategy value BOGUS."),
        ScriptCase("strategy: node affinity to a bad id",
                   "from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy\n" + remote
                   + "f.options(scheduling_strategy=NodeAffinitySchedulingStrategy(node_id='zz', soft=False)).remote()\n",
                   "Invalid node_id 'zz'. Node ID must be a valid hex string."),
        ScriptCase("strategy: bundle index out of range",
                   "from ray.util.scheduling_strategies import PlacementGroupSchedulingStrategy\npg = ray.util.placement_group([{'CPU': 1}])\n" + remote
                   + "f.options(scheduling_strategy=PlacementGroupSchedulingStrategy(pg, placement_group_bundle_index=5)).remote()\n",
                   "placement group bundle index 5 is invalid."),
        ScriptCase("calling a remote function directly", remote + "f()\n", "Remote functions cannot be called directly."),
        ScriptCase("ray.get of a non-ref", "ray.get(5)\n", "Attempting to call `get` on the value 5, which is not an ray.ObjectRef."),
        ScriptCase("ray.put of a ref", "ray.put(ray.put(1))\n", "Calling 'put' on an ray.ObjectRef is not allowed."),
        ScriptCase("ray.wait for too many", "ray.wait([ray.put(1)], num_returns=5)\n", "num_returns cannot be greater than the number of ray.ObjectRef in object_refs"),
        ScriptCase("ray.init with a namespace of 5", "ray.init(namespace=5)\n", "TypeError: namespace must be None or a string."),
        ScriptCase("ray.init with an empty namespace", "ray.init(namespace='')\n", "is not a valid namespace. Pass None to not specify a namespace."),
        ScriptCase("ray.init to a bad address", "ray.init(address='garbage')\n", "ConnectionError: The address 'garbage' is not of the form HOST:PORT"),
        ScriptCase("ray.init to nobody", "ray.init(address='127.0.0.1:1')\n", "ConnectionError: Could not connect to 127.0.0.1:1: connection refused."),
        ScriptCase("ray.init twice", "ray.init()\nray.init()\n", "RuntimeError: Maybe you called ray.init twice by accident?"),
        ScriptCase("placement group: bad lifetime", "ray.util.placement_group([{'CPU': 1}], lifetime='forever')\n",
                   "Placement group `lifetime` argument must be either `None` or 'detached'. Got forever."),
        ScriptCase("placement group: name taken", "a = ray.util.placement_group([{'CPU': 1}], name='a')\nb = ray.util.placement_group([{'CPU': 1}], name='a')\n",
                   "because name 'a' already exists"),
        ScriptCase("actor: name taken", actor + "x = A.options(name='x').remote()\ny = A.options(name='x').remote()\n",
                   "ActorAlreadyExistsError: The name x (namespace=None) is already taken."),
        ScriptCase("options: negative max_retries", remote + "f.options(max_retries=-5).remote()\n", "The keyword 'max_retries' only accepts None, 0, -1 or a positive integer"),
        ScriptCase("task: missing argument", "@ray.remote\ndef g(x):\n    return x\nray.get(g.remote())\n", "TypeError: g() missing 1 required positional argument: 'x'"),
        ScriptCase("ray.get of a list holding a non-ref", remote + "ray.get([f.remote(), 5])\n", "Attempting to call `get` on the value 5, which is not an ray.ObjectRef."),
        ScriptCase("ray.kill of a non-actor", "ray.kill(5)\n", "ray.kill() only supported for actors."),
        ScriptCase("ray.get_actor of an unknown name", "ray.get_actor('missing')\n", "Failed to look up actor with name 'missing'."),
        ScriptCase("actor: bad max_restarts", actor + "A.options(max_restarts=-5).remote()\n", "The keyword 'max_restarts' only accepts None, 0, -1 or a positive integer"),
        ScriptCase("actor: unknown method", actor + "a = A.remote()\na.nope.remote()\n", "AttributeError: 'ActorHandle' object has no attribute 'nope'"),
    ]

    @Test("driver-language API misuse", arguments: scripts)
    func badScript(_ k: ScriptCase) throws {
        let c = try #require(SharedClusterTrait.current)
        let file = "bad-" + k.name.map { $0.isLetter || $0.isNumber ? $0 : "-" } + ".py"
        let path = try c.writeScript(String(file), "import ray\n" + k.body)
        try Self.check(try c.run(["run", path]), k.message, c)
    }

    @Test("well-formed ids nobody has are reported as not found, as Ray does (exit 0)", arguments: [
        ["actors", String(repeating: "ab", count: 16)], ["nodes", String(repeating: "cd", count: 28)],
        ["tasks", String(repeating: "ef", count: 24)], ["placement-groups", String(repeating: "01", count: 18)],
        ["workers", String(repeating: "23", count: 28)], ["objects", String(repeating: "45", count: 28)],
    ])
    func unknownID(_ args: [String]) throws {
        let c = try #require(SharedClusterTrait.current)
        let r = try c.run(["get"] + args)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout == "Resource with id=\(args[1]) not found in the cluster.\n", "\(r)")
        #expect(try c.run(["status"]).status == 0)
    }
}

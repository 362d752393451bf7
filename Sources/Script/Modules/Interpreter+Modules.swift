/// `import`: the built-in modules (`time`, `os`, `sys`, `pprint`, `typing`, `asyncio`,
/// `random`, `math`, `ray` and its submodules). Modules are created once per interpreter.
extension Interpreter {
    func importModule(_ path: [String]) throws -> PyModule {
        let name = path.joined(separator: ".")
        if let m = modules[name] { return m }
        let m: PyModule
        switch name {
        case "time": m = makeTimeModule()
        case "os": m = makeOsModule()
        case "sys": m = makeSysModule()
        case "pprint": m = makePprintModule()
        case "typing", "typing_extensions", "collections.abc", "__future__", "dataclasses", "concurrent", "concurrent.futures", "functools", "collections":
            m = makeTypingModule(name)
        case "asyncio": m = makeAsyncioModule()
        case "random": m = makeRandomModule()
        case "math": m = makeMathModule()
        case "ray", "ray.util", "ray.util.placement_group", "ray.util.scheduling_strategies", "ray.exceptions", "ray.runtime_context":
            m = try makeRayModule(name)
        default:
            throw raise("ModuleNotFoundError", .str("No module named '\(name)'"), name: name)
        }
        modules[name] = m
        if path.count > 1 {
            let parent = try importModule(Array(path.dropLast()))
            if parent.attrs[path.last!] == nil { parent.attrs[path.last!] = .module(m) }
        }
        return m
    }

    func function(_ m: PyModule, _ name: String, _ fn: @escaping (Interpreter, Arguments) throws -> Value) {
        m.attrs[name] = .builtin(PyBuiltin(name, fn))
    }

    func number(_ v: Value, _ what: String) throws -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .float(let f): return f
        case .bool(let b): return b ? 1 : 0
        default: throw raise("TypeError", .str("'\(typeName(v))' object cannot be interpreted as \(what)"))
        }
    }

    func makeTimeModule() -> PyModule {
        let m = PyModule(name: "time")
        function(m, "time") { i, _ in .float(i.host.wallClockSeconds()) }
        function(m, "perf_counter") { i, _ in .float(i.host.monotonicSeconds()) }
        function(m, "monotonic") { i, _ in .float(i.host.monotonicSeconds()) }
        function(m, "time_ns") { i, _ in .int(Int(i.host.wallClockSeconds() * 1e9)) }
        function(m, "perf_counter_ns") { i, _ in .int(Int(i.host.monotonicSeconds() * 1e9)) }
        function(m, "sleep") { i, a in
            try i.arity("sleep", a, 1, 1)
            let s = try i.number(a.positional[0], "a float")
            if s < 0 { throw i.raise("ValueError", .str("sleep length must be non-negative")) }
            if let loop = i.eventLoop, loop.timeSleepYields, loop.current != nil {
                // A threaded actor's call: other calls run meanwhile (CPython releases the GIL).
                try i.asyncSleep(s)
                return .none
            }
            i.host.sleep(seconds: s)
            if i.host.pollInterrupt() { throw i.raise("KeyboardInterrupt", nil) }
            return .none
        }
        return m
    }

    func makeOsModule() -> PyModule {
        let m = PyModule(name: "os")
        function(m, "getpid") { i, _ in .int(i.host.processID) }
        let env = PyDict()
        for k in host.environment.keys.sorted() { env.set(.str(k), .str(host.environment[k]!)) }
        m.attrs["environ"] = .dict(env)
        function(m, "getenv") { i, a in
            try i.arity("getenv", a, 1, 2)
            return env.get(a.positional[0]) ?? (a.positional.count > 1 ? a.positional[1] : .none)
        }
        function(m, "cpu_count") { _, _ in .none }
        m.attrs["sep"] = .str("/")
        m.attrs["linesep"] = .str("\n")
        m.attrs["name"] = .str("posix")
        return m
    }

    func makeSysModule() -> PyModule {
        let m = PyModule(name: "sys")
        m.attrs["argv"] = .list(PyList(host.arguments.map { .str($0) }))
        function(m, "exit") { i, a in throw i.systemExit(a.positional.first ?? .none) }
        m.attrs["maxsize"] = .int(Int.max)
        m.attrs["version"] = .str("3.11.0 (swiftray)")
        m.attrs["platform"] = .str("linux")
        m.attrs["version_info"] = .tuple([.int(3), .int(11), .int(0)])
        let streamType = PyType(name: "TextIOWrapper", bases: [types.object], module: "_io")
        for (name, stream) in [("stdout", ScriptStream.stdout), ("stderr", ScriptStream.stderr)] {
            let inst = PyInstance(type: streamType)
            inst.attrs["name"] = .str("<\(name)>")
            inst.attrs["write"] = .builtin(PyBuiltin("write") { i, a in
                guard case .str(let s)? = a.positional.first else { throw i.raise("TypeError", .str("write() argument must be str")) }
                i.host.write(s, to: stream)
                return .int(s.count)
            })
            inst.attrs["flush"] = .builtin(PyBuiltin("flush") { _, _ in .none })
            m.attrs[name] = .instance(inst)
        }
        function(m, "getrecursionlimit") { i, _ in .int(i.maxDepth) }
        function(m, "setrecursionlimit") { i, a in i.maxDepth = min(try i.toInt(a.positional.first ?? .int(400)), 2000); return .none }
        return m
    }

    func makeTypingModule(_ name: String) -> PyModule {
        let m = PyModule(name: name)
        let any = PyType(name: "_SpecialForm", bases: [types.object], module: "typing")
        any.dict["__class_getitem__"] = .builtin(PyBuiltin("__class_getitem__") { _, a in a.positional[0] })
        for n in ["Any", "List", "Dict", "Tuple", "Set", "Optional", "Union", "Callable", "Iterable", "Iterator",
                  "Sequence", "Mapping", "Type", "TypeVar", "Generic", "Awaitable", "Coroutine", "NamedTuple",
                  "Literal", "Final", "ClassVar", "FrozenSet", "Generator", "AsyncIterator", "Protocol", "cast",
                  "annotations", "dataclass", "field", "futures", "wraps", "partial", "OrderedDict", "defaultdict",
                  "TYPE_CHECKING", "NoReturn", "Hashable", "Sized", "MutableMapping", "DefaultDict", "Counter", "Deque"] {
            m.attrs[n] = .type(any)
        }
        m.attrs["TYPE_CHECKING"] = .bool(false)
        function(m, "cast") { _, a in a.positional.last ?? .none }
        function(m, "TypeVar") { _, a in a.positional.first ?? .none }
        function(m, "wraps") { _, _ in .builtin(PyBuiltin("wraps") { _, a in a.positional.first ?? .none }) }
        return m
    }

    func makeMathModule() -> PyModule {
        let m = PyModule(name: "math")
        m.attrs["pi"] = .float(Double.pi)
        m.attrs["e"] = .float(2.718281828459045)
        m.attrs["inf"] = .float(.infinity)
        m.attrs["nan"] = .float(.nan)
        function(m, "sqrt") { i, a in
            let x = try i.number(a.positional.first ?? .none, "a float")
            if x < 0 { throw i.raise("ValueError", .str("math domain error")) }
            return .float(x.squareRoot())
        }
        function(m, "floor") { i, a in .int(try i.toInt(.float((try i.number(a.positional.first ?? .none, "a float")).rounded(.down)))) }
        function(m, "ceil") { i, a in .int(try i.toInt(.float((try i.number(a.positional.first ?? .none, "a float")).rounded(.up)))) }
        function(m, "isclose") { i, a in
            let x = try i.number(a.positional[0], "a float"), y = try i.number(a.positional[1], "a float")
            let rel = try a.keyword("rel_tol").map { try i.number($0, "a float") } ?? 1e-9
            let absTol = try a.keyword("abs_tol").map { try i.number($0, "a float") } ?? 0
            return .bool(x == y || abs(x - y) <= max(rel * max(abs(x), abs(y)), absTol))
        }
        function(m, "log") { i, a in .float(naturalLog(try i.number(a.positional.first ?? .none, "a float"))) }
        function(m, "pow") { i, a in .float(power(try i.number(a.positional[0], "a float"), try i.number(a.positional[1], "a float"))) }
        function(m, "fabs") { i, a in .float(abs(try i.number(a.positional.first ?? .none, "a float"))) }
        return m
    }

    /// xorshift64* seeded by the host; deterministic per seed.
    func nextRandom() -> Double {
        randomState ^= randomState >> 12
        randomState ^= randomState << 25
        randomState ^= randomState >> 27
        if randomState == 0 { randomState = 0x9E3779B97F4A7C15 }
        let v = randomState &* 2685821657736338717
        return Double(v >> 11) / Double(1 << 53)
    }

    func makeRandomModule() -> PyModule {
        let m = PyModule(name: "random")
        function(m, "random") { i, _ in .float(i.nextRandom()) }
        function(m, "seed") { i, a in i.randomState = UInt64(bitPattern: Int64(try i.toInt(a.positional.first ?? .int(0)))) | 1; return .none }
        function(m, "randint") { i, a in
            try i.arity("randint", a, 2, 2)
            let lo = try i.toInt(a.positional[0]), hi = try i.toInt(a.positional[1])
            if hi < lo { throw i.raise("ValueError", .str("empty range for randrange()")) }
            return .int(lo + Int(i.nextRandom() * Double(hi - lo + 1)))
        }
        function(m, "uniform") { i, a in
            let lo = try i.number(a.positional[0], "a float"), hi = try i.number(a.positional[1], "a float")
            return .float(lo + (hi - lo) * i.nextRandom())
        }
        function(m, "choice") { i, a in
            let items = try i.iterate(a.positional.first ?? .none)
            if items.isEmpty { throw i.raise("IndexError", .str("Cannot choose from an empty sequence")) }
            return items[Int(i.nextRandom() * Double(items.count))]
        }
        function(m, "shuffle") { i, a in
            guard case .list(let l)? = a.positional.first else { return .none }
            for k in stride(from: l.items.count - 1, to: 0, by: -1) { l.items.swapAt(k, Int(i.nextRandom() * Double(k + 1))) }
            return .none
        }
        return m
    }
}

/// The `ray` module and its submodules. Every cluster access goes through `bridge`; the first
/// cluster call connects implicitly, as Ray does.
extension Interpreter {
    func makeRayModule(_ name: String) throws -> PyModule {
        if rayState.types.isEmpty { makeRayTypes() }
        let m = PyModule(name: name)
        switch name {
        case "ray": fillRayModule(m)
        case "ray.exceptions":
            for (k, t) in rayState.types where t.isSubclass(of: types.baseException) { m.attrs[k] = .type(t) }
        case "ray.util.scheduling_strategies":
            for k in ["PlacementGroupSchedulingStrategy", "NodeAffinitySchedulingStrategy", "NodeLabelSchedulingStrategy"] {
                m.attrs[k] = .type(rayState.types[k]!)
            }
        case "ray.util.placement_group", "ray.util":
            fillPlacementGroupFunctions(m)
            if name == "ray.util" {
                m.attrs["placement_group"] = m.attrs["placement_group"]
                function(m, "get_node_ip_address") { i, _ in
                    .str(try i.ensureConnected().nodeIPAddress)
                }
            }
        case "ray.runtime_context":
            m.attrs["RuntimeContext"] = .type(rayState.types["RuntimeContext"]!)
        default: break
        }
        return m
    }

    @discardableResult
    func ensureConnected() throws -> JobConnection {
        if let c = rayState.connection { return c }
        do {
            let c = try bridge.connect(ConnectOptions(implicit: true))
            rayState.connection = c
            return c
        } catch { throw bridgeFailure(error) }
    }

    func withBridge<T>(_ body: () throws -> T) throws -> T {
        try ensureConnected()
        do { return try body() } catch { throw bridgeFailure(error) }
    }

    func dictValue(_ entries: [ScriptDataEntry]) -> Value { fromData(.dict(entries)) }

    func fillRayModule(_ m: PyModule) {
        function(m, "init") { i, a in
            var opts = ConnectOptions()
            var ignoreReinit = false
            var extra: [(String, Value)] = []
            if let addr = a.positional.first, case .str(let s) = addr { opts.address = s }
            for (k, v) in a.keywords {
                switch k {
                case "address": if case .str(let s) = v { opts.address = s }
                case "namespace":
                    // Ray's validate_namespace: a string other than "", or None.
                    if case .str(let s) = v {
                        if s.isEmpty { throw i.raise("ValueError", .str("\"\" is not a valid namespace. Pass None to not specify a namespace.")) }
                        opts.namespace = s
                    } else if !v.isNone {
                        throw i.raise("TypeError", .str("namespace must be None or a string."))
                    }
                case "ignore_reinit_error": ignoreReinit = try i.truthy(v)
                default: extra.append((k, v))
                }
            }
            opts.extra = try i.entries(extra)
            if let c = i.rayState.connection {
                if ignoreReinit { return i.rayContext(c) }
                throw i.raise("RuntimeError", .str("Maybe you called ray.init twice by accident? This error can be suppressed by passing in 'ignore_reinit_error=True' or by calling 'ray.shutdown()' prior to 'ray.init()'."))
            }
            do {
                let c = try i.bridge.connect(opts)
                i.rayState.connection = c
                return i.rayContext(c)
            } catch { throw i.bridgeFailure(error) }
        }
        function(m, "shutdown") { i, _ in
            guard i.rayState.connection != nil else { return .none }
            i.rayState.connection = nil
            do { try i.bridge.shutdown() } catch { throw i.bridgeFailure(error) }
            return .none
        }
        function(m, "is_initialized") { i, _ in .bool(i.rayState.connection != nil) }
        function(m, "cluster_resources") { i, _ in i.dictValue(try i.withBridge { try i.bridge.clusterResources() }) }
        function(m, "available_resources") { i, _ in i.dictValue(try i.withBridge { try i.bridge.availableResources() }) }
        function(m, "nodes") { i, _ in .list(PyList(try i.withBridge { try i.bridge.nodes() }.map { i.fromData($0) })) }
        function(m, "get_runtime_context") { i, _ in
            let c = try i.ensureConnected()
            let inst = PyInstance(type: i.rayState.types["RuntimeContext"]!)
            inst.attrs["namespace"] = .str(c.namespace)
            inst.attrs["_job_id"] = .str(c.jobID)
            inst.attrs["_node_id"] = .str(c.nodeID)
            inst.attrs["_task_id"] = i.bridge.currentTaskID().map { .str($0) } ?? Value.none
            return .instance(inst)
        }
        function(m, "get_gpu_ids") { i, _ in
            .list(PyList(i.bridge.gpuIDs().map { .int($0) }))
        }
        function(m, "remote") { i, a in
            if a.positional.count == 1 && a.keywords.isEmpty {
                return try i.makeRemote(a.positional[0], options: [])
            }
            if !a.positional.isEmpty {
                throw i.raise("TypeError", .str("The @ray.remote decorator must be applied either with no arguments and no parentheses, for example '@ray.remote', or it must be applied using some of the arguments in the list ['num_cpus', 'num_gpus', 'resources', 'memory', 'max_calls', 'max_restarts', 'max_task_retries', 'max_retries', 'scheduling_strategy', ...], for example '@ray.remote(num_returns=2, resources={\"CustomResource\": 1})'."))
            }
            let opts = a.keywords
            return .builtin(PyBuiltin("remote") { i, a in
                try i.arity("remote", a, 1, 1)
                return try i.makeRemote(a.positional[0], options: opts)
            })
        }
        function(m, "method") { i, a in
            // Bare `@ray.method` annotates the method itself; `@ray.method(...)` returns the decorator.
            if a.positional.count == 1 && a.keywords.isEmpty {
                return i.annotateRayMethod(a.positional[0], options: [])
            }
            if !a.positional.isEmpty {
                throw i.raise("ValueError", .str("The @ray.method decorator must be applied using at least one of the arguments in the list ['num_returns', 'concurrency_group', 'max_task_retries', 'retry_exceptions', '_generator_backpressure_num_objects', 'enable_task_events', 'tensor_transport'], for example '@ray.method(num_returns=2)'."))
            }
            let opts = a.keywords
            return .builtin(PyBuiltin("method") { i, a in
                guard let f = a.positional.first else { throw i.raise("TypeError", .str("ray.method() decorator needs a function")) }
                return i.annotateRayMethod(f, options: opts)
            })
        }
        function(m, "get") { i, a in
            try i.arity("get", a, 1, 1, keywords: true)
            let timeout = try a.keyword("timeout").flatMap { $0.isNone ? nil : try i.number($0, "a float") }
            return try i.rayGet(a.positional[0], timeout: timeout)
        }
        function(m, "put") { i, a in
            try i.arity("put", a, 1, 1, keywords: true)
            if case .instance(let inst) = a.positional[0], inst.type === i.rayState.types["ObjectRef"] {
                throw i.raise("TypeError", .str("Calling 'put' on an ray.ObjectRef is not allowed. If you really want to do this, you can wrap the ray.ObjectRef in a list and call 'put' on it."))
            }
            let data = try i.toData(a.positional[0])
            return i.makeObjectRef(try i.withBridge { try i.bridge.put(data) })
        }
        function(m, "wait") { i, a in
            try i.arity("wait", a, 1, 1, keywords: true)
            let refs = try i.iterate(a.positional[0])
            let n = try a.keyword("num_returns").map { try i.toInt($0) } ?? 1
            let timeout = try a.keyword("timeout").flatMap { $0.isNone ? nil : try i.number($0, "a float") }
            if !refs.isEmpty, refs.allSatisfy({ i.placementGroupReadyID($0) != nil }) {
                return try i.waitPlacementGroupRefs(refs, numReturns: n, timeout: timeout)
            }
            let ids = try refs.map { try i.objectID($0) }
            let r = try i.withBridge { try i.bridge.wait(ids, numReturns: n, timeout: timeout) }
            return .tuple([.list(PyList(r.ready.map { i.makeObjectRef($0) })), .list(PyList(r.remaining.map { i.makeObjectRef($0) }))])
        }
        function(m, "kill") { i, a in
            guard case .instance(let h)? = a.positional.first, case .str(let id)? = h.attrs["_actor_id"] else {
                throw i.raise("ValueError", .str("ray.kill() only supported for actors. For tasks, try ray.cancel(). Got: \(try i.repr(a.positional.first ?? .none))."))
            }
            let noRestart = try a.keyword("no_restart").map { try i.truthy($0) } ?? true
            try i.withBridge { try i.bridge.killActor(id, noRestart: noRestart) }
            return .none
        }
        function(m, "get_actor") { i, a in
            try i.arity("get_actor", a, 1, 2, keywords: true)
            let name = a.positional[0]
            let namespaceArg = a.positional.count > 1 ? a.positional[1] : a.keyword("namespace")
            if !(try i.truthy(name)) { throw i.raise("ValueError", .str("Please supply a non-empty value to get_actor")) }
            guard case .str(let actorName) = name else {
                throw i.raise("TypeError", .str("ray.get_actor() expects a str name, got \(i.typeName(name))"))
            }
            var namespace: String?
            switch namespaceArg {
            case nil, .none?: namespace = nil
            case .str(let ns)?:
                if ns.isEmpty { throw i.raise("ValueError", .str("\"\" is not a valid namespace. Pass None to not specify a namespace.")) }
                namespace = ns
            case let other?:
                _ = other
                throw i.raise("TypeError", .str("namespace must be None or a string."))
            }
            guard let data = try i.withBridge({ try i.bridge.getActor(named: actorName, namespace: namespace) }) else {
                throw i.raise("ValueError", .str("Failed to look up actor with name '\(actorName)'. This could because 1. You are trying to look up a named actor you didn't create. 2. The named actor died. 3. You did not use a namespace matching the namespace of the actor."))
            }
            return i.fromData(data)
        }
        function(m, "cancel") { i, _ in
            throw i.raise("NotImplementedError", .str("ray.cancel is not supported by swiftray yet"))
        }
        m.attrs["ObjectRef"] = .type(rayState.types["ObjectRef"]!)
        m.attrs["__version__"] = .str("2.60.0")
        if let ex = try? importModule(["ray", "exceptions"]) { m.attrs["exceptions"] = .module(ex) }
        if let util = try? importModule(["ray", "util"]) { m.attrs["util"] = .module(util) }
    }

    /// `@ray.method(**options)` applied to `f`: the options are kept as the function's
    /// `__ray_method_options__` (a staticmethod/classmethod's inner function); `f` is returned.
    func annotateRayMethod(_ f: Value, options: [(String, Value)]) -> Value {
        var target = f
        if case .wrapper(let w) = f { target = w.function }
        if case .function(let fn) = target {
            let d = PyDict()
            if case .dict(let old)? = fn.attrs["__ray_method_options__"] { for e in old.entries { d.set(e.key, e.value) } }
            for (k, v) in options { d.set(.str(k), v) }
            fn.attrs["__ray_method_options__"] = .dict(d)
        } else if case .instance(let inst) = target {
            let d = PyDict()
            for (k, v) in options { d.set(.str(k), v) }
            inst.attrs["__ray_method_options__"] = .dict(d)
        }
        return f
    }

    func rayContext(_ c: JobConnection) -> Value {
        let inst = PyInstance(type: rayState.types["RayContext"]!)
        inst.attrs["address_info"] = dictValue([
            ScriptDataEntry(.string("address"), .string(c.address)),
            ScriptDataEntry(.string("node_ip_address"), .string(c.nodeIPAddress)),
            ScriptDataEntry(.string("node_id"), .string(c.nodeID)),
            ScriptDataEntry(.string("job_id"), .string(c.jobID)),
        ])
        inst.attrs["namespace"] = .str(c.namespace)
        inst.attrs["job_id"] = .str(c.jobID)
        return .instance(inst)
    }

    func objectID(_ v: Value) throws -> String {
        if case .instance(let inst) = v, inst.type === rayState.types["ObjectRef"], case .str(let id)? = inst.attrs["_id"] { return id }
        throw raise("TypeError", .str("Attempting to call `get` on the value \(try repr(v)), which is not an ray.ObjectRef."))
    }

    /// The placement group id behind a `pg.ready()` reference, or nil for other values.
    func placementGroupReadyID(_ v: Value) -> String? {
        if case .instance(let inst) = v, case .str(let pg)? = inst.attrs["_pg_ready"] { return pg }
        return nil
    }

    /// `ray.wait` over `pg.ready()` references: polls the groups until `numReturns` are
    /// created or the timeout passes; returns (ready, not ready) in the given order.
    func waitPlacementGroupRefs(_ refs: [Value], numReturns: Int, timeout: Double?) throws -> Value {
        let deadline = timeout.map { host.monotonicSeconds() + $0 }
        var ready = Set<Int>()
        while true {
            for (k, r) in refs.enumerated() where !ready.contains(k) {
                let id = placementGroupReadyID(r)!
                if try withBridge({ try bridge.waitPlacementGroupReady(id, timeout: 0) }) { ready.insert(k) }
            }
            if ready.count >= min(numReturns, refs.count) { break }
            if let deadline, host.monotonicSeconds() >= deadline { break }
            host.sleep(seconds: 0.01)
            if host.pollInterrupt() { throw raise("KeyboardInterrupt", nil) }
        }
        let chosen = ready.sorted().prefix(numReturns)
        let readyRefs = chosen.map { refs[$0] }
        let rest = refs.indices.filter { !chosen.contains($0) }.map { refs[$0] }
        return .tuple([.list(PyList(readyRefs)), .list(PyList(rest))])
    }

    /// Inside a task of an event loop (an async or threaded actor's call, `asyncio.run`), waits
    /// for `ids` by polling and yielding to the loop's other tasks, as Python releases the GIL
    /// in `ray.get`: another call of the same actor may be what produces them. Returns the
    /// timeout left for the final `get`.
    private func yieldUntilReady(_ ids: [String], timeout: Double?) throws -> Double? {
        let unique = Array(Set(ids))
        let start = host.monotonicSeconds()
        var delay = 0.0005
        while true {
            let state = try withBridge { try bridge.wait(unique, numReturns: unique.count, timeout: 0) }
            if state.remaining.isEmpty { break }
            if let timeout, host.monotonicSeconds() - start >= timeout { break }
            try asyncSleep(delay)
            delay = min(delay * 2, 0.01)
        }
        return timeout.map { max(0, $0 - (host.monotonicSeconds() - start)) }
    }

    func rayGet(_ v: Value, timeout: Double?) throws -> Value {
        let single: Bool
        let refs: [Value]
        switch v {
        case .list(let l): refs = l.items; single = false
        case .tuple(let t): refs = t; single = false
        default: refs = [v]; single = true
        }
        var out: [Value] = []
        var pending: [String] = []
        for r in refs {
            if case .instance(let inst) = r, case .str(let pg)? = inst.attrs["_pg_ready"] {
                let ready = try withBridge { try bridge.waitPlacementGroupReady(pg, timeout: timeout) }
                if !ready { throw rayError("GetTimeoutError", "Get timed out: some object(s) not ready.") }
                out.append(.bool(true))
            } else {
                pending.append(try objectID(r))
                out.append(.none)
            }
        }
        var timeout = timeout
        if !pending.isEmpty, let loop = eventLoop, loop.current != nil {
            timeout = try yieldUntilReady(pending, timeout: timeout)
        }
        if !pending.isEmpty {
            let values = try withBridge { try bridge.get(pending, timeout: timeout) }
            var k = 0
            for (n, r) in refs.enumerated() {
                if case .instance(let inst) = r, inst.attrs["_pg_ready"] != nil { continue }
                if k < values.count { out[n] = fromData(values[k]) }
                k += 1
            }
        }
        return single ? out[0] : .list(PyList(out))
    }

    func rayError(_ type: String, _ message: String) -> ScriptError {
        guard let t = rayExceptionType(type) else { return raise("RuntimeError", .str(message)) }
        let inst = PyInstance(type: t)
        inst.attrs["args"] = .tuple([.str(message)])
        return .exception(newException(inst))
    }

    func rayExceptionType(_ name: String) -> PyType? {
        if rayState.types.isEmpty { makeRayTypes() }
        if let t = rayState.types[name], t.isSubclass(of: types.baseException) { return t }
        return nil
    }
}

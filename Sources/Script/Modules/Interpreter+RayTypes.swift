/// The classes behind the `ray` module: remote functions, actor classes and handles, object
/// references, runtime context, placement groups, scheduling strategies and ray exceptions.
extension Interpreter {
    func rayType(_ name: String, module: String, bases: [PyType]? = nil) -> PyType {
        let t = PyType(name: name, bases: bases ?? [types.object], module: module)
        rayState.types[name] = t
        return t
    }

    func method(_ t: PyType, _ name: String, _ fn: @escaping (Interpreter, PyInstance, Arguments) throws -> Value) {
        t.dict[name] = .builtin(PyBuiltin(name) { i, a in
            guard case .instance(let inst)? = a.positional.first else { throw i.raise("TypeError", .str("\(name)() needs an instance")) }
            return try fn(i, inst, Arguments(Array(a.positional.dropFirst()), a.keywords))
        })
    }

    func strAttr(_ inst: PyInstance, _ key: String) -> String {
        if case .str(let s)? = inst.attrs[key] { return s }
        return ""
    }

    func makeRayTypes() {
        let exc = types.exceptionTypes["Exception"]!
        let rayError = rayType("RayError", module: "ray.exceptions", bases: [exc])
        let hierarchy: [(String, [String])] = [
            ("RayTaskError", ["RayError"]), ("RayActorError", ["RayError"]), ("ActorDiedError", ["RayActorError"]),
            ("ActorUnavailableError", ["RayActorError"]), ("ObjectLostError", ["RayError"]),
            ("OwnerDiedError", ["ObjectLostError"]), ("ObjectFetchTimedOutError", ["ObjectLostError"]),
            ("ObjectReconstructionFailedError", ["ObjectLostError"]), ("ReferenceCountingAssertionError", ["ObjectLostError"]),
            ("TaskCancelledError", ["RayError"]), ("WorkerCrashedError", ["RayError"]), ("NodeDiedError", ["RayError"]),
            ("TaskPlacementGroupRemoved", ["RayError"]), ("ActorPlacementGroupRemoved", ["RayError"]),
            ("RaySystemError", ["RayError"]), ("LocalRayletDiedError", ["RayError"]), ("OutOfMemoryError", ["RayError"]),
            ("ObjectStoreFullError", ["RayError"]), ("OutOfDiskError", ["RayError"]), ("RuntimeEnvSetupError", ["RayError"]),
            ("TaskUnschedulableError", ["RayError"]), ("ActorUnschedulableError", ["RayError"]),
            ("PendingCallsLimitExceeded", ["RayError"]), ("CrossLanguageError", ["RayError"]),
            ("PlasmaObjectNotAvailable", ["RayError"]), ("AsyncioActorExit", ["RayError"]),
        ]
        _ = rayError
        for (name, bases) in hierarchy { _ = rayType(name, module: "ray.exceptions", bases: bases.map { rayState.types[$0]! }) }
        _ = rayType("ActorAlreadyExistsError", module: "ray.exceptions", bases: [types.exceptionTypes["ValueError"]!, rayState.types["RayError"]!])
        _ = rayType("GetTimeoutError", module: "ray.exceptions", bases: [rayState.types["RayError"]!, types.exceptionTypes["TimeoutError"]!])

        let objectRef = rayType("ObjectRef", module: "ray")
        method(objectRef, "__repr__") { i, inst, _ in .str("ObjectRef(\(i.strAttr(inst, "_id")))") }
        method(objectRef, "hex") { i, inst, _ in .str(i.strAttr(inst, "_id")) }
        method(objectRef, "future") { i, _, _ in throw i.raise("NotImplementedError", .str("ObjectRef.future() is not supported by swiftray yet")) }
        objectRef.dict["__await_value__"] = .builtin(PyBuiltin("__await_value__") { i, a in try i.rayGet(a.positional[0], timeout: nil) })

        let context = rayType("RayContext", module: "ray._private.worker")
        method(context, "__repr__") { i, inst, _ in
            .str("RayContext(job_id='\(i.strAttr(inst, "job_id"))', namespace='\(i.strAttr(inst, "namespace"))')")
        }
        method(context, "__getitem__") { i, inst, a in
            guard case .dict(let d)? = inst.attrs["address_info"], let k = a.positional.first, let v = d.get(k) else { throw i.raise("KeyError", a.positional.first ?? Value.none) }
            return v
        }

        let rc = rayType("RuntimeContext", module: "ray.runtime_context")
        method(rc, "get_node_id") { i, inst, _ in .str(i.strAttr(inst, "_node_id")) }
        method(rc, "get_job_id") { i, inst, _ in .str(i.strAttr(inst, "_job_id")) }
        method(rc, "get_actor_id") { i, _, _ in i.bridge.currentActorID().map { .str($0) } ?? .none }
        method(rc, "get_task_id") { _, inst, _ in inst.attrs["_task_id"] ?? .none }
        method(rc, "get_placement_group_id") { _, _, _ in .none }
        method(rc, "get_assigned_resources") { _, _, _ in .dict(PyDict()) }
        method(rc, "get") { i, inst, _ in
            let d = PyDict()
            d.set(.str("job_id"), .str(i.strAttr(inst, "_job_id")))
            d.set(.str("node_id"), .str(i.strAttr(inst, "_node_id")))
            d.set(.str("namespace"), inst.attrs["namespace"] ?? .none)
            return .dict(d)
        }

        makeRemoteTypes()
        makePlacementGroupTypes()
    }

    func makeRemoteTypes() {
        let remoteFunction = rayType("RemoteFunction", module: "ray.remote_function")
        method(remoteFunction, "remote") { i, inst, a in
            let spec = try i.callSpec(inst, a)
            let ids = try i.withBridge { try i.bridge.submitTask(spec) }
            if ids.count == 1 { return i.makeObjectRef(ids[0]) }
            return .list(PyList(ids.map { i.makeObjectRef($0) }))
        }
        method(remoteFunction, "options") { i, inst, a in try i.withOptions(inst, a) }
        method(remoteFunction, "__call__") { i, inst, _ in
            let n = i.strAttr(inst, "_name")
            throw i.raise("TypeError", .str("Remote functions cannot be called directly. Instead of running '__main__.\(n)()', try '__main__.\(n).remote()'."))
        }
        method(remoteFunction, "__repr__") { i, inst, _ in .str("<ray.remote_function.RemoteFunction object for \(i.strAttr(inst, "_name"))>") }

        let actorClass = rayType("ActorClass", module: "ray.actor")
        method(actorClass, "remote") { i, inst, a in
            var spec = try i.callSpec(inst, a)
            var methods: [String] = []
            if case .type(let userClass)? = inst.attrs["_target"] { methods = i.actorMethodNames(userClass) }
            spec.methodNames = methods
            let id = try i.withBridge { try i.bridge.createActor(spec) }
            let handle = PyInstance(type: i.rayState.types["ActorHandle"]!)
            handle.attrs["_actor_id"] = .str(id)
            handle.attrs["_class"] = .instance(inst)
            handle.attrs["_class_name"] = .str(i.strAttr(inst, "_name"))
            handle.attrs["_methods"] = .list(PyList(methods.map { .str($0) }))
            return .instance(handle)
        }
        method(actorClass, "options") { i, inst, a in try i.withOptions(inst, a) }
        method(actorClass, "__call__") { i, inst, _ in
            let n = i.strAttr(inst, "_name")
            throw i.raise("TypeError", .str("Actors cannot be instantiated directly. Instead of '\(n)()', use '\(n).remote()'."))
        }
        method(actorClass, "__repr__") { i, inst, _ in .str("<class '__main__.ActorClass(\(i.strAttr(inst, "_name")))'>") }

        let handle = rayType("ActorHandle", module: "ray.actor")
        method(handle, "__getattr__") { i, inst, a in
            guard case .str(let name)? = a.positional.first, case .list(let methods)? = inst.attrs["_methods"],
                  methods.items.contains(where: { if case .str(let m) = $0 { return m == name }; return false }) else {
                throw i.raise("AttributeError", .str("'ActorHandle' object has no attribute '\(try i.str(a.positional.first ?? .none))'"))
            }
            let m = PyInstance(type: i.rayState.types["ActorMethod"]!)
            m.attrs["_name"] = .str(name)
            m.attrs["_handle"] = .instance(inst)
            m.attrs["_options"] = .dict(PyDict())
            return .instance(m)
        }
        method(handle, "__repr__") { i, inst, _ in
            .str("Actor(\(i.strAttr(inst, "_class_name")), \(i.strAttr(inst, "_actor_id")))")
        }

        let actorMethod = rayType("ActorMethod", module: "ray.actor")
        method(actorMethod, "remote") { i, inst, a in
            guard case .instance(let h)? = inst.attrs["_handle"] else { return .none }
            var spec = try i.callSpec(inst, a)
            spec.name = i.strAttr(h, "_class_name") + "." + i.strAttr(inst, "_name")
            spec.actorID = i.strAttr(h, "_actor_id")
            let ids = try i.withBridge { try i.bridge.callActorMethod(spec) }
            if ids.count == 1 { return i.makeObjectRef(ids[0]) }
            return .list(PyList(ids.map { i.makeObjectRef($0) }))
        }
        method(actorMethod, "options") { i, inst, a in try i.withOptions(inst, a) }
        method(actorMethod, "__call__") { i, inst, _ in
            throw i.raise("TypeError", .str("Actor methods cannot be called directly. Instead of running 'object.\(i.strAttr(inst, "_name"))()', try 'object.\(i.strAttr(inst, "_name")).remote()'."))
        }
    }

    /// The methods an actor handle of `cls` offers: every callable attribute of the class and its
    /// bases (plain, `async`, `@ray.method`-annotated, static and class methods, and callables
    /// a decorator put in their place), without dunder names or properties; bases after
    /// subclasses, each class's names sorted.
    func actorMethodNames(_ cls: PyType) -> [String] {
        var methods: [String] = []
        var seen = Set<String>()
        for t in cls.mro where t !== types.object {
            for k in t.dict.keys.sorted() where !seen.contains(k) && !k.hasPrefix("__") {
                seen.insert(k)
                switch t.dict[k]! {
                case .function, .builtin, .boundMethod: methods.append(k)
                case .wrapper(let w) where w.kind != .property: methods.append(k)
                case .instance(let obj) where obj.type.lookup("__call__") != nil: methods.append(k)
                default: break
                }
            }
        }
        return methods
    }

    /// `@ray.remote` applied to a function or class.
    func makeRemote(_ target: Value, options: [(String, Value)]) throws -> Value {
        let opts = PyDict()
        for (k, v) in options { opts.set(.str(k), v) }
        switch target {
        case .function(let f):
            let inst = PyInstance(type: rayState.types["RemoteFunction"]!)
            inst.attrs["_function"] = target
            inst.attrs["_name"] = .str(f.name)
            inst.attrs["_options"] = .dict(opts)
            return .instance(inst)
        case .type(let t):
            let inst = PyInstance(type: rayState.types["ActorClass"]!)
            inst.attrs["_target"] = target
            inst.attrs["_name"] = .str(t.name)
            inst.attrs["_options"] = .dict(opts)
            return .instance(inst)
        default:
            throw raise("TypeError", .str("The @ray.remote decorator must be applied to either a function or a class."))
        }
    }

    func withOptions(_ inst: PyInstance, _ a: Arguments) throws -> Value {
        if !a.positional.isEmpty { throw raise("TypeError", .str("options() takes 0 positional arguments but \(a.positional.count) were given")) }
        let copy = PyInstance(type: inst.type)
        copy.attrs = inst.attrs
        let opts = PyDict()
        if case .dict(let old)? = inst.attrs["_options"] { for e in old.entries { opts.set(e.key, e.value) } }
        for (k, v) in a.keywords { opts.set(.str(k), v) }
        copy.attrs["_options"] = .dict(opts)
        return .instance(copy)
    }

    func callSpec(_ inst: PyInstance, _ a: Arguments) throws -> RemoteCallSpec {
        var options: [ScriptDataEntry] = []
        if case .dict(let d)? = inst.attrs["_options"] {
            options = try d.entries.map { ScriptDataEntry(try toData($0.key), try toData($0.value)) }
        }
        // Workers define the whole module's functions and classes (a remote function may call
        // other remote functions or helpers); method calls on an existing actor need nothing.
        let definition = inst.attrs["_handle"] == nil ? workerPackage() : ""
        return RemoteCallSpec(name: strAttr(inst, "_name"), moduleSource: mainSource, definitionSource: definition,
                              arguments: try a.positional.map { try toData($0) },
                              keywordArguments: try entries(a.keywords), options: options)
    }
}

/// Conversion between script values and `ScriptData` for the cluster bridge.
extension Interpreter {
    func toData(_ v: Value) throws -> ScriptData {
        nativeDepth += 1
        defer { nativeDepth -= 1 }
        if nativeDepth > maxDepth {
            throw raise("RecursionError", .str("maximum recursion depth exceeded while pickling an object"))
        }
        switch v {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let f): return .float(f)
        case .str(let s): return .string(s)
        case .list(let l): return .list(try l.items.map { try toData($0) })
        case .tuple(let t): return .tuple(try t.map { try toData($0) })
        case .dict(let d): return .dict(try d.entries.map { ScriptDataEntry(try toData($0.key), try toData($0.value)) })
        case .instance(let inst):
            if inst.type === rayState.types["ObjectRef"], case .str(let id)? = inst.attrs["_id"] { return .objectRef(id) }
            if inst.type === rayState.types["ActorHandle"] {
                var methods: [String] = []
                if case .list(let l)? = inst.attrs["_methods"] { methods = l.items.compactMap { if case .str(let m) = $0 { return m }; return nil } }
                return .actorHandle(id: strAttr(inst, "_actor_id"), className: strAttr(inst, "_class_name"), methods: methods)
            }
            if inst.type === rayState.types["PlacementGroup"], case .str(let id)? = inst.attrs["id"] {
                var bundles: [ScriptData] = []
                if case .list(let l)? = inst.attrs["bundle_specs"] { bundles = try l.items.map { try toData($0) } }
                return .placementGroup(id: id, bundles: bundles)
            }
            if inst.type === rayState.types["NodeAffinitySchedulingStrategy"] || inst.type === rayState.types["PlacementGroupSchedulingStrategy"] {
                var entries = [ScriptDataEntry(.string("type"), .string(inst.type.name))]
                for k in inst.attrs.keys.sorted() { entries.append(ScriptDataEntry(.string(k), try toData(inst.attrs[k]!))) }
                return .dict(entries)
            }
            throw raise("TypeError", .str("cannot send a '\(inst.type.name)' object to the cluster yet"))
        default:
            throw raise("TypeError", .str("cannot send a '\(typeName(v))' object to the cluster yet"))
        }
    }

    func fromData(_ d: ScriptData) -> Value {
        switch d {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let f): return .float(f)
        case .string(let s): return .str(s)
        case .list(let l): return .list(PyList(l.map { fromData($0) }))
        case .tuple(let t): return .tuple(t.map { fromData($0) })
        case .dict(let entries):
            let dict = PyDict()
            for e in entries { dict.set(fromData(e.key), fromData(e.value)) }
            return .dict(dict)
        case .objectRef(let id): return makeObjectRef(id)
        case .actorHandle(let id, let className, let methods):
            if rayState.types.isEmpty { makeRayTypes() }
            let handle = PyInstance(type: rayState.types["ActorHandle"]!)
            handle.attrs["_actor_id"] = .str(id)
            handle.attrs["_class_name"] = .str(className)
            handle.attrs["_methods"] = .list(PyList(methods.map { .str($0) }))
            return .instance(handle)
        case .placementGroup(let id, let bundles):
            return makePlacementGroup(id: id, bundles: bundles.map { fromData($0) })
        }
    }

    /// A `PlacementGroup` handle for a known group.
    func makePlacementGroup(id: String, bundles: [Value]) -> Value {
        if rayState.types.isEmpty { makeRayTypes() }
        let inst = PyInstance(type: rayState.types["PlacementGroup"]!)
        inst.attrs["id"] = .str(id)
        inst.attrs["bundle_specs"] = .list(PyList(bundles))
        inst.attrs["bundle_count"] = .int(bundles.count)
        return .instance(inst)
    }

    func entries(_ kws: [(String, Value)]) throws -> [ScriptDataEntry] {
        try kws.map { ScriptDataEntry(.string($0.0), try toData($0.1)) }
    }

    func makeObjectRef(_ id: String) -> Value {
        let inst = PyInstance(type: rayState.types["ObjectRef"]!)
        inst.attrs["_id"] = .str(id)
        return .instance(inst)
    }
}

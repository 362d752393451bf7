/// `ray.util.placement_group` functions, the `PlacementGroup` class and the scheduling
/// strategy value objects.
extension Interpreter {
    func makePlacementGroupTypes() {
        let pg = rayType("PlacementGroup", module: "ray.util.placement_group")
        method(pg, "ready") { i, inst, _ in
            let ref = PyInstance(type: i.rayState.types["ObjectRef"]!)
            ref.attrs["_id"] = .str("pg-ready-" + i.strAttr(inst, "id"))
            ref.attrs["_pg_ready"] = .str(i.strAttr(inst, "id"))
            return .instance(ref)
        }
        method(pg, "wait") { i, inst, a in
            let timeout = try (a.positional.first ?? a.keyword("timeout_seconds")).flatMap { $0.isNone ? nil : try i.number($0, "a float") } ?? 30
            let id = i.strAttr(inst, "id")
            return .bool(try i.withBridge { try i.bridge.waitPlacementGroupReady(id, timeout: timeout) })
        }
        method(pg, "__repr__") { i, inst, _ in .str("PlacementGroup(id=\(i.strAttr(inst, "id")))") }
        method(pg, "__eq__") { i, inst, a in
            guard case .instance(let o)? = a.positional.first else { return .bool(false) }
            return .bool(i.strAttr(inst, "id") == i.strAttr(o, "id"))
        }

        let pgs = rayType("PlacementGroupSchedulingStrategy", module: "ray.util.scheduling_strategies")
        pgs.constructor = { i, a in
            let inst = PyInstance(type: pgs)
            let names = ["placement_group", "placement_group_bundle_index", "placement_group_capture_child_tasks"]
            try i.bindValueObject(inst, a, names: names, defaults: [nil, .int(-1), Value.none], className: pgs.name)
            return .instance(inst)
        }
        method(pgs, "__repr__") { i, inst, _ in
            .str("PlacementGroupSchedulingStrategy(placement_group=\(try i.repr(inst.attrs["placement_group"] ?? .none)), placement_group_bundle_index=\(try i.repr(inst.attrs["placement_group_bundle_index"] ?? .none)), placement_group_capture_child_tasks=\(try i.repr(inst.attrs["placement_group_capture_child_tasks"] ?? .none)))")
        }
        let nas = rayType("NodeAffinitySchedulingStrategy", module: "ray.util.scheduling_strategies")
        nas.constructor = { i, a in
            let inst = PyInstance(type: nas)
            try i.bindValueObject(inst, a, names: ["node_id", "soft", "_spill_on_unavailable", "_fail_on_unavailable"],
                                  defaults: [nil, nil, .bool(false), .bool(false)], className: nas.name)
            return .instance(inst)
        }
        method(nas, "__repr__") { i, inst, _ in
            .str("NodeAffinitySchedulingStrategy(node_id=\(try i.repr(inst.attrs["node_id"] ?? .none)), soft=\(try i.repr(inst.attrs["soft"] ?? .none)))")
        }
        let nls = rayType("NodeLabelSchedulingStrategy", module: "ray.util.scheduling_strategies")
        nls.constructor = { i, a in
            let inst = PyInstance(type: nls)
            try i.bindValueObject(inst, a, names: ["hard", "soft"], defaults: [nil, Value.none], className: nls.name)
            return .instance(inst)
        }
    }

    /// Binds constructor arguments of a built-in value object to attributes, with CPython's
    /// arity errors.
    func bindValueObject(_ inst: PyInstance, _ a: Arguments, names: [String], defaults: [Value?], className: String) throws {
        if a.positional.count > names.count {
            throw raise("TypeError", .str("\(className).__init__() takes from \(defaults.filter { $0 == nil }.count + 1) to \(names.count + 1) positional arguments but \(a.positional.count + 1) were given"))
        }
        var values = [Value?](repeating: nil, count: names.count)
        for (k, v) in a.positional.enumerated() { values[k] = v }
        for (k, v) in a.keywords {
            guard let idx = names.firstIndex(of: k) else {
                throw raise("TypeError", .str("\(className).__init__() got an unexpected keyword argument '\(k)'"))
            }
            values[idx] = v
        }
        for (k, name) in names.enumerated() {
            guard let v = values[k] ?? defaults[k] else {
                throw raise("TypeError", .str("\(className).__init__() missing 1 required positional argument: '\(name)'"))
            }
            inst.attrs[name] = v
        }
    }

    func fillPlacementGroupFunctions(_ m: PyModule) {
        let pgType = rayState.types["PlacementGroup"]!
        m.attrs["PlacementGroup"] = .type(pgType)
        function(m, "placement_group") { i, a in
            guard let bundlesValue = a.positional.first ?? a.keyword("bundles") else {
                throw i.raise("TypeError", .str("placement_group() missing 1 required positional argument: 'bundles'"))
            }
            // Validation (Ray's messages, and swiftray's stricter checks) happens in the bridge;
            // only the shape the bridge needs is checked here.
            guard case .list = bundlesValue else {
                throw i.raise("ValueError", .str("Placement group bundles must be a list, got <class '\(i.typeName(bundlesValue))'>."))
            }
            let bundles = try i.iterate(bundlesValue)
            var strategy = "PACK"
            if let s = (a.positional.count > 1 ? a.positional[1] : a.keyword("strategy")) {
                if case .str(let str) = s { strategy = str } else if !s.isNone { strategy = try i.str(s) }
            }
            var name = ""
            if case .str(let n)? = a.keyword("name") { name = n }
            var lifetime: String? = nil
            if let l = a.keyword("lifetime"), !l.isNone { lifetime = try i.str(l) }
            let data = try bundles.map { try i.toData($0) }
            let id = try i.withBridge { try i.bridge.createPlacementGroup(bundles: data, strategy: strategy, name: name, lifetime: lifetime) }
            return i.makePlacementGroup(id: id, bundles: bundles)
        }
        function(m, "remove_placement_group") { i, a in
            guard case .instance(let pg)? = a.positional.first, pg.type === pgType else {
                throw i.raise("TypeError", .str("remove_placement_group() expects a PlacementGroup"))
            }
            let id = i.strAttr(pg, "id")
            try i.withBridge { try i.bridge.removePlacementGroup(id) }
            return .none
        }
        function(m, "placement_group_table") { i, a in
            var id: String? = nil
            if case .instance(let pg)? = a.positional.first { id = i.strAttr(pg, "id") }
            return i.fromData(try i.withBridge { try i.bridge.placementGroupTable(id) })
        }
        function(m, "get_placement_group") { i, a in
            guard let nameValue = a.positional.first ?? a.keyword("placement_group_name"), case .str(let name) = nameValue,
                  !name.isEmpty else {
                throw i.raise("ValueError", .str("Please supply a non-empty value to get_placement_group"))
            }
            guard let found = try i.withBridge({ try i.bridge.placementGroup(named: name) }) else {
                throw i.raise("ValueError", .str("Failed to look up placement group with name: \(name)"))
            }
            return i.makePlacementGroup(id: found.id, bundles: found.bundles.map { i.fromData($0) })
        }
        function(m, "get_current_placement_group") { i, _ in
            guard let id = i.bridge.currentPlacementGroup() else { return .none }
            return i.makePlacementGroup(id: id, bundles: [])
        }
    }
}

/// Methods of `dict` (views are returned as lists wrapped to print like CPython's views).
extension Interpreter {
    func dictMethod(_ d: PyDict, _ name: String) -> Value? {
        let recv = Value.dict(d)
        switch name {
        case "get":
            return method(name, of: recv) { i, a in
                try i.arity("get", a, 1, 2)
                return d.get(try i.hashable(a.positional[0])) ?? (a.positional.count > 1 ? a.positional[1] : .none)
            }
        case "keys": return method(name, of: recv) { i, _ in i.dictView("dict_keys", d.keys) }
        case "values": return method(name, of: recv) { i, _ in i.dictView("dict_values", d.values) }
        case "items": return method(name, of: recv) { i, _ in i.dictView("dict_items", d.entries.map { .tuple([$0.key, $0.value]) }) }
        case "pop":
            return method(name, of: recv) { i, a in
                try i.arity("pop", a, 1, 2)
                if let v = d.remove(try i.hashable(a.positional[0])) { return v }
                if a.positional.count > 1 { return a.positional[1] }
                throw i.raise("KeyError", a.positional[0])
            }
        case "popitem":
            return method(name, of: recv) { i, _ in
                guard let e = d.popLast() else { throw i.raise("KeyError", .str("popitem(): dictionary is empty")) }
                return .tuple([e.key, e.value])
            }
        case "setdefault":
            return method(name, of: recv) { i, a in
                try i.arity("setdefault", a, 1, 2)
                let k = try i.hashable(a.positional[0])
                if let v = d.get(k) { return v }
                let v = a.positional.count > 1 ? a.positional[1] : .none
                d.set(k, v)
                return v
            }
        case "update":
            return method(name, of: recv) { i, a in
                try i.arity("update", a, 0, 1, keywords: true)
                if let src = a.positional.first { try i.dictUpdate(d, src) }
                for (k, v) in a.keywords { d.set(.str(k), v) }
                return .none
            }
        case "clear": return method(name, of: recv) { _, _ in d.removeAll(); return .none }
        case "copy": return method(name, of: recv) { _, _ in .dict(d.copy()) }
        default: return nil
        }
    }

    /// A dict view: iterable, sized, printed as `dict_keys([...])`.
    func dictView(_ kind: String, _ items: [Value]) -> Value {
        let t = viewTypes[kind] ?? makeDictViewType(kind)
        let inst = PyInstance(type: t)
        inst.attrs["_items"] = .list(PyList(items))
        return .instance(inst)
    }

    func makeDictViewType(_ kind: String) -> PyType {
        let t = PyType(name: kind, bases: [types.object])
        func items(_ i: Interpreter, _ a: Arguments) throws -> [Value] {
            guard case .instance(let inst)? = a.positional.first, case .list(let l)? = inst.attrs["_items"] else { return [] }
            return l.items
        }
        t.dict["__iter__"] = .builtin(PyBuiltin("__iter__") { i, a in .iterator(PyIterator.over(try items(i, a))) })
        t.dict["__len__"] = .builtin(PyBuiltin("__len__") { i, a in .int(try items(i, a).count) })
        t.dict["__repr__"] = .builtin(PyBuiltin("__repr__") { i, a in .str("\(kind)(\(try i.repr(.list(PyList(try items(i, a))))))") })
        t.dict["__contains__"] = .builtin(PyBuiltin("__contains__") { i, a in
            .bool(try items(i, a).contains { try i.equals($0, a.positional[1]) })
        })
        t.dict["__eq__"] = .builtin(PyBuiltin("__eq__") { i, a in
            let other = try i.iterate(a.positional[1])
            let mine = try items(i, a)
            return .bool(try mine.count == other.count && mine.allSatisfy { m in try other.contains { try i.equals($0, m) } })
        })
        viewTypes[kind] = t
        return t
    }
}

/// Subscripting, slicing, iteration and hashing.
extension Interpreter {
    func typeName(_ v: Value) -> String { typeOf(v).name }

    func hashable(_ v: Value) throws -> Value {
        switch v {
        case .list, .dict, .set:
            if case .set(let s) = v, s.frozen { return v }
            throw raise("TypeError", .str("unhashable type: '\(typeName(v))'"))
        case .tuple(let items):
            for i in items { _ = try hashable(i) }
            return v
        default: return v
        }
    }

    func dictSet(_ d: PyDict, _ key: Value, _ value: Value) throws { d.set(try hashable(key), value) }
    func setAdd(_ s: PySet, _ value: Value) throws { s.storage.set(try hashable(value), .none) }

    /// Key/value pairs of a mapping (`**m`, `dict(m)`, `update(m)`).
    func mappingItems(_ m: Value) throws -> [(Value, Value)] {
        if case .dict(let d) = m { return d.entries.map { ($0.key, $0.value) } }
        if case .instance = m, let keysFn = try findAttribute(m, "keys") {
            return try iterate(try call(keysFn, Arguments())).map { ($0, try getItem(m, $0)) }
        }
        throw raise("TypeError", .str("'\(typeName(m))' object is not a mapping"))
    }

    func intIndex(_ v: Value, _ what: String) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .instance(let inst) where inst.type.lookup("__index__") != nil:
            return try intIndex(try call(inst.type.lookup("__index__")!, Arguments([v])), what)
        default:
            throw raise("TypeError", .str("\(what) indices must be integers or slices, not \(typeName(v))"))
        }
    }

    /// Resolves a slice against a length: (start, stop, step) as CPython's `PySlice_AdjustIndices`.
    func sliceIndices(_ s: PySlice, _ count: Int) throws -> (Int, Int, Int) {
        func idx(_ v: Value) throws -> Int? {
            if v.isNone { return nil }
            if case .int(let i) = v { return i }
            if case .bool(let b) = v { return b ? 1 : 0 }
            throw raise("TypeError", .str("slice indices must be integers or None or have an __index__ method"))
        }
        let step = try idx(s.step) ?? 1
        if step == 0 { throw raise("ValueError", .str("slice step cannot be zero")) }
        var start: Int, stop: Int
        if let a = try idx(s.start) {
            start = a < 0 ? max(a + count, step < 0 ? -1 : 0) : min(a, step < 0 ? count - 1 : count)
        } else { start = step < 0 ? count - 1 : 0 }
        if let b = try idx(s.stop) {
            stop = b < 0 ? max(b + count, step < 0 ? -1 : 0) : min(b, step < 0 ? count - 1 : count)
        } else { stop = step < 0 ? -1 : count }
        return (start, stop, step)
    }

    func sliceElements<T>(_ items: [T], _ s: PySlice) throws -> [T] {
        let (start, stop, step) = try sliceIndices(s, items.count)
        var out: [T] = []
        var i = start
        if step > 0 { while i < stop { out.append(items[i]); i += step } } else { while i > stop { out.append(items[i]); i += step } }
        return out
    }

    func getItem(_ obj: Value, _ key: Value) throws -> Value {
        switch obj {
        case .list(let l):
            if case .slice(let s) = key { return .list(PyList(try sliceElements(l.items, s))) }
            let i = try intIndex(key, "list")
            let j = i < 0 ? i + l.items.count : i
            guard j >= 0 && j < l.items.count else { throw raise("IndexError", .str("list index out of range")) }
            return l.items[j]
        case .tuple(let t):
            if case .slice(let s) = key { return .tuple(try sliceElements(t, s)) }
            let i = try intIndex(key, "tuple")
            let j = i < 0 ? i + t.count : i
            guard j >= 0 && j < t.count else { throw raise("IndexError", .str("tuple index out of range")) }
            return t[j]
        case .str(let s):
            let chars = Array(s)
            if case .slice(let sl) = key { return .str(String(try sliceElements(chars, sl))) }
            let i = try intIndex(key, "string")
            let j = i < 0 ? i + chars.count : i
            guard j >= 0 && j < chars.count else { throw raise("IndexError", .str("string index out of range")) }
            return .str(String(chars[j]))
        case .dict(let d):
            if let v = d.get(try hashable(key)) { return v }
            throw raise("KeyError", key)
        case .range(let r):
            if case .slice(let s) = key {
                let (start, stop, step) = try sliceIndices(s, r.count)
                let n = PyRange(start: start, stop: stop, step: step).count
                return .range(PyRange(start: r.element(start), stop: r.element(start) &+ n &* r.step &* step, step: r.step &* step))
            }
            let i = try intIndex(key, "range")
            let j = i < 0 ? i + r.count : i
            guard j >= 0 && j < r.count else { throw raise("IndexError", .str("range object index out of range")) }
            return .int(r.element(j))
        case .instance(let inst):
            if let m = inst.type.lookup("__getitem__") { return try call(m, Arguments([obj, key])) }
            throw raise("TypeError", .str("'\(inst.type.name)' object is not subscriptable"))
        case .type(let t):
            if let m = t.lookup("__class_getitem__") { return try call(m, Arguments([obj, key])) }
            if t.isBuiltinValueType { return obj }
            throw raise("TypeError", .str("type '\(t.name)' is not subscriptable"))
        default:
            throw raise("TypeError", .str("'\(typeName(obj))' object is not subscriptable"))
        }
    }

    func setItem(_ obj: Value, _ key: Value, _ value: Value) throws {
        switch obj {
        case .list(let l):
            if case .slice(let s) = key {
                let newItems = try iterate(value)
                let (start, stop, step) = try sliceIndices(s, l.items.count)
                if step == 1 {
                    l.items.replaceSubrange(start..<max(start, stop), with: newItems)
                } else {
                    var idxs: [Int] = []
                    var i = start
                    if step > 0 { while i < stop { idxs.append(i); i += step } } else { while i > stop { idxs.append(i); i += step } }
                    guard idxs.count == newItems.count else {
                        throw raise("ValueError", .str("attempt to assign sequence of size \(newItems.count) to extended slice of size \(idxs.count)"))
                    }
                    for (k, i) in idxs.enumerated() { l.items[i] = newItems[k] }
                }
                return
            }
            let i = try intIndex(key, "list")
            let j = i < 0 ? i + l.items.count : i
            guard j >= 0 && j < l.items.count else { throw raise("IndexError", .str("list assignment index out of range")) }
            l.items[j] = value
        case .dict(let d):
            try dictSet(d, key, value)
        case .instance(let inst):
            if let m = inst.type.lookup("__setitem__") { _ = try call(m, Arguments([obj, key, value])); return }
            throw raise("TypeError", .str("'\(inst.type.name)' object does not support item assignment"))
        default:
            throw raise("TypeError", .str("'\(typeName(obj))' object does not support item assignment"))
        }
    }

    func deleteItem(_ obj: Value, _ key: Value) throws {
        switch obj {
        case .list(let l):
            if case .slice(let s) = key {
                let (start, stop, step) = try sliceIndices(s, l.items.count)
                var idxs: [Int] = []
                var i = start
                if step > 0 { while i < stop { idxs.append(i); i += step } } else { while i > stop { idxs.append(i); i += step } }
                for i in idxs.sorted(by: >) { l.items.remove(at: i) }
                return
            }
            let i = try intIndex(key, "list")
            let j = i < 0 ? i + l.items.count : i
            guard j >= 0 && j < l.items.count else { throw raise("IndexError", .str("list assignment index out of range")) }
            l.items.remove(at: j)
        case .dict(let d):
            if d.remove(try hashable(key)) == nil { throw raise("KeyError", key) }
        case .instance(let inst):
            if let m = inst.type.lookup("__delitem__") { _ = try call(m, Arguments([obj, key])); return }
            throw raise("TypeError", .str("'\(inst.type.name)' object does not support item deletion"))
        default:
            throw raise("TypeError", .str("'\(typeName(obj))' object does not support item deletion"))
        }
    }

    func isIterable(_ v: Value) -> Bool {
        switch v {
        case .str, .list, .tuple, .dict, .set, .range, .iterator: return true
        case .instance(let inst): return inst.type.lookup("__iter__") != nil || inst.type.lookup("__getitem__") != nil
        default: return false
        }
    }

    func makeIterator(_ v: Value) throws -> PyIterator {
        switch v {
        case .list(let l):
            var i = 0
            return PyIterator(typeName: "list_iterator") {
                guard i < l.items.count else { return nil }
                defer { i += 1 }
                return l.items[i]
            }
        case .tuple(let t): return PyIterator.over(t, typeName: "tuple_iterator")
        case .str(let s): return PyIterator.over(s.map { .str(String($0)) }, typeName: "str_ascii_iterator")
        case .dict(let d): return PyIterator.over(d.keys, typeName: "dict_keyiterator")
        case .set(let s): return PyIterator.over(s.elements, typeName: "set_iterator")
        case .range(let r):
            var i = 0
            let n = r.count
            return PyIterator(typeName: "range_iterator") {
                guard i < n else { return nil }
                defer { i += 1 }
                return .int(r.element(i))
            }
        case .iterator(let it): return it
        case .instance(let inst):
            if let m = inst.type.lookup("__iter__") {
                let it = try call(m, Arguments([v]))
                if case .iterator(let pi) = it { return pi }
                guard let next = try findAttribute(it, "__next__") else {
                    throw raise("TypeError", .str("iter() returned non-iterator of type '\(typeName(it))'"))
                }
                return PyIterator { [unowned self] in
                    do { return try self.call(next, Arguments()) } catch ScriptError.exception(let e) where e.instance.type.name == "StopIteration" {
                        return nil
                    }
                }
            }
            if let m = inst.type.lookup("__getitem__") {
                var i = 0
                return PyIterator { [unowned self] in
                    do {
                        defer { i += 1 }
                        return try self.call(m, Arguments([v, .int(i)]))
                    } catch ScriptError.exception(let e) where e.instance.type.name == "IndexError" || e.instance.type.name == "StopIteration" {
                        return nil
                    }
                }
            }
            throw raise("TypeError", .str("'\(inst.type.name)' object is not iterable"))
        default:
            throw raise("TypeError", .str("'\(typeName(v))' object is not iterable"))
        }
    }

    func iterate(_ v: Value) throws -> [Value] {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t
        default:
            let it = try makeIterator(v)
            var out: [Value] = []
            while let x = try it.next() { out.append(x) }
            return out
        }
    }
}

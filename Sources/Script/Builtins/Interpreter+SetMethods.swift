/// Methods of `set` and `frozenset`.
extension Interpreter {
    func setMethod(_ s: PySet, _ name: String) -> Value? {
        let recv = Value.set(s)
        func others(_ i: Interpreter, _ a: Arguments) throws -> [PySet] {
            try a.positional.map { v in
                if case .set(let o) = v { return o }
                let o = PySet()
                for x in try i.iterate(v) { try i.setAdd(o, x) }
                return o
            }
        }
        func result(_ items: [Value]) -> Value {
            let r = PySet(frozen: s.frozen)
            for v in items { r.storage.set(v, .none) }
            return .set(r)
        }
        switch name {
        case "add": return method(name, of: recv) { i, a in try i.arity("set.add", a, 1, 1); try i.setAdd(s, a.positional[0]); return .none }
        case "remove":
            return method(name, of: recv) { i, a in
                try i.arity("set.remove", a, 1, 1)
                if s.storage.remove(try i.hashable(a.positional[0])) == nil { throw i.raise("KeyError", a.positional[0]) }
                return .none
            }
        case "discard": return method(name, of: recv) { i, a in try i.arity("set.discard", a, 1, 1); s.storage.remove(try i.hashable(a.positional[0])); return .none }
        case "pop":
            return method(name, of: recv) { i, _ in
                guard let first = s.elements.first else { throw i.raise("KeyError", .str("pop from an empty set")) }
                s.storage.remove(first)
                return first
            }
        case "clear": return method(name, of: recv) { _, _ in s.storage.removeAll(); return .none }
        case "copy": return method(name, of: recv) { _, _ in result(s.elements) }
        case "union": return method(name, of: recv) { i, a in result(s.elements + (try others(i, a)).flatMap { $0.elements }) }
        case "update", "__ior__":
            return method(name, of: recv) { i, a in for o in try others(i, a) { for v in o.elements { s.storage.set(v, .none) } }; return .none }
        case "intersection":
            return method(name, of: recv) { i, a in let os = try others(i, a); return result(s.elements.filter { v in os.allSatisfy { $0.storage.get(v) != nil } }) }
        case "intersection_update":
            return method(name, of: recv) { i, a in
                let os = try others(i, a)
                for v in s.elements where !os.allSatisfy({ $0.storage.get(v) != nil }) { s.storage.remove(v) }
                return .none
            }
        case "difference":
            return method(name, of: recv) { i, a in let os = try others(i, a); return result(s.elements.filter { v in !os.contains { $0.storage.get(v) != nil } }) }
        case "difference_update":
            return method(name, of: recv) { i, a in
                for o in try others(i, a) { for v in o.elements { s.storage.remove(v) } }
                return .none
            }
        case "symmetric_difference":
            return method(name, of: recv) { i, a in
                let o = try others(i, a).first ?? PySet()
                return result(s.elements.filter { o.storage.get($0) == nil } + o.elements.filter { s.storage.get($0) == nil })
            }
        case "issubset": return method(name, of: recv) { i, a in let o = try others(i, a).first ?? PySet(); return .bool(s.elements.allSatisfy { o.storage.get($0) != nil }) }
        case "issuperset": return method(name, of: recv) { i, a in let o = try others(i, a).first ?? PySet(); return .bool(o.elements.allSatisfy { s.storage.get($0) != nil }) }
        case "isdisjoint": return method(name, of: recv) { i, a in let o = try others(i, a).first ?? PySet(); return .bool(!s.elements.contains { o.storage.get($0) != nil }) }
        default: return nil
        }
    }
}

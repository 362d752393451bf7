/// Methods of `list`.
extension Interpreter {
    func listMethod(_ l: PyList, _ name: String) -> Value? {
        let recv = Value.list(l)
        switch name {
        case "append": return method(name, of: recv) { i, a in try i.arity("list.append", a, 1, 1); l.items.append(a.positional[0]); return .none }
        case "extend": return method(name, of: recv) { i, a in try i.arity("list.extend", a, 1, 1); l.items.append(contentsOf: try i.iterate(a.positional[0])); return .none }
        case "insert":
            return method(name, of: recv) { i, a in
                try i.arity("insert", a, 2, 2)
                var k = try i.toInt(a.positional[0])
                if k < 0 { k = max(0, k + l.items.count) }
                l.items.insert(a.positional[1], at: min(k, l.items.count))
                return .none
            }
        case "pop":
            return method(name, of: recv) { i, a in
                try i.arity("pop", a, 0, 1)
                if l.items.isEmpty { throw i.raise("IndexError", .str("pop from empty list")) }
                var k = try a.positional.first.map { try i.toInt($0) } ?? -1
                if k < 0 { k += l.items.count }
                guard k >= 0 && k < l.items.count else { throw i.raise("IndexError", .str("pop index out of range")) }
                return l.items.remove(at: k)
            }
        case "remove":
            return method(name, of: recv) { i, a in
                try i.arity("list.remove", a, 1, 1)
                guard let k = try l.items.firstIndex(where: { try i.equals($0, a.positional[0]) }) else {
                    throw i.raise("ValueError", .str("list.remove(x): x not in list"))
                }
                l.items.remove(at: k)
                return .none
            }
        case "index":
            return method(name, of: recv) { i, a in
                try i.arity("index", a, 1, 3)
                let start = try a.positional.count > 1 ? i.toInt(a.positional[1]) : 0
                let s = start < 0 ? max(0, start + l.items.count) : start
                var k = s
                while k < l.items.count {
                    if try i.equals(l.items[k], a.positional[0]) { return .int(k) }
                    k += 1
                }
                throw i.raise("ValueError", .str("\(try i.repr(a.positional[0])) is not in list"))
            }
        case "count": return method(name, of: recv) { i, a in try i.arity("count", a, 1, 1); return .int(try l.items.filter { try i.equals($0, a.positional[0]) }.count) }
        case "clear": return method(name, of: recv) { _, _ in l.items.removeAll(); return .none }
        case "copy": return method(name, of: recv) { _, _ in .list(PyList(l.items)) }
        case "reverse": return method(name, of: recv) { _, _ in l.items.reverse(); return .none }
        case "sort":
            return method(name, of: recv) { i, a in
                if !a.positional.isEmpty { throw i.raise("TypeError", .str("sort() takes no positional arguments")) }
                let reverse = try a.keyword("reverse").map { try i.truthy($0) } ?? false
                l.items = try i.sortValues(l.items, key: a.keyword("key"), reverse: reverse)
                return .none
            }
        default: return nil
        }
    }
}

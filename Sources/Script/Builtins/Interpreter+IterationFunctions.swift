/// Built-in functions over iterables.
extension Interpreter {
    /// Stable sort with an optional key function and Python ordering.
    func sortValues(_ items: [Value], key: Value?, reverse: Bool) throws -> [Value] {
        let keys = try items.map { v -> Value in
            guard let key, !key.isNone else { return v }
            return try call(key, Arguments([v]))
        }
        var idx = Array(items.indices)
        try idx.sort { a, b in
            if reverse {
                if try order(.lt, keys[b], keys[a]) { return true }
                if try order(.lt, keys[a], keys[b]) { return false }
            } else {
                if try order(.lt, keys[a], keys[b]) { return true }
                if try order(.lt, keys[b], keys[a]) { return false }
            }
            return a < b
        }
        return idx.map { items[$0] }
    }

    func installIterationFunctions() {
        builtin("sum") { i, a in
            try i.arity("sum", a, 1, 2, keywords: true)
            var total = a.positional.count > 1 ? a.positional[1] : (a.keyword("start") ?? .int(0))
            if case .str = total { throw i.raise("TypeError", .str("sum() can't sum strings [use ''.join(seq) instead]")) }
            let it = try i.makeIterator(a.positional[0])
            while let v = try it.next() { total = try i.binaryOp(.add, total, v) }
            return total
        }
        for name in ["min", "max"] {
            builtin(name) { i, a in
                let items: [Value]
                if a.positional.count == 1 { items = try i.iterate(a.positional[0]) } else if a.positional.isEmpty {
                    throw i.raise("TypeError", .str("\(name) expected at least 1 argument, got 0"))
                } else { items = a.positional }
                let key = a.keyword("key")
                guard var best = items.first else {
                    if let d = a.keyword("default") { return d }
                    throw i.raise("ValueError", .str("\(name)() arg is an empty sequence"))
                }
                var bestKey = try key.map { $0.isNone ? best : try i.call($0, Arguments([best])) } ?? best
                for v in items.dropFirst() {
                    let k = try key.map { $0.isNone ? v : try i.call($0, Arguments([v])) } ?? v
                    if try i.order(name == "min" ? .lt : .gt, k, bestKey) { best = v; bestKey = k }
                }
                return best
            }
        }
        builtin("sorted") { i, a in
            guard a.positional.count == 1 else { throw i.raise("TypeError", .str("sorted expected 1 argument, got \(a.positional.count)")) }
            let reverse = try a.keyword("reverse").map { try i.truthy($0) } ?? false
            return .list(PyList(try i.sortValues(try i.iterate(a.positional[0]), key: a.keyword("key"), reverse: reverse)))
        }
        builtin("reversed") { i, a in
            try i.arity("reversed", a, 1, 1)
            let v = a.positional[0]
            switch v {
            case .list, .tuple, .str, .range: return .iterator(PyIterator.over(try i.iterate(v).reversed(), typeName: "list_reverseiterator"))
            case .dict(let d): return .iterator(PyIterator.over(d.keys.reversed(), typeName: "dict_reversekeyiterator"))
            case .instance(let inst):
                if let m = inst.type.lookup("__reversed__") { return try i.call(m, Arguments([v])) }
                if inst.type.lookup("__len__") != nil && inst.type.lookup("__getitem__") != nil {
                    return .iterator(PyIterator.over(try i.iterate(v).reversed()))
                }
            default: break
            }
            throw i.raise("TypeError", .str("'\(i.typeName(v))' object is not reversible"))
        }
        builtin("enumerate") { i, a in
            try i.arity("enumerate", a, 1, 2, keywords: true)
            let it = try i.makeIterator(a.positional[0])
            var n = try (a.positional.count > 1 ? a.positional[1] : a.keyword("start")).map { try i.toInt($0) } ?? 0
            return .iterator(PyIterator(typeName: "enumerate") {
                guard let v = try it.next() else { return nil }
                defer { n += 1 }
                return .tuple([.int(n), v])
            })
        }
        builtin("zip") { i, a in
            let its = try a.positional.map { try i.makeIterator($0) }
            let strict = try a.keyword("strict").map { try i.truthy($0) } ?? false
            return .iterator(PyIterator(typeName: "zip") {
                guard !its.isEmpty else { return nil }
                var row: [Value] = []
                for (k, it) in its.enumerated() {
                    guard let v = try it.next() else {
                        var mismatch = k > 0
                        if strict && !mismatch { for other in its.dropFirst() where try other.next() != nil { mismatch = true } }
                        if strict && mismatch {
                            throw i.raise("ValueError", .str("zip() argument \(k + 1) is shorter than argument 1"))
                        }
                        return nil
                    }
                    row.append(v)
                }
                return .tuple(row)
            })
        }
        builtin("map") { i, a in
            guard a.positional.count >= 2 else { throw i.raise("TypeError", .str("map() must have at least two arguments.")) }
            let fn = a.positional[0]
            let its = try a.positional.dropFirst().map { try i.makeIterator($0) }
            return .iterator(PyIterator(typeName: "map") {
                var row: [Value] = []
                for it in its { guard let v = try it.next() else { return nil }; row.append(v) }
                return try i.call(fn, Arguments(row))
            })
        }
        builtin("filter") { i, a in
            try i.arity("filter", a, 2, 2)
            let fn = a.positional[0]
            let it = try i.makeIterator(a.positional[1])
            return .iterator(PyIterator(typeName: "filter") {
                while let v = try it.next() {
                    if try fn.isNone ? i.truthy(v) : i.truthy(try i.call(fn, Arguments([v]))) { return v }
                }
                return nil
            })
        }
        builtin("any") { i, a in
            try i.arity("any", a, 1, 1)
            let it = try i.makeIterator(a.positional[0])
            while let v = try it.next() { if try i.truthy(v) { return .bool(true) } }
            return .bool(false)
        }
        builtin("all") { i, a in
            try i.arity("all", a, 1, 1)
            let it = try i.makeIterator(a.positional[0])
            while let v = try it.next() { if !(try i.truthy(v)) { return .bool(false) } }
            return .bool(true)
        }
        builtin("iter") { i, a in
            try i.arity("iter", a, 1, 1)
            return .iterator(try i.makeIterator(a.positional[0]))
        }
        builtin("next") { i, a in
            try i.arity("next", a, 1, 2)
            let v = a.positional[0]
            if case .iterator(let it) = v {
                if let x = try it.next() { return x }
                if a.positional.count > 1 { return a.positional[1] }
                throw i.raise("StopIteration", nil)
            }
            if case .instance(let inst) = v, let m = inst.type.lookup("__next__") {
                do { return try i.call(m, Arguments([v])) } catch ScriptError.exception(let e) where a.positional.count > 1 && e.instance.type.name == "StopIteration" {
                    return a.positional[1]
                }
            }
            throw i.raise("TypeError", .str("'\(i.typeName(v))' object is not an iterator"))
        }
    }
}

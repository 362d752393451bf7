/// Truthiness, equality and ordering with Python's rules.
extension Interpreter {
    func truthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let f): return f != 0
        case .str(let s): return !s.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .dict(let d): return d.count > 0
        case .set(let s): return s.count > 0
        case .range(let r): return r.count > 0
        case .instance(let inst):
            if let m = inst.type.lookup("__bool__") { return try truthy(try call(m, Arguments([v]))) }
            if let m = inst.type.lookup("__len__") { return try truthy(try call(m, Arguments([v]))) }
            return true
        default: return true
        }
    }

    func equals(_ a: Value, _ b: Value) throws -> Bool {
        nativeDepth += 1
        defer { nativeDepth -= 1 }
        if nativeDepth > maxDepth { throw raise("RecursionError", .str("maximum recursion depth exceeded in comparison")) }
        switch (a, b) {
        case (.str(let x), .str(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.list(let x), .list(let y)): return try x === y || sequenceEqual(x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try sequenceEqual(x, y)
        case (.dict(let x), .dict(let y)):
            guard x.count == y.count else { return false }
            for e in x.entries {
                guard let other = y.get(e.key), try equals(e.value, other) else { return false }
            }
            return true
        case (.set(let x), .set(let y)):
            return x.count == y.count && x.elements.allSatisfy { y.storage.get($0) != nil }
        case (.range(let x), .range(let y)):
            return x.count == y.count && (x.count == 0 || (x.start == y.start && (x.count == 1 || x.step == y.step)))
        case (.instance(let inst), _):
            if let m = inst.type.lookup("__eq__") {
                let r = try call(m, Arguments([a, b]))
                if !isNotImplemented(r) { return try truthy(r) }
            }
            if case .instance(let other) = b, let m = other.type.lookup("__eq__") {
                let r = try call(m, Arguments([b, a]))
                if !isNotImplemented(r) { return try truthy(r) }
            }
            return HashKey.equal(a, b)
        case (_, .instance(let inst)):
            if let m = inst.type.lookup("__eq__") {
                let r = try call(m, Arguments([b, a]))
                if !isNotImplemented(r) { return try truthy(r) }
            }
            return false
        case (.boundMethod(let x), .boundMethod(let y)):
            return x.receiver.isIdentical(to: y.receiver) && HashKey.equal(x.function, y.function)
        default:
            return HashKey.equal(a, b)
        }
    }

    func sequenceEqual(_ x: [Value], _ y: [Value]) throws -> Bool {
        guard x.count == y.count else { return false }
        for (a, b) in zip(x, y) where !(a.isIdentical(to: b)) {
            if !(try equals(a, b)) { return false }
        }
        return true
    }

    func compare(_ op: CompareOp, _ a: Value, _ b: Value) throws -> Bool {
        switch op {
        case .eq: return try equals(a, b)
        case .ne:
            if case .instance(let inst) = a, let m = inst.type.lookup("__ne__") { return try truthy(try call(m, Arguments([a, b]))) }
            return !(try equals(a, b))
        case .is: return a.isIdentical(to: b) || (HashKey.sameObject(a, b))
        case .isNot: return !(a.isIdentical(to: b) || HashKey.sameObject(a, b))
        case .in: return try contains(b, a)
        case .notIn: return !(try contains(b, a))
        case .lt, .le, .gt, .ge: return try order(op, a, b)
        }
    }

    /// `<`, `<=`, `>`, `>=`.
    func order(_ op: CompareOp, _ a: Value, _ b: Value) throws -> Bool {
        if let x = HashKey.numeric(a), let y = HashKey.numeric(b) {
            if case .int(let i) = a, case .int(let j) = b { return cmp(op, i, j) }
            return cmp(op, x, y)
        }
        switch (a, b) {
        case (.str(let x), .str(let y)):
            return cmp(op, Array(x.unicodeScalars).map { $0.value }.lexicographicallyPrecedes(Array(y.unicodeScalars).map { $0.value }) ? -1 : (x == y ? 0 : 1), 0)
        case (.list(let x), .list(let y)): return try sequenceOrder(op, x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try sequenceOrder(op, x, y)
        case (.set(let x), .set(let y)):
            let sub = x.elements.allSatisfy { y.storage.get($0) != nil }
            let sup = y.elements.allSatisfy { x.storage.get($0) != nil }
            switch op {
            case .le: return sub
            case .lt: return sub && x.count < y.count
            case .ge: return sup
            default: return sup && x.count > y.count
            }
        default: break
        }
        let names: [CompareOp: (String, String)] = [.lt: ("__lt__", "__gt__"), .le: ("__le__", "__ge__"), .gt: ("__gt__", "__lt__"), .ge: ("__ge__", "__le__")]
        let (mine, reflected) = names[op]!
        if case .instance(let inst) = a, let m = inst.type.lookup(mine) {
            let r = try call(m, Arguments([a, b]))
            if !isNotImplemented(r) { return try truthy(r) }
        }
        if case .instance(let inst) = b, let m = inst.type.lookup(reflected) {
            let r = try call(m, Arguments([b, a]))
            if !isNotImplemented(r) { return try truthy(r) }
        }
        throw raise("TypeError", .str("'\(op.rawValue)' not supported between instances of '\(typeName(a))' and '\(typeName(b))'"))
    }

    func cmp<T: Comparable>(_ op: CompareOp, _ x: T, _ y: T) -> Bool {
        switch op {
        case .lt: return x < y
        case .le: return x <= y
        case .gt: return x > y
        default: return x >= y
        }
    }

    func sequenceOrder(_ op: CompareOp, _ x: [Value], _ y: [Value]) throws -> Bool {
        for (a, b) in zip(x, y) where !(try equals(a, b)) {
            return try order(op, a, b)
        }
        return cmp(op, x.count, y.count)
    }

    /// `item in container`.
    func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let sub) = item else {
                throw raise("TypeError", .str("'in <string>' requires string as left operand, not \(typeName(item))"))
            }
            return sub.isEmpty || s.contains(sub)
        case .list(let l): return try l.items.contains { try $0.isIdentical(to: item) || equals($0, item) }
        case .tuple(let t): return try t.contains { try $0.isIdentical(to: item) || equals($0, item) }
        case .dict(let d): return d.get(try hashable(item)) != nil
        case .set(let s): return s.storage.get(try hashable(item)) != nil
        case .range(let r):
            guard case .int(let i) = item else { return try iterate(container).contains { try equals($0, item) } }
            if r.step > 0 { return i >= r.start && i < r.stop && UInt(bitPattern: i &- r.start) % r.step.magnitude == 0 }
            return i <= r.start && i > r.stop && UInt(bitPattern: r.start &- i) % r.step.magnitude == 0
        case .instance(let inst):
            if let m = inst.type.lookup("__contains__") { return try truthy(try call(m, Arguments([container, item]))) }
            if inst.type.lookup("__iter__") != nil { return try iterate(container).contains { try equals($0, item) } }
            throw raise("TypeError", .str("argument of type '\(inst.type.name)' is not iterable"))
        case .iterator: return try iterate(container).contains { try equals($0, item) }
        default:
            throw raise("TypeError", .str("argument of type '\(typeName(container))' is not iterable"))
        }
    }
}

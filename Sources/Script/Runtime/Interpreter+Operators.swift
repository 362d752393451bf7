/// Arithmetic, bitwise and comparison operators with Python semantics (64-bit ints with
/// OverflowError, floor division and modulo toward negative infinity, int/float mixing).
extension Interpreter {
    func dunderName(_ op: BinaryOp) -> String {
        switch op {
        case .add: return "add"
        case .sub: return "sub"
        case .mul: return "mul"
        case .div: return "truediv"
        case .floorDiv: return "floordiv"
        case .mod: return "mod"
        case .pow: return "pow"
        case .matMul: return "matmul"
        case .lshift: return "lshift"
        case .rshift: return "rshift"
        case .and: return "and"
        case .or: return "or"
        case .xor: return "xor"
        }
    }

    func overflow() -> ScriptError {
        raise("OverflowError", .str("integer result does not fit in 64 bits (big integers are not supported)"))
    }

    func binaryOp(_ op: BinaryOp, _ l: Value, _ r: Value) throws -> Value {
        var lhs = l, rhs = r
        if case .bool(let a) = l, case .bool(let b) = r {
            if op == .and { return .bool(a && b) }
            if op == .or { return .bool(a || b) }
            if op == .xor { return .bool(a != b) }
        }
        if case .bool(let b) = lhs { lhs = .int(b ? 1 : 0) }
        if case .bool(let b) = rhs { rhs = .int(b ? 1 : 0) }
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return try intOp(op, a, b)
        case (.int(let a), .float(let b)): if let v = try floatOp(op, Double(a), b) { return v }
        case (.float(let a), .int(let b)): if let v = try floatOp(op, a, Double(b)) { return v }
        case (.float(let a), .float(let b)): if let v = try floatOp(op, a, b) { return v }
        case (.str(let a), .str(let b)) where op == .add: return .str(a + b)
        case (.str(let a), .int(let n)) where op == .mul: return .str(n > 0 ? String(repeating: a, count: n) : "")
        case (.int(let n), .str(let a)) where op == .mul: return .str(n > 0 ? String(repeating: a, count: n) : "")
        case (.str(let a), _) where op == .mod: return .str(try percentFormat(a, rhs))
        case (.list(let a), .list(let b)) where op == .add: return .list(PyList(a.items + b.items))
        case (.tuple(let a), .tuple(let b)) where op == .add: return .tuple(a + b)
        case (.list(let a), .int(let n)) where op == .mul: return .list(PyList(repeatItems(a.items, n)))
        case (.int(let n), .list(let a)) where op == .mul: return .list(PyList(repeatItems(a.items, n)))
        case (.tuple(let a), .int(let n)) where op == .mul: return .tuple(repeatItems(a, n))
        case (.int(let n), .tuple(let a)) where op == .mul: return .tuple(repeatItems(a, n))
        case (.set(let a), .set(let b)):
            let result = PySet()
            switch op {
            case .or: for v in a.elements + b.elements { result.storage.set(v, .none) }
            case .and: for v in a.elements where b.storage.get(v) != nil { result.storage.set(v, .none) }
            case .sub: for v in a.elements where b.storage.get(v) == nil { result.storage.set(v, .none) }
            case .xor:
                for v in a.elements where b.storage.get(v) == nil { result.storage.set(v, .none) }
                for v in b.elements where a.storage.get(v) == nil { result.storage.set(v, .none) }
            default: return try unsupported(op, l, r)
            }
            return .set(result)
        case (.dict(let a), .dict(let b)) where op == .or:
            let d = a.copy()
            for e in b.entries { d.set(e.key, e.value) }
            return .dict(d)
        default: break
        }
        if case .instance(let inst) = l, let m = inst.type.lookup("__\(dunderName(op))__") {
            let v = try call(m, Arguments([l, r]))
            if !isNotImplemented(v) { return v }
        }
        if case .instance(let inst) = r, let m = inst.type.lookup("__r\(dunderName(op))__") {
            let v = try call(m, Arguments([r, l]))
            if !isNotImplemented(v) { return v }
        }
        return try unsupported(op, l, r)
    }

    func isIntLike(_ v: Value) -> Bool {
        switch v {
        case .int, .float: return true
        default: return false
        }
    }

    func isNotImplemented(_ v: Value) -> Bool {
        if case .instance(let i) = v { return i.type.name == "NotImplementedType" }
        return false
    }

    func repeatItems(_ items: [Value], _ n: Int) -> [Value] {
        guard n > 0 else { return [] }
        var out: [Value] = []
        out.reserveCapacity(items.count * n)
        for _ in 0..<n { out.append(contentsOf: items) }
        return out
    }

    func unsupported(_ op: BinaryOp, _ l: Value, _ r: Value) throws -> Value {
        if op == .add, case .str = l {
            throw raise("TypeError", .str("can only concatenate str (not \"\(typeName(r))\") to str"))
        }
        if op == .add, case .list = l {
            throw raise("TypeError", .str("can only concatenate list (not \"\(typeName(r))\") to list"))
        }
        if op == .add, case .tuple = l {
            throw raise("TypeError", .str("can only concatenate tuple (not \"\(typeName(r))\") to tuple"))
        }
        if op == .mul, (isSequence(l) && isNonIntNumber(r)) || (isSequence(r) && isNonIntNumber(l)) || (isSequence(l) && isSequence(r)) {
            let other = isSequence(l) ? r : l
            throw raise("TypeError", .str("can't multiply sequence by non-int of type '\(typeName(other))'"))
        }
        let sym = op == .pow ? "** or pow()" : op.rawValue
        throw raise("TypeError", .str("unsupported operand type(s) for \(sym): '\(typeName(l))' and '\(typeName(r))'"))
    }

    func isSequence(_ v: Value) -> Bool {
        switch v {
        case .str, .list, .tuple: return true
        default: return false
        }
    }

    func isNonIntNumber(_ v: Value) -> Bool {
        switch v {
        case .int, .bool: return false
        default: return true
        }
    }

    func intOp(_ op: BinaryOp, _ a: Int, _ b: Int) throws -> Value {
        switch op {
        case .add:
            let (r, o) = a.addingReportingOverflow(b); if o { throw overflow() }; return .int(r)
        case .sub:
            let (r, o) = a.subtractingReportingOverflow(b); if o { throw overflow() }; return .int(r)
        case .mul:
            let (r, o) = a.multipliedReportingOverflow(by: b); if o { throw overflow() }; return .int(r)
        case .div:
            if b == 0 { throw raise("ZeroDivisionError", .str("division by zero")) }
            return .float(Double(a) / Double(b))
        case .floorDiv:
            if b == 0 { throw raise("ZeroDivisionError", .str("integer division or modulo by zero")) }
            if a == Int.min && b == -1 { throw overflow() }
            var q = a / b
            if (a % b != 0) && ((a < 0) != (b < 0)) { q -= 1 }
            return .int(q)
        case .mod:
            if b == 0 { throw raise("ZeroDivisionError", .str("integer modulo by zero")) }
            if b == -1 { return .int(0) }
            var m = a % b
            if m != 0 && ((m < 0) != (b < 0)) { m += b }
            return .int(m)
        case .pow:
            if b < 0 {
                if a == 0 { throw raise("ZeroDivisionError", .str("0.0 cannot be raised to a negative power")) }
                return .float(power(Double(a), Double(b)))
            }
            var result = 1, base = a, e = b
            while e > 0 {
                if e & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base); if o { throw overflow() }; result = r
                }
                e >>= 1
                if e > 0 { let (r, o) = base.multipliedReportingOverflow(by: base); if o { throw overflow() }; base = r }
            }
            return .int(result)
        case .lshift:
            if b < 0 { throw raise("ValueError", .str("negative shift count")) }
            if a == 0 { return .int(0) }
            if b >= 64 || (a << b) >> b != a { throw overflow() }
            return .int(a << b)
        case .rshift:
            if b < 0 { throw raise("ValueError", .str("negative shift count")) }
            return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
        case .and: return .int(a & b)
        case .or: return .int(a | b)
        case .xor: return .int(a ^ b)
        case .matMul: return try unsupported(op, .int(a), .int(b))
        }
    }

    func floatOp(_ op: BinaryOp, _ a: Double, _ b: Double) throws -> Value? {
        switch op {
        case .add: return .float(a + b)
        case .sub: return .float(a - b)
        case .mul: return .float(a * b)
        case .div:
            if b == 0 { throw raise("ZeroDivisionError", .str("float division by zero")) }
            return .float(a / b)
        case .floorDiv:
            if b == 0 { throw raise("ZeroDivisionError", .str("float floor division by zero")) }
            return .float(floorDivide(a, b))
        case .mod:
            if b == 0 { throw raise("ZeroDivisionError", .str("float modulo")) }
            return .float(floatMod(a, b))
        case .pow:
            if a == 0 && b < 0 { throw raise("ZeroDivisionError", .str("0.0 cannot be raised to a negative power")) }
            if a < 0 && b != b.rounded() { throw raise("ValueError", .str("math domain error (complex results are not supported)")) }
            let r = power(a, b)
            if r.isInfinite && a.isFinite && b.isFinite { throw raise("OverflowError", .str("(34, 'Numerical result out of range')")) }
            return .float(r)
        default: return nil
        }
    }

    func floatMod(_ a: Double, _ b: Double) -> Double {
        var m = a.truncatingRemainder(dividingBy: b)
        if m != 0 && ((m < 0) != (b < 0)) { m += b }
        if m == 0 { m = b < 0 ? -0.0 : 0.0 }
        return m
    }

    func floorDivide(_ a: Double, _ b: Double) -> Double {
        let m = a.truncatingRemainder(dividingBy: b)
        var div = (a - m) / b
        if m != 0 && ((b < 0) != (m < 0)) { div -= 1 }
        if div == 0 { return (a / b) < 0 ? -0.0 : 0.0 }
        let floorDiv = div.rounded(.down)
        return (div - floorDiv > 0.5) ? floorDiv + 1 : floorDiv
    }

    func unaryOp(_ op: UnaryOp, _ v: Value) throws -> Value {
        switch (op, v) {
        case (.neg, .int(let i)):
            if i == Int.min { throw overflow() }
            return .int(-i)
        case (.neg, .float(let f)): return .float(-f)
        case (.neg, .bool(let b)): return .int(b ? -1 : 0)
        case (.pos, .int), (.pos, .float): return v
        case (.pos, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(~(b ? 1 : 0))
        case (_, .instance(let inst)):
            let name = op == .neg ? "__neg__" : op == .pos ? "__pos__" : "__invert__"
            if let m = inst.type.lookup(name) { return try call(m, Arguments([v])) }
        default: break
        }
        let sym = op == .neg ? "-" : op == .pos ? "+" : "~"
        throw raise("TypeError", .str("bad operand type for unary \(sym): '\(typeName(v))'"))
    }
}

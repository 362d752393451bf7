/// Attribute access: instances (with properties, bound methods, `__getattr__`), classes,
/// modules, functions and the methods of built-in types.
extension Interpreter {
    func getAttribute(_ obj: Value, _ name: String) throws -> Value {
        if let v = try findAttribute(obj, name) { return v }
        switch obj {
        case .instance(let inst):
            if let ga = inst.type.lookup("__getattr__") { return try call(ga, Arguments([obj, .str(name)])) }
            throw raise("AttributeError", .str("'\(inst.type.name)' object has no attribute '\(name)'"), name: name, obj: obj)
        case .type(let t):
            throw raise("AttributeError", .str("type object '\(t.name)' has no attribute '\(name)'"), name: name, obj: obj)
        case .module(let m):
            throw raise("AttributeError", .str("module '\(m.name)' has no attribute '\(name)'"), name: name, obj: obj)
        default:
            throw raise("AttributeError", .str("'\(typeName(obj))' object has no attribute '\(name)'"), name: name, obj: obj)
        }
    }

    /// Attribute lookup without the AttributeError (nil when missing).
    func findAttribute(_ obj: Value, _ name: String) throws -> Value? {
        switch obj {
        case .instance(let inst):
            if inst.type === types.superType, let p = inst.payload as? SuperBinding { return try superAttribute(p, name) }
            let classAttr = inst.type.lookup(name)
            if case .wrapper(let w)? = classAttr, w.kind == .property {
                return try call(w.function, Arguments([obj]))
            }
            if let v = inst.attrs[name] { return v }
            if let c = classAttr { return bind(c, to: obj, type: inst.type) }
            switch name {
            case "__class__": return .type(inst.type)
            case "__dict__":
                let d = PyDict()
                for k in inst.attrs.keys.sorted() { d.set(.str(k), inst.attrs[k]!) }
                return .dict(d)
            default: return nil
            }
        case .type(let t):
            if let v = t.lookup(name) {
                if case .wrapper(let w) = v {
                    switch w.kind {
                    case .staticMethod: return w.function
                    case .classMethod: return .boundMethod(PyBoundMethod(receiver: obj, function: w.function))
                    case .property: return v
                    }
                }
                return v
            }
            switch name {
            case "__name__": return .str(t.name)
            case "__qualname__": return .str(t.qualname)
            case "__module__": return .str(t.module)
            case "__mro__": return .tuple(t.mro.map { .type($0) })
            case "__bases__": return .tuple(t.bases.map { .type($0) })
            case "__doc__": return Value.none
            default: return try builtinTypeAttribute(t, name)
            }
        case .module(let m):
            if let v = m.attrs[name] { return v }
            if name == "__name__" { return .str(m.name) }
            if let sub = try? importModule(m.name.split(separator: ".").map(String.init) + [name]) { return .module(sub) }
            return nil
        case .function(let f):
            if let v = f.attrs[name] { return v }
            switch name {
            case "__name__": return .str(f.name)
            case "__qualname__": return .str(f.qualname)
            case "__doc__": return f.code.docstring.map { .str($0) } ?? Value.none
            case "__module__": return .str("__main__")
            default: return nil
            }
        case .builtin(let b):
            if name == "__name__" { return .str(b.name) }
            return nil
        case .wrapper(let w):
            switch name {
            case "setter":
                return .builtin(PyBuiltin("setter") { _, a in
                    let copy = PyWrapper(kind: w.kind, function: w.function)
                    copy.setter = a.positional.first
                    return .wrapper(copy)
                })
            case "getter":
                return .builtin(PyBuiltin("getter") { _, a in
                    let copy = PyWrapper(kind: w.kind, function: a.positional.first ?? w.function)
                    copy.setter = w.setter
                    return .wrapper(copy)
                })
            case "__func__", "fget": return w.function
            default: return nil
            }
        case .boundMethod(let m):
            if name == "__self__" { return m.receiver }
            if name == "__func__" { return m.function }
            return try findAttribute(m.function, name)
        default:
            return try builtinMethod(obj, name)
        }
    }

    /// Binds a class attribute found through an instance.
    func bind(_ classAttr: Value, to obj: Value, type: PyType) -> Value {
        switch classAttr {
        case .function, .builtin: return .boundMethod(PyBoundMethod(receiver: obj, function: classAttr))
        case .wrapper(let w):
            switch w.kind {
            case .staticMethod: return w.function
            case .classMethod: return .boundMethod(PyBoundMethod(receiver: .type(type), function: w.function))
            case .property: return classAttr
            }
        default: return classAttr
        }
    }

    func superAttribute(_ binding: SuperBinding, _ name: String) throws -> Value {
        let mro: [PyType]
        if case .instance(let inst) = binding.object { mro = inst.type.mro } else if case .type(let t) = binding.object { mro = t.mro } else { mro = [] }
        guard let start = mro.firstIndex(where: { $0 === binding.cls }) else {
            throw raise("TypeError", .str("super(type, obj): obj must be an instance or subtype of type"))
        }
        for t in mro[(start + 1)...] {
            if let v = t.dict[name] {
                if case .type = binding.object {
                    if case .wrapper(let w) = v, w.kind == .classMethod { return .boundMethod(PyBoundMethod(receiver: binding.object, function: w.function)) }
                    return v
                }
                if case .wrapper(let w) = v, w.kind == .property { return try call(w.function, Arguments([binding.object])) }
                return bind(v, to: binding.object, type: t)
            }
        }
        if name == "__init__" {
            // object.__init__ (and BaseException.__init__) accept the call.
            return .builtin(PyBuiltin("__init__") { _, _ in .none })
        }
        throw raise("AttributeError", .str("'super' object has no attribute '\(name)'"))
    }

    func setAttribute(_ obj: Value, _ name: String, _ value: Value) throws {
        switch obj {
        case .instance(let inst):
            if case .wrapper(let w)? = inst.type.lookup(name), w.kind == .property {
                guard let setter = w.setter else {
                    throw raise("AttributeError", .str("property '\(name)' of '\(inst.type.name)' object has no setter"))
                }
                _ = try call(setter, Arguments([obj, value]))
                return
            }
            if let sa = inst.type.lookup("__setattr__"), case .function = sa {
                _ = try call(sa, Arguments([obj, .str(name), value]))
                return
            }
            inst.attrs[name] = value
        case .type(let t):
            t.dict[name] = value
        case .module(let m):
            m.attrs[name] = value
        case .function(let f):
            f.attrs[name] = value
        default:
            if try findAttribute(obj, name) != nil {
                throw raise("AttributeError", .str("'\(typeName(obj))' object attribute '\(name)' is read-only"))
            }
            throw raise("AttributeError", .str("'\(typeName(obj))' object has no attribute '\(name)'"))
        }
    }

    func deleteAttribute(_ obj: Value, _ name: String) throws {
        switch obj {
        case .instance(let inst):
            if inst.attrs.removeValue(forKey: name) == nil {
                throw raise("AttributeError", .str("'\(inst.type.name)' object has no attribute '\(name)'"))
            }
        case .type(let t):
            if t.dict.removeValue(forKey: name) == nil {
                throw raise("AttributeError", .str("type object '\(t.name)' has no attribute '\(name)'"))
            }
        case .module(let m):
            m.attrs.removeValue(forKey: name)
        default:
            throw raise("AttributeError", .str("'\(typeName(obj))' object has no attribute '\(name)'"))
        }
    }

    /// Names for `dir()` and REPL completion.
    func attributeNames(_ v: Value) -> [String] {
        switch v {
        case .instance(let inst):
            return Array(inst.attrs.keys) + inst.type.mro.flatMap { $0.dict.keys }
        case .type(let t): return t.mro.flatMap { $0.dict.keys }
        case .module(let m): return Array(m.attrs.keys)
        case .str: return BuiltinMethodNames.str
        case .list: return BuiltinMethodNames.list
        case .dict: return BuiltinMethodNames.dict
        case .set: return BuiltinMethodNames.set
        default: return []
        }
    }
}

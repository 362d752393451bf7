/// Creating Python exceptions from Swift and rendering tracebacks like CPython.
extension Interpreter {
    /// Builds a Python exception of the named built-in type with one argument (or none),
    /// capturing the current traceback.
    func raise(_ typeName: String, _ arg: Value?, name: String? = nil, obj: Value? = nil) -> ScriptError {
        let type = types.exceptionTypes[typeName] ?? types.exceptionTypes["RuntimeError"]!
        let inst = PyInstance(type: type)
        inst.attrs["args"] = .tuple(arg.map { [$0] } ?? [])
        if let name { inst.attrs["name"] = .str(name) }
        if let obj { inst.attrs["obj"] = obj }
        return .exception(newException(inst))
    }

    func exceptionArgs(_ inst: PyInstance) -> [Value] {
        if case .tuple(let t)? = inst.attrs["args"] { return t }
        return []
    }

    /// `str(exception)`.
    func exceptionMessage(_ inst: PyInstance) throws -> String {
        let args = exceptionArgs(inst)
        if inst.type.isSubclass(of: types.exceptionTypes["KeyError"]!), args.count == 1 { return try repr(args[0]) }
        if args.isEmpty { return "" }
        if args.count == 1 { return try str(args[0]) }
        return try repr(.tuple(args))
    }

    /// The full text CPython prints for an uncaught exception, including chained causes.
    func formatTraceback(_ exc: PythonException) -> String {
        var out = ""
        if case .instance(let cause)? = exc.instance.attrs["__cause__"], let c = cause.payload as? PythonException {
            out += formatTraceback(c) + "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if exc.instance.attrs["__suppress_context__"] == nil,
                  case .instance(let ctx)? = exc.instance.attrs["__context__"], let c = ctx.payload as? PythonException {
            out += formatTraceback(c) + "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        out += "Traceback (most recent call last):\n"
        for entry in exc.traceback {
            out += "  File \"\(entry.filename)\", line \(entry.line), in \(entry.name)\n"
            if let lines = sources[entry.filename], entry.line >= 1, entry.line <= lines.count {
                let text = lines[entry.line - 1].trimmingCharacters()
                if !text.isEmpty { out += "    \(text)\n" }
            }
        }
        out += exceptionSummary(exc.instance) + "\n"
        return out
    }

    /// `ValueError: message` (or just the type name when the message is empty).
    func exceptionSummary(_ inst: PyInstance) -> String {
        let msg = (try? str(.instance(inst))) ?? "<exception str() failed>"
        let name = inst.type.module == "builtins" || inst.type.module == "__main__" ? inst.type.qualname : inst.type.module + "." + inst.type.qualname
        return msg.isEmpty ? name : "\(name): \(msg)"
    }

    /// `RayTaskError(ZeroDivisionError)`: a class deriving from both `RayTaskError` and the
    /// task's exception class, so `except ZeroDivisionError` catches it, as in Ray.
    func rayTaskErrorType(_ name: String) -> PyType? {
        guard name.hasPrefix("RayTaskError("), name.hasSuffix(")") else { return nil }
        if let cached = rayState.types[name] { return cached }
        let inner = String(name.dropFirst("RayTaskError(".count).dropLast())
        guard let base = rayExceptionType("RayTaskError") else { return nil }
        let cause = types.exceptionTypes[inner] ?? rayExceptionType(inner)
        let t = PyType(name: name, bases: cause.map { [base, $0] } ?? [base], module: "ray.exceptions")
        rayState.types[name] = t
        return t
    }

    /// Converts a bridge failure into the named Python exception.
    func bridgeFailure(_ error: Error) -> ScriptError {
        if let e = error as? ScriptError { return e }
        if let b = error as? BridgeError {
            if let t = types.exceptionTypes[b.pythonType] ?? rayExceptionType(b.pythonType) ?? rayTaskErrorType(b.pythonType) {
                let inst = PyInstance(type: t)
                inst.attrs["args"] = .tuple([.str(b.message)])
                return .exception(newException(inst))
            }
            return raise("RuntimeError", .str(b.message))
        }
        return raise("RuntimeError", .str("\(error)"))
    }
}

/// The worker side of remote calls: defining exported functions and classes, running tasks,
/// creating actors and calling their methods in this interpreter.
extension Interpreter {
    func recordImports(_ body: [Stmt]) {
        for stmt in body {
            switch stmt.kind {
            case .import(let items):
                let text = "import " + items.map { $0.path.joined(separator: ".") + ($0.alias.map { " as \($0)" } ?? "") }.joined(separator: ", ")
                if !importPrelude.contains(text) { importPrelude.append(text) }
            case .importFrom(let module, let names, let level):
                let text = "from " + String(repeating: ".", count: level) + module.joined(separator: ".") + " import "
                    + names.map { $0.name + ($0.alias.map { " as \($0)" } ?? "") }.joined(separator: ", ")
                if !importPrelude.contains(text) { importPrelude.append(text) }
            default: break
            }
        }
    }

    /// The source lines `from...to` of `filename`, dedented, each ending in a newline; nil when
    /// the lines are not known.
    func dedentedSource(filename: String, from start: Int, to end: Int) -> String? {
        guard let lines = sources[filename], start >= 1, end >= start, end <= lines.count else { return nil }
        let body = lines[(start - 1)..<end]
        let indent = body.first.map { $0.prefix { $0 == " " || $0 == "\t" }.count } ?? 0
        return body.map { line in
            let lead = line.prefix { $0 == " " || $0 == "\t" }.count
            return String(line.dropFirst(min(indent, lead))) + "\n"
        }.joined()
    }

    /// Records a top-level function or class of the driver's module (its undecorated source, and
    /// how `@ray.remote` wrapped it), so workers can define everything a remote function uses.
    func recordDefinition(_ name: String, from start: Int, to end: Int, value: Value) {
        guard var source = dedentedSource(filename: frames.last?.filename ?? mainFilename, from: start, to: end) else { return }
        if case .instance(let inst) = value, inst.type === rayState.types["RemoteFunction"] || inst.type === rayState.types["ActorClass"] {
            var options = "{}"
            if case .dict(let d)? = inst.attrs["_options"], let data = try? toData(.dict(d)) { options = literalSource(data) }
            source += "\(name) = __swiftray_remote__(\(name), \(options))\n"
        }
        moduleDefinitions.removeAll { $0.name == name }
        moduleDefinitions.append((name, source))
    }

    /// What a worker executes to run any remote function of this module: the imports, then every
    /// recorded top-level definition (remote ones re-wrapped with their decorator's options).
    func workerPackage() -> String {
        (importPrelude + capturedGlobals()).map { $0 + "\n" }.joined() + moduleDefinitions.map(\.source).joined()
    }

    /// `name = <value>` for the module's data globals that the definitions mention (Ray pickles
    /// the globals a function refers to): values that cross the bridge (numbers, strings,
    /// containers, placement groups, …); functions, classes and modules are defined otherwise.
    func capturedGlobals() -> [String] {
        let defined = Set(moduleDefinitions.map(\.name))
        var words = Set<String>()
        for d in moduleDefinitions {
            var word = ""
            for ch in d.source + " " {
                if ch.isLetter || ch.isNumber || ch == "_" { word.append(ch) } else if !word.isEmpty { words.insert(word); word = "" }
            }
        }
        var out: [String] = []
        for name in mainScope.vars.keys.sorted() where words.contains(name) && !defined.contains(name) && !name.hasPrefix("__") {
            switch mainScope.vars[name]! {
            case .function, .builtin, .type, .module: continue
            default: break
            }
            guard let data = try? toData(mainScope.vars[name]!) else { continue }
            out.append("\(name) = \(literalSource(data))")
        }
        return out
    }

    /// Python source that rebuilds `d` on a worker.
    func literalSource(_ d: ScriptData) -> String {
        switch d {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float: return (try? str(fromData(d))) ?? "0.0"
        case .string: return (try? repr(fromData(d))) ?? "''"
        case .list(let l): return "[" + l.map(literalSource).joined(separator: ", ") + "]"
        case .tuple(let t): return "(" + t.map(literalSource).joined(separator: ", ") + (t.count == 1 ? ",)" : ")")
        case .dict(let entries):
            return "{" + entries.map { literalSource($0.key) + ": " + literalSource($0.value) }.joined(separator: ", ") + "}"
        case .objectRef(let id): return "__swiftray_ref__(\(literalSource(.string(id))))"
        case .actorHandle(let id, let cls, let methods):
            return "__swiftray_actor__(\(literalSource(.string(id))), \(literalSource(.string(cls))), \(literalSource(.list(methods.map { .string($0) }))))"
        case .placementGroup(let id, let bundles):
            return "__swiftray_pg__(\(literalSource(.string(id))), \(literalSource(.list(bundles))))"
        }
    }

    /// The hidden builtins the worker package calls.
    func addWorkerBuiltins(_ builtins: inout [String: Value]) {
        builtins["__swiftray_remote__"] = .builtin(PyBuiltin("__swiftray_remote__") { i, a in
            guard a.positional.count == 2, case .dict(let d) = a.positional[1] else { return a.positional.first ?? .none }
            if i.rayState.types.isEmpty { i.makeRayTypes() }
            var options: [(String, Value)] = []
            for e in d.entries { if case .str(let k) = e.key { options.append((k, e.value)) } }
            return try i.makeRemote(a.positional[0], options: options)
        })
        builtins["__swiftray_ref__"] = .builtin(PyBuiltin("__swiftray_ref__") { i, a in
            if i.rayState.types.isEmpty { i.makeRayTypes() }
            guard case .str(let id)? = a.positional.first else { return .none }
            return i.makeObjectRef(id)
        })
        builtins["__swiftray_pg__"] = .builtin(PyBuiltin("__swiftray_pg__") { i, a in
            guard a.positional.count == 2, case .str(let id) = a.positional[0] else { return .none }
            return i.makePlacementGroup(id: id, bundles: (try? i.iterate(a.positional[1])) ?? [])
        })
        builtins["__swiftray_actor__"] = .builtin(PyBuiltin("__swiftray_actor__") { i, a in
            guard a.positional.count == 3, case .str(let id) = a.positional[0], case .str(let cls) = a.positional[1] else { return .none }
            let methods = ((try? i.iterate(a.positional[2])) ?? []).compactMap { v -> String? in if case .str(let m) = v { return m }; return nil }
            return i.fromData(.actorHandle(id: id, className: cls, methods: methods))
        })
    }

    /// Re-reads the host's environment into `os.environ` (a worker's next task may have other
    /// `CUDA_VISIBLE_DEVICES` / `OMP_NUM_THREADS`). Keys the host no longer has are removed.
    public func refreshEnvironment() {
        guard let os = modules["os"], case .dict(let env)? = os.attrs["environ"] else { return }
        let now = host.environment
        for key in env.entries.map(\.key) {
            if case .str(let k) = key, now[k] == nil { _ = env.remove(key) }
        }
        for k in now.keys.sorted() { env.set(.str(k), .str(now[k]!)) }
    }

    /// Runs a task: defines `spec.definitionSource` (once per source) and calls `spec.name`
    /// with the arguments. Never throws: Python errors become `.failure`.
    public func executeTask(_ spec: RemoteCallSpec) -> TaskOutcome {
        onLargeStack {
            workerCall(spec) {
                var fn = try self.lookupGlobal(spec.name, self.mainScope)
                if case .instance(let inst) = fn, inst.type === self.rayState.types["RemoteFunction"], let f = inst.attrs["_function"] {
                    fn = f
                }
                return try self.call(fn, try self.arguments(of: spec))
            }
        }
    }

    /// Creates an actor instance (`spec.name` is the class name) and keeps it under `actorID`.
    public func createActorInstance(_ spec: RemoteCallSpec, actorID: String) -> TaskOutcome {
        onLargeStack {
            workerCall(spec) {
                var cls = try self.lookupGlobal(spec.name, self.mainScope)
                if case .instance(let inst) = cls, inst.type === self.rayState.types["ActorClass"], let t = inst.attrs["_target"] {
                    cls = t
                }
                self.actorInstances[actorID] = try self.call(cls, try self.arguments(of: spec))
                return .none
            }
        }
    }

    /// Calls a method on an actor created by `createActorInstance`; `spec.name` is
    /// `Class.method` (or just `method`) and `spec.actorID` names the instance.
    public func executeActorMethod(_ spec: RemoteCallSpec) -> TaskOutcome {
        onLargeStack { workerCall(spec) { try self.actorMethodValue(spec) } }
    }

    /// Calls the method `spec` names on its actor instance; a coroutine result is awaited.
    func actorMethodValue(_ spec: RemoteCallSpec) throws -> Value {
        guard let id = spec.actorID, let instance = actorInstances[id] else {
            throw raise("RuntimeError", .str("unknown actor \(spec.actorID ?? "nil")"))
        }
        let result = try call(try getAttribute(instance, Self.methodName(of: spec)), try arguments(of: spec))
        if case .coroutine = result { return try awaitValue(result) }
        return result
    }

    /// `method` of a spec named `Class.method` (or just `method`).
    static func methodName(of spec: RemoteCallSpec) -> String {
        guard let dot = spec.name.lastIndex(of: ".") else { return spec.name }
        return String(spec.name[spec.name.index(after: dot)...])
    }

    func arguments(of spec: RemoteCallSpec) throws -> Arguments {
        var args = Arguments(spec.arguments.map { fromData($0) })
        for e in spec.keywordArguments {
            guard case .string(let k) = e.key else { throw raise("TypeError", .str("keywords must be strings")) }
            args.keywords.append((k, fromData(e.value)))
        }
        return args
    }

    /// Runs `body` as a remote call: defines `spec.definitionSource` first (once per source),
    /// converts the result to data, and turns any Python error into `.failure` with its
    /// CPython-style traceback. Leaves no frames behind.
    func workerCall(_ spec: RemoteCallSpec, _ body: () throws -> Value) -> TaskOutcome {
        let filename = "<remote \(spec.name.split(separator: ".").first.map(String.init) ?? spec.name)>"
        frames = [Frame(name: "<module>", filename: filename, line: 1)]
        defer { frames = [] }
        do {
            if !spec.definitionSource.isEmpty && !loadedDefinitions.contains(spec.definitionSource) {
                sources[filename] = spec.definitionSource.split(separator: "\n", omittingEmptySubsequences: false)
                let body = try Parser.parse(spec.definitionSource, filename: filename)
                recordImports(body)
                _ = try execBlock(body, mainScope)
                loadedDefinitions.insert(spec.definitionSource)
            }
            frames = []  // the call's traceback starts at the remote function, as in Ray
            let result = try body()
            return .value(try toData(result))
        } catch ScriptError.exception(let exc) {
            return .failure(TaskFailure(typeName: exc.typeName, message: (try? exceptionMessage(exc.instance)) ?? "",
                                        traceback: formatTraceback(exc)))
        } catch ScriptError.syntax(let info) {
            return .failure(TaskFailure(typeName: info.kind, message: info.message, traceback: info.rendered))
        } catch {
            return .failure(TaskFailure(typeName: "SystemError", message: "\(error)", traceback: "SystemError: \(error)\n"))
        }
    }
}

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

    /// The imports plus the dedented source lines `from...to` of `filename`.
    func definitionSource(filename: String, from start: Int, to end: Int) -> String {
        guard let lines = sources[filename], start >= 1, end >= start, end <= lines.count else { return "" }
        var body = lines[(start - 1)..<end].map(String.init)
        let indent = body.first.map { $0.prefix { $0 == " " || $0 == "\t" }.count } ?? 0
        body = body.map { line in
            let lead = line.prefix { $0 == " " || $0 == "\t" }.count
            return String(line.dropFirst(min(indent, lead)))
        }
        return (importPrelude + body).joined(separator: "\n") + "\n"
    }

    /// Runs a task: defines `spec.definitionSource` (once per source) and calls `spec.name`
    /// with the arguments. Never throws: Python errors become `.failure`.
    public func executeTask(_ spec: RemoteCallSpec) -> TaskOutcome {
        onLargeStack {
            workerCall(spec) {
                let fn = try self.lookupGlobal(spec.name, self.mainScope)
                return try self.call(fn, try self.arguments(of: spec))
            }
        }
    }

    /// Creates an actor instance (`spec.name` is the class name) and keeps it under `actorID`.
    public func createActorInstance(_ spec: RemoteCallSpec, actorID: String) -> TaskOutcome {
        onLargeStack {
            workerCall(spec) {
                let cls = try self.lookupGlobal(spec.name, self.mainScope)
                self.actorInstances[actorID] = try self.call(cls, try self.arguments(of: spec))
                return .none
            }
        }
    }

    /// Calls a method on an actor created by `createActorInstance`; `spec.name` is
    /// `Class.method` (or just `method`) and `spec.actorID` names the instance.
    public func executeActorMethod(_ spec: RemoteCallSpec) -> TaskOutcome {
        onLargeStack {
            workerCall(spec) {
                guard let id = spec.actorID, let instance = self.actorInstances[id] else {
                    throw self.raise("RuntimeError", .str("unknown actor \(spec.actorID ?? "nil")"))
                }
                let method = String(spec.name.split(separator: ".").last ?? "")
                let result = try self.call(try self.getAttribute(instance, method), try self.arguments(of: spec))
                if case .coroutine = result { return try self.awaitValue(result) }
                return result
            }
        }
    }

    func arguments(of spec: RemoteCallSpec) throws -> Arguments {
        var args = Arguments(spec.arguments.map { fromData($0) })
        for e in spec.keywordArguments {
            guard case .string(let k) = e.key else { throw raise("TypeError", .str("keywords must be strings")) }
            args.keywords.append((k, fromData(e.value)))
        }
        return args
    }

    private func workerCall(_ spec: RemoteCallSpec, _ body: @escaping () throws -> Value) -> TaskOutcome {
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

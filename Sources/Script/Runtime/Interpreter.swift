/// The driver-language interpreter: runs scripts and REPL input against a host and a cluster
/// bridge.
///
/// Guarantees: never crashes on script errors — syntax errors and uncaught exceptions are
/// printed to the host's stderr in CPython's format and reported as exit status 1;
/// `sys.exit(n)` yields status `n`. Not thread-safe: use one interpreter from one thread.
public final class Interpreter {
    let host: ScriptHost
    let bridge: ClusterBridge
    var types: BuiltinTypes!
    var builtins: [String: Value] = [:]
    var modules: [String: PyModule] = [:]
    var mainScope: Scope
    var frames: [Frame] = []
    var sources: [String: [Substring]] = [:]
    /// Exceptions currently being handled (innermost last), for bare `raise` and `__context__`.
    var handling: [PythonException] = []
    var mainSource = ""
    var mainFilename = "<stdin>"
    /// Python's recursion limit analogue (protects the Swift stack).
    public var maxDepth = 1000
    /// How deeply the built-in recursive operations (repr, equality) are nested right now;
    /// past `maxDepth` they raise RecursionError like CPython instead of overflowing the stack.
    var nativeDepth = 0
    /// When true (the default), `run`, `evalInteractive` and the worker entry points execute on
    /// a fresh thread with a 256 MB stack so deep recursion cannot overflow the caller's stack.
    /// A runtime that already calls from a large-stack thread may turn this off to save the
    /// thread creation per call.
    public var runsOnLargeStack = true
    var rayState = RayState()
    var randomState: UInt64
    var interruptCounter = 0
    var viewTypes: [String: PyType] = [:]
    /// The running `asyncio` event loop, if any.
    var eventLoop: EventLoop?
    /// Values yielded by the generator bodies currently running (innermost last).
    var generatorSinks: [PyList] = []
    /// True while running REPL input: module-level expression statements echo their repr,
    /// also inside compound statements (CPython's 'single' mode).
    var interactiveEcho = false
    /// Top-level import statements seen so far, re-run by workers before a definition.
    var importPrelude: [String] = []
    /// Definition sources already executed by this (worker) interpreter.
    var loadedDefinitions: Set<String> = []
    /// Top-level functions and classes of the driver's module, in definition order, as source a
    /// worker can execute (Interpreter+Worker): what a remote function may refer to.
    var moduleDefinitions: [(name: String, source: String)] = []
    /// Actor instances living in this (worker) interpreter, by actor id.
    var actorInstances: [String: Value] = [:]

    public init(host: ScriptHost, bridge: ClusterBridge) {
        self.host = host
        self.bridge = bridge
        self.mainScope = Scope()
        self.randomState = host.randomSeed()
        self.types = BuiltinTypes(self)
        installBuiltins()
        mainScope.vars["__name__"] = .str("__main__")
        mainScope.vars["__doc__"] = Value.none
        mainScope.vars["__builtins__"] = .module(PyModule(name: "builtins"))
    }

    /// Runs a whole program. Returns the process exit status: 0 on success, 1 after printing a
    /// syntax error or traceback to stderr, or the code given to `sys.exit`.
    public func run(source: String, filename: String) -> Int32 {
        onLargeStack { runOnCurrentThread(source: source, filename: filename) }
    }

    func onLargeStack<T>(_ body: () -> T) -> T {
        runsOnLargeStack ? LargeStack.run(body) : body()
    }

    func runOnCurrentThread(source: String, filename: String) -> Int32 {
        mainSource = source
        mainFilename = filename
        sources[filename] = source.split(separator: "\n", omittingEmptySubsequences: false)
        let body: [Stmt]
        do {
            body = try Parser.parse(source, filename: filename)
        } catch {
            return report(error)
        }
        recordImports(body)
        frames = [Frame(name: "<module>", filename: filename, line: 1)]
        defer { frames = [] }
        do {
            _ = try execBlock(body, mainScope)
            return 0
        } catch {
            return report(error)
        }
    }

    /// Runs one REPL input (a statement or block). Expression statements echo the `repr` of
    /// their value (unless None). Errors are printed; returns false if an error occurred.
    /// A `SystemExit` is reported through `exitRequested`.
    @discardableResult
    public func evalInteractive(source: String, filename: String = "<stdin>") -> Bool {
        onLargeStack { evalInteractiveOnCurrentThread(source: source, filename: filename) }
    }

    func evalInteractiveOnCurrentThread(source: String, filename: String) -> Bool {
        sources[filename] = source.split(separator: "\n", omittingEmptySubsequences: false)
        if mainSource.isEmpty { mainSource = source } else { mainSource += "\n" + source }
        let body: [Stmt]
        do {
            body = try Parser.parse(source, filename: filename)
        } catch {
            _ = report(error, interactive: true)
            return false
        }
        recordImports(body)
        frames = [Frame(name: "<module>", filename: filename, line: 1)]
        interactiveEcho = true
        defer { frames = []; interactiveEcho = false }
        do {
            _ = try execBlock(body, mainScope)
            return true
        } catch {
            let status = report(error, interactive: true)
            if status != 1 || isSystemExit(error) { exitRequested = status }
            return false
        }
    }

    /// Parses `source` without running it; returns the syntax error, or nil when it parses.
    /// Parses on a large stack, like `run`, so any input the parser accepts cannot overflow the
    /// caller's (possibly small) thread stack.
    public static func syntaxError(in source: String, filename: String = "<unknown>") -> SyntaxErrorInfo? {
        LargeStack.run { () -> SyntaxErrorInfo? in
            do {
                _ = try Parser.parse(source, filename: filename)
                return nil
            } catch let error as ScriptError {
                if case .syntax(let info) = error { return info }
                return SyntaxErrorInfo(message: "\(error)", filename: filename, line: 1, column: 1)
            } catch {
                return SyntaxErrorInfo(message: "\(error)", filename: filename, line: 1, column: 1)
            }
        }
    }

    /// The driver's cluster connection (set by `ray.init` or the first implicit cluster call,
    /// cleared by `ray.shutdown`). The CLI uses it after `run` to end the job with the exit status.
    public var connection: JobConnection? { rayState.connection }

    /// Set when an interactive input called `sys.exit` (the REPL should exit with it).
    public var exitRequested: Int32?

    /// True when `source` is a complete REPL input; false when more lines are needed (open
    /// brackets, unterminated triple-quoted string, trailing `:` block or backslash, or an
    /// open block not yet ended by an empty line). Inputs with real syntax errors are
    /// "complete" (so the error is shown at once).
    public func isComplete(source: String) -> Bool {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if let last = lines.last, last.hasSuffix("\\") { return false }
        let body: [Stmt]
        do {
            body = try onLargeStack { Result { () throws(ScriptError) -> [Stmt] in try Parser.parse(source, filename: "<stdin>") } }.get()
        } catch {
            if case .syntax(let info) = error {
                let m = info.message
                if m.contains("was never closed") || m.hasPrefix("unterminated triple-quoted") || m.hasPrefix("expected an indented block")
                    || m == "unexpected EOF while parsing" {
                    return false
                }
            }
            return true
        }
        // A compound statement is finished only by an empty line.
        guard let lastStmt = body.last else { return true }
        switch lastStmt.kind {
        case .if, .while, .for, .functionDef, .classDef, .try, .with:
            return lines.last.map { $0.trimmingCharacters().isEmpty } ?? true
        default:
            return true
        }
    }

    /// Completion candidates for a REPL prefix: names in scope and builtins, or attributes
    /// for a dotted prefix (`ray.ini` → `ray.init`). Sorted; dunder names only if asked for.
    public func completions(prefix: String) -> [String] {
        var parts = prefix.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let last = parts.removeLast()
        var names: [String]
        if parts.isEmpty {
            names = Array(mainScope.vars.keys) + Array(builtins.keys) + Lexer.keywords.sorted()
        } else {
            var value: Value? = mainScope.vars[parts[0]] ?? builtins[parts[0]]
            for p in parts.dropFirst() { value = value.flatMap { try? getAttribute($0, p) } }
            guard let v = value else { return [] }
            names = attributeNames(v)
        }
        let base = parts.isEmpty ? "" : parts.joined(separator: ".") + "."
        let filtered = Set(names.filter { $0.hasPrefix(last) && (last.hasPrefix("_") || !$0.hasPrefix("_")) })
        return filtered.sorted().map { base + $0 }
    }

    func isSystemExit(_ error: Error) -> Bool {
        if case ScriptError.exception(let e) = error { return e.instance.type.name == "SystemExit" }
        return false
    }

    /// Prints an error the way CPython does and returns the exit status.
    func report(_ error: Error, interactive: Bool = false) -> Int32 {
        switch error {
        case ScriptError.syntax(let info):
            host.write(info.rendered, to: .stderr)
            return 1
        case ScriptError.exception(let exc):
            if exc.instance.type.name == "SystemExit" {
                let args = exceptionArgs(exc.instance)
                guard let code = args.first else { return 0 }
                switch code {
                case .none: return 0
                case .int(let i): return Int32(truncatingIfNeeded: i)
                default:
                    host.write(((try? str(code)) ?? "") + "\n", to: .stderr)
                    return 1
                }
            }
            host.write(formatTraceback(exc), to: .stderr)
            return 1
        case ScriptError.internalError(let message):
            host.write("SystemError: \(message)\n", to: .stderr)
            return 1
        default:
            host.write("SystemError: \(error)\n", to: .stderr)
            return 1
        }
    }
}

extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingSpaces() }
}

/// The `asyncio` module (cooperative tasks on fibers: `gather`/`create_task` interleave at
/// `await asyncio.sleep`) and the `pprint` module.
extension Interpreter {
    func makeAsyncioModule() -> PyModule {
        let m = PyModule(name: "asyncio")
        function(m, "run") { i, a in
            try i.arity("run", a, 1, 1, keywords: true)
            guard case .coroutine(let c) = a.positional[0] else {
                throw i.raise("ValueError", .str("a coroutine was expected, got \(try i.repr(a.positional[0]))"))
            }
            return try i.runEventLoop(c)
        }
        function(m, "sleep") { i, a in
            try i.arity("sleep", a, 1, 2)
            let s = try i.number(a.positional[0], "a float")
            let result = a.positional.count > 1 ? a.positional[1] : .none
            return .coroutine(PyCoroutine(name: "sleep") {
                try i.asyncSleep(s)
                return result
            })
        }
        function(m, "gather") { i, a in
            let items = a.positional
            guard let loop = i.eventLoop else {
                return .coroutine(PyCoroutine(name: "gather") { .list(PyList(try items.map { try i.awaitValue($0) })) })
            }
            let tasks = try items.map { try i.ensureTask($0, loop) }
            return .coroutine(PyCoroutine(name: "gather") { .list(PyList(try tasks.map { try i.awaitTask($0) })) })
        }
        function(m, "wait") { i, a in
            let items = try i.iterate(a.positional.first ?? .list(PyList()))
            guard let loop = i.eventLoop else {
                return .coroutine(PyCoroutine(name: "wait") {
                    let done = PySet()
                    for v in items { _ = try i.awaitValue(v); done.storage.set(v, .none) }
                    return .tuple([.set(done), .set(PySet())])
                })
            }
            let tasks = try items.map { try i.ensureTask($0, loop) }
            return .coroutine(PyCoroutine(name: "wait") {
                let done = PySet()
                for t in tasks { _ = try? i.awaitTask(t); done.storage.set(i.taskValue(t), .none) }
                return .tuple([.set(done), .set(PySet())])
            })
        }
        function(m, "wait_for") { i, a in
            let aw = a.positional.first ?? .none
            return .coroutine(PyCoroutine(name: "wait_for") { try i.awaitValue(aw) })
        }
        function(m, "create_task") { i, a in
            guard let loop = i.eventLoop else { throw i.raise("RuntimeError", .str("no running event loop")) }
            return i.taskValue(try i.ensureTask(a.positional.first ?? .none, loop))
        }
        function(m, "ensure_future") { i, a in
            guard let loop = i.eventLoop else { throw i.raise("RuntimeError", .str("no running event loop")) }
            return i.taskValue(try i.ensureTask(a.positional.first ?? .none, loop))
        }
        function(m, "iscoroutine") { _, a in
            if case .coroutine? = a.positional.first { return .bool(true) }
            return .bool(false)
        }
        m.attrs["TimeoutError"] = builtins["TimeoutError"]
        m.attrs["CancelledError"] = .type(PyType(name: "CancelledError", bases: [types.baseException], module: "asyncio"))
        m.attrs["Future"] = .type(PyType(name: "Future", bases: [types.object], module: "asyncio"))
        return m
    }

    func makePprintModule() -> PyModule {
        let m = PyModule(name: "pprint")
        function(m, "pprint") { i, a in
            guard let v = a.positional.first else { throw i.raise("TypeError", .str("pprint() missing 1 required positional argument: 'object'")) }
            let width = try a.keyword("width").map { try i.toInt($0) } ?? 80
            let sortDicts = try a.keyword("sort_dicts").map { try i.truthy($0) } ?? true
            i.host.write(try i.pformat(v, indent: 0, width: width, sortDicts: sortDicts) + "\n", to: .stdout)
            return .none
        }
        function(m, "pformat") { i, a in
            guard let v = a.positional.first else { return .str("") }
            let width = try a.keyword("width").map { try i.toInt($0) } ?? 80
            return .str(try i.pformat(v, indent: 0, width: width, sortDicts: true))
        }
        return m
    }

    /// A simplified `pprint.pformat`: repr when it fits, otherwise one element per line.
    func pformat(_ v: Value, indent: Int, width: Int, sortDicts: Bool) throws -> String {
        let flat = try flatRepr(v, sortDicts: sortDicts)
        if flat.count + indent <= width { return flat }
        let pad = String(repeating: " ", count: indent + 1)
        switch v {
        case .dict(let d):
            var entries = d.entries
            if sortDicts { entries = try sortedEntries(entries) }
            var parts: [String] = []
            for e in entries {
                let k = try repr(e.key)
                parts.append(k + ": " + (try pformat(e.value, indent: indent + 1 + k.count + 2, width: width, sortDicts: sortDicts)))
            }
            return "{" + parts.joined(separator: ",\n" + pad) + "}"
        case .list(let l):
            return "[" + (try l.items.map { try pformat($0, indent: indent + 1, width: width, sortDicts: sortDicts) }).joined(separator: ",\n" + pad) + "]"
        case .tuple(let t):
            let body = try t.map { try pformat($0, indent: indent + 1, width: width, sortDicts: sortDicts) }.joined(separator: ",\n" + pad)
            return "(" + body + (t.count == 1 ? ",)" : ")")
        default:
            return flat
        }
    }

    func sortedEntries(_ entries: [(key: Value, value: Value)]) throws -> [(key: Value, value: Value)] {
        let keys = try sortValues(entries.map { $0.key }, key: nil, reverse: false)
        return keys.map { k in entries.first { HashKey.equal($0.key, k) }! }
    }

    func flatRepr(_ v: Value, sortDicts: Bool) throws -> String {
        switch v {
        case .dict(let d) where sortDicts:
            let entries = (try? sortedEntries(d.entries)) ?? d.entries
            return "{" + (try entries.map { try repr($0.key) + ": " + flatRepr($0.value, sortDicts: sortDicts) }).joined(separator: ", ") + "}"
        case .list(let l):
            return "[" + (try l.items.map { try flatRepr($0, sortDicts: sortDicts) }).joined(separator: ", ") + "]"
        case .tuple(let t):
            if t.count == 1 { return "(" + (try flatRepr(t[0], sortDicts: sortDicts)) + ",)" }
            return "(" + (try t.map { try flatRepr($0, sortDicts: sortDicts) }).joined(separator: ", ") + ")"
        default:
            return try repr(v)
        }
    }
}

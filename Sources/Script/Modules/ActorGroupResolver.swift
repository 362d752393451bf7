/// Decides which concurrency group each call to one actor runs in: the call's own
/// `.options(concurrency_group=)`, else its method's `@ray.method(concurrency_group=)`, else
/// the default group (Ray's rule).
///
/// Guarantees: a method's declared group is looked up once per method name; the default group
/// is `""`; a name that is not one of the actor's groups is reported, never silently mapped.
struct ActorGroupResolver {
    /// The actor's class (nil when the instance is unknown: calls then fail when they run).
    let actorClass: PyType?
    let groupNames: [String]
    private var declared: [String: String?] = [:]

    init(actorClass: PyType?, groupNames: [String]) {
        self.actorClass = actorClass
        self.groupNames = groupNames
    }

    /// The group key of `call` (`""`: the default group), or nil when it names an unknown group.
    /// `name` receives the requested group name.
    mutating func groupKey(of call: ActorCall, method: String, name: inout String) -> String? {
        var requested = call.concurrencyGroup ?? ""
        if requested.isEmpty { requested = declaredGroup(of: method) ?? "" }
        name = requested
        if requested.isEmpty || groupNames.contains(requested) { return requested }
        return nil
    }

    /// The `concurrency_group` option `@ray.method` stored on the method, if any.
    mutating func declaredGroup(of method: String) -> String? {
        if let cached = declared[method] { return cached }
        var group: String?
        var value = actorClass?.lookup(method)
        if case .wrapper(let w)? = value { value = w.function }
        if case .function(let f)? = value, case .dict(let options)? = f.attrs["__ray_method_options__"],
           case .str(let g)? = options.get(.str("concurrency_group")) {
            group = g
        }
        declared[method] = group
        return group
    }

    /// Ray-style message for a call naming a group the actor does not define.
    func unknownGroupMessage(_ name: String, className: String) -> String {
        let defined = groupNames.isEmpty ? "it defines no concurrency groups"
            : "defined groups: " + groupNames.map { "'\($0)'" }.joined(separator: ", ")
        return "Concurrency group '\(name)' is not defined on actor class '\(className)' (\(defined))"
    }
}

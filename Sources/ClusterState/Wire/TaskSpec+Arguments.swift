extension Swiftray_TaskSpec {
    /// True when a top-level argument is still an ObjectRef: the owner resolves it to the
    /// object's payload before the task, actor call or constructor is sent.
    public var hasObjectRefArguments: Bool {
        anyArgument {
            if case .value(let v)? = $0.kind, case .objectRef? = v.kind { return true }
            return false
        }
    }

    /// True when an argument was resolved to an object's payload, which the worker must load
    /// (from its owner inline, or from an object store) before the call.
    public var hasResolvedArguments: Bool {
        anyArgument {
            if case .resolved? = $0.kind { return true }
            return false
        }
    }

    /// Whether a positional or keyword argument satisfies `test` (no combined array is built:
    /// both run once per task on the submit and execute paths).
    private func anyArgument(_ test: (Swiftray_TaskArg) -> Bool) -> Bool {
        args.contains(where: test) || kwargs.contains(where: test)
    }
}

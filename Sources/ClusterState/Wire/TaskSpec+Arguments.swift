extension Swiftray_TaskSpec {
    /// True when a top-level argument is still an ObjectRef: the owner resolves it to the
    /// object's payload before the task, actor call or constructor is sent.
    public var hasObjectRefArguments: Bool {
        (args + kwargs).contains {
            if case .value(let v)? = $0.kind, case .objectRef? = v.kind { return true }
            return false
        }
    }
}

/// What `ray.init(...)` asked for. Unknown keyword arguments are kept in `extra`.
public struct ConnectOptions: Sendable, Equatable {
    /// `address=`; nil means "find the running cluster" (env var, temp-dir file).
    public var address: String?
    /// `namespace=`; nil means the runtime picks a random UUID.
    public var namespace: String?
    /// True when the connection is implicit (first cluster call without `ray.init`).
    public var implicit: Bool
    /// `num_cpus=`, `num_gpus=`, `resources=`, `ignore_reinit_error=`, `runtime_env=`, …
    public var extra: [ScriptDataEntry]

    public init(address: String? = nil, namespace: String? = nil, implicit: Bool = false, extra: [ScriptDataEntry] = []) {
        self.address = address
        self.namespace = namespace
        self.implicit = implicit
        self.extra = extra
    }
}

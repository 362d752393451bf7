/// The validated options of one remote-function call (`@ray.remote(...)` merged with
/// `.options(...)`), produced by `TaskOptionsParser.task`.
///
/// Guarantees: `resources` holds only non-negative amounts representable in fixed point (GPU
/// above 1 whole), `maxRetries >= -1` (-1 retries forever), `numReturns >= 0`, `maxCalls >= 0`
/// (0 means unlimited), and `strategy` is well formed. Pure value.
public struct TaskOptions: Hashable, Sendable {
    /// What one execution requires (Ray's task default is `{CPU: 1}`; `num_cpus=0` asks nothing).
    public var resources: ResourceSet
    /// Retries after a worker crash; -1 is unlimited. Ray's default is 3.
    public var maxRetries: Int
    /// Whether application exceptions are retried too (up to `maxRetries`).
    public var retryExceptions: Bool
    /// When `retry_exceptions` was a list: the exception class names that are retried (empty
    /// when it was a bool, meaning every exception when `retryExceptions`).
    public var retryExceptionAllowlist: [String]
    public var strategy: TaskStrategy
    /// The task's display name (`name=`), nil when not given.
    public var name: String?
    /// How many object refs one call returns.
    public var numReturns: Int
    /// How many calls a worker runs before it exits; 0 means unlimited. Only `@ray.remote` sets
    /// it, and a function that asks for GPUs there defaults to 1.
    public var maxCalls: Int

    public init(resources: ResourceSet = ResourceSet(["CPU": ResourceQuantity(units: 1)]), maxRetries: Int = 3,
                retryExceptions: Bool = false, retryExceptionAllowlist: [String] = [],
                strategy: TaskStrategy = .default, name: String? = nil, numReturns: Int = 1, maxCalls: Int = 0) {
        self.resources = resources
        self.maxRetries = maxRetries
        self.retryExceptions = retryExceptions
        self.retryExceptionAllowlist = retryExceptionAllowlist
        self.strategy = strategy
        self.name = name
        self.numReturns = numReturns
        self.maxCalls = maxCalls
    }
}

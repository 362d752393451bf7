/// The validated options of one actor creation (`@ray.remote(...)` on a class merged with
/// `.options(...)`), produced by `TaskOptionsParser.actor`.
///
/// An actor has two resource requests: `placementResources` must be free to place the actor,
/// `lifetimeResources` stays held while it lives. An actor with no resource options is placed
/// with `{CPU: 1}` and holds nothing (its methods take the CPU); one given any resource other
/// than `memory` holds everything it asked for, with `CPU` defaulting to 1, and is placed with
/// the same. Amounts are non-negative and representable in fixed point; `maxRestarts` and
/// `maxTaskRetries` are >= -1 (-1 unlimited); `name`, when set, is not empty; `namespace`, when
/// set, is not empty. Pure value.
public struct ActorOptions: Hashable, Sendable {
    /// What must be available to place the actor.
    public var placementResources: ResourceSet
    /// What the actor holds for its whole life.
    public var lifetimeResources: ResourceSet
    /// Restarts after the actor process dies; -1 is unlimited. Default 0.
    public var maxRestarts: Int
    /// Retries of a method call whose actor died; -1 is unlimited. Default 0.
    public var maxTaskRetries: Int
    /// Concurrent method calls; nil leaves Ray's default (1 for threaded, 1000 for async actors).
    public var maxConcurrency: Int?
    /// Pending calls allowed per handle; -1 is unlimited (the default).
    public var maxPendingCalls: Int
    /// `lifetime=`; nil means the job's default (not detached).
    public var lifetime: ActorLifetime?
    /// The actor's name (`name=`), nil for an anonymous actor.
    public var name: String?
    /// `namespace=`, nil for the job's namespace.
    public var namespace: String?
    /// `get_if_exists=True`: return the live actor of that name instead of failing.
    public var getIfExists: Bool
    public var strategy: TaskStrategy

    public init(placementResources: ResourceSet = ResourceSet(["CPU": ResourceQuantity(units: 1)]),
                lifetimeResources: ResourceSet = ResourceSet(), maxRestarts: Int = 0, maxTaskRetries: Int = 0,
                maxConcurrency: Int? = nil, maxPendingCalls: Int = -1, lifetime: ActorLifetime? = nil,
                name: String? = nil, namespace: String? = nil, getIfExists: Bool = false,
                strategy: TaskStrategy = .default) {
        self.placementResources = placementResources
        self.lifetimeResources = lifetimeResources
        self.maxRestarts = maxRestarts
        self.maxTaskRetries = maxTaskRetries
        self.maxConcurrency = maxConcurrency
        self.maxPendingCalls = maxPendingCalls
        self.lifetime = lifetime
        self.name = name
        self.namespace = namespace
        self.getIfExists = getIfExists
        self.strategy = strategy
    }

    /// True for `lifetime="detached"`.
    public var isDetached: Bool { lifetime == .detached }
}

/// How an actor runs its method calls, from `max_concurrency=` and `concurrency_groups=`.
///
/// `maxConcurrency` nil means Ray's default: 1 for a threaded actor, 1000 for an async actor
/// (one with any `async def` method). Groups keep their declaration order; each has its own
/// limit; calls not in a named group use the default group with `maxConcurrency`.
public struct ActorConcurrencySpec: Sendable, Equatable {
    public var maxConcurrency: Int?
    public var groups: [(name: String, limit: Int)]

    public init(maxConcurrency: Int? = nil, groups: [(name: String, limit: Int)] = []) {
        self.maxConcurrency = maxConcurrency
        self.groups = groups
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.maxConcurrency == b.maxConcurrency && a.groups.map(\.name) == b.groups.map(\.name) && a.groups.map(\.limit) == b.groups.map(\.limit)
    }
}

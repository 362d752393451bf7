import ClusterState

/// What runs pushed tasks in a worker process (the CLI's interpreter-backed executor).
public protocol TaskExecutor: Sendable {
    /// Takes a pushed task or actor call; `done` gets its answer, exactly once, from any thread.
    /// Called in the order the pushes arrived (a lease's pushes travel one connection, so this
    /// is their sender's order): on the connection's event loop, or by whoever hands over
    /// pushes held before the executor was ready. Must return without blocking.
    func start(_ request: Swiftray_PushTaskRequest, done: @escaping @Sendable (Swiftray_PushTaskReply) -> Void)
}

import ClusterState

/// What runs pushed tasks in a worker process (the CLI's interpreter-backed executor).
public protocol TaskExecutor: Sendable {
    /// Takes a pushed task or actor call; `done` gets its answer, exactly once, from any thread.
    /// Called on the connection's event loop in the order the pushes arrived (a lease's pushes
    /// travel one connection, so this is their sender's order); must return without blocking.
    func start(_ request: Swiftray_PushTaskRequest, done: @escaping @Sendable (Swiftray_PushTaskReply) -> Void)
}

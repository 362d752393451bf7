import ClusterState

/// What runs pushed tasks in a worker process (the CLI's interpreter-backed executor).
public protocol TaskExecutor: Sendable {
    func execute(_ request: Swiftray_PushTaskRequest) async -> Swiftray_PushTaskReply
}

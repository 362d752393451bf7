import ClusterState
import SwiftProtobuf

/// How a `GcsClient` sends its calls: a `GcsConnection` (event-loop transport, optionally
/// reconnecting; drivers, workers, daemons) or a `BlockingRpcClient` (one-shot commands).
/// Implementations are thread-safe.
public protocol GcsTransport: Sendable {
    /// Sends `request` as `method` and returns the typed answer. `waitAtMost` and `resend`
    /// matter only to a transport that reconnects (see `GcsConnection.call`).
    func send<Reply: SwiftProtobuf.Message>(_ method: String, _ request: some SwiftProtobuf.Message,
                                            as: Reply.Type, timeout: Duration,
                                            waitAtMost: Duration?, resend: Bool) async throws -> Reply
    /// Closes the connection for good; later calls fail.
    func close() async
}

extension GcsTransport {
    /// `send` with the usual defaults: a 30-second deadline, resent after a reconnection.
    public func call<Reply: SwiftProtobuf.Message>(_ method: String, _ request: some SwiftProtobuf.Message,
                                                   as: Reply.Type = Reply.self,
                                                   timeout: Duration = .seconds(30),
                                                   waitAtMost: Duration? = nil, resend: Bool = true) async throws -> Reply {
        try await send(method, request, as: Reply.self, timeout: timeout, waitAtMost: waitAtMost, resend: resend)
    }
}

extension GcsConnection: GcsTransport {}

extension BlockingRpcClient: GcsTransport {
    /// Blocks the calling thread for the call (see the type's contract); never reconnects.
    public func send<Reply: SwiftProtobuf.Message>(_ method: String, _ request: some SwiftProtobuf.Message,
                                                   as: Reply.Type, timeout: Duration,
                                                   waitAtMost: Duration?, resend: Bool) async throws -> Reply {
        try callBlocking(method, request, timeout: timeout)
    }

    public func close() async {
        disconnect()
    }
}

import ClusterState
import Foundation

/// What a daemon implements to answer calls. Called concurrently from many connections.
public protocol RpcService: Sendable {
    /// Answers one authenticated call with the serialized reply message.
    /// Throw `RuntimeError` to send an error answer (its description becomes the message).
    func handle(method: String, payload: Data, connection: RpcConnection) async throws -> Data
    /// Offered every authenticated call first, on the connection's event loop and in the order
    /// the calls arrived, so a service can hand a call straight to the thread that runs it
    /// (no task, no hop through the cooperative pool). Returns false to leave the call to
    /// `handle`. Returns true when it took the call: `answer` must then be called exactly once,
    /// from any thread, with the serialized reply or the error to send. Must not block.
    func handleInline(method: String, payload: Data, connection: RpcConnection,
                      answer: @escaping @Sendable (Result<Data, any Error>) -> Void) -> Bool
    /// Told once when an authenticated connection ends (e.g. a driver vanished).
    func connectionClosed(_ connection: RpcConnection) async
}

extension RpcService {
    /// Services answer every call in `handle` unless they say otherwise.
    public func handleInline(method: String, payload: Data, connection: RpcConnection,
                             answer: @escaping @Sendable (Result<Data, any Error>) -> Void) -> Bool { false }
}

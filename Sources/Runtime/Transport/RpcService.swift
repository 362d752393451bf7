import ClusterState
import Foundation

/// What a daemon implements to answer calls. Called concurrently from many connections.
public protocol RpcService: Sendable {
    /// Answers one authenticated call with the serialized reply message.
    /// Throw `RuntimeError` to send an error answer (its description becomes the message).
    func handle(method: String, payload: Data, connection: RpcConnection) async throws -> Data
    /// Told once when an authenticated connection ends (e.g. a driver vanished).
    func connectionClosed(_ connection: RpcConnection) async
}

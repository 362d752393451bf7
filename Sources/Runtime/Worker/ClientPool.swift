import Foundation
import NIOCore
import NIOPosix

/// Connections to raylets and core workers by `host:port`, opened on first use, shared by every
/// caller, and replaced when they break. Owned by one core worker or raylet.
public actor ClientPool {
    private let token: String
    private let peerKind: String
    private var clients: [String: RpcClient] = [:]
    private var connecting: [String: Task<RpcClient, any Error>] = [:]
    /// Where the connections live (one loop keeps a core worker's answers on one thread).
    private let group: any EventLoopGroup

    public init(token: String, peerKind: String, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.token = token
        self.peerKind = peerKind
        self.group = group
    }

    /// An open connection to `host:port`.
    /// - Throws: `RuntimeError.unreachable` / `.handshakeRefused` when it cannot connect.
    public func client(host: String, port: Int) async throws -> RpcClient {
        let key = "\(host):\(port)"
        if let c = clients[key], c.isActive { return c }
        if let pending = connecting[key] { return try await pending.value }
        let token = self.token, kind = self.peerKind, group = self.group
        let attempt = Task {
            try await RpcClient.connect(host: host, port: port, token: token, peerKind: kind, timeout: .seconds(5), group: group)
        }
        connecting[key] = attempt
        defer { connecting[key] = nil }
        let c = try await attempt.value
        clients[key] = c
        return c
    }

    /// Closes every connection.
    public func closeAll() async {
        for c in clients.values { await c.close() }
        clients = [:]
    }
}

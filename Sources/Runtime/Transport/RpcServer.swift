import ClusterState
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A listening socket whose connections speak the swiftray protocol to one `RpcService`.
public final class RpcServer: Sendable {
    private let channel: any Channel
    /// The port actually bound (useful with port 0).
    public let port: Int
    public let host: String

    private init(channel: any Channel, host: String, port: Int) {
        self.channel = channel
        self.host = host
        self.port = port
    }

    /// Binds `host:port` (0 = ephemeral) and starts accepting.
    /// - Throws: `RuntimeError.failed` naming the address when the bind fails (port in use …).
    public static func start(host: String, port: Int, identity: RpcServerIdentity, service: any RpcService,
                             logger: Logger,
                             group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> RpcServer {
        let counter = NIOLockedValueBox<UInt64>(0)
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { child in
                    let id = counter.withLockedValue { $0 += 1; return $0 }
                    let remote = child.remoteAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "unknown"
                    let connection = RpcConnection(id: id, remoteAddress: remote)
                    return child.eventLoop.makeCompletedFuture {
                        // Until the peer authenticates it may only send small frames.
                        let decoder = FrameDecoder(maxFrameSize: min(identity.maxFrameSize, FrameDecoder.handshakeLimit))
                        try child.pipeline.syncOperations.addHandler(ByteToMessageHandler(decoder))
                        try child.pipeline.syncOperations.addHandler(RpcServerHandler(
                            identity: identity, service: service, connection: connection, logger: logger,
                            onAuthenticated: { decoder.maxFrameSize = identity.maxFrameSize }))
                    }
                }
                .bind(host: host, port: port).get()
            return RpcServer(channel: channel, host: host, port: channel.localAddress?.port ?? port)
        } catch {
            throw RuntimeError.failed("Could not listen on \(host):\(port): \(RpcClient.describe(error))")
        }
    }

    /// Stops accepting and closes the listening socket.
    public func close() async {
        try? await channel.close()
    }
}

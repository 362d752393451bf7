import ClusterState
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SwiftProtobuf

/// One authenticated connection to a swiftray daemon (GCS or raylet) carrying many in-flight
/// calls. Thread-safe. Every call has a deadline; when the connection breaks, every pending
/// call fails at once with `RuntimeError.connectionClosed`.
public final class RpcClient: Sendable {
    /// The wire protocol version both sides must speak; raised whenever a call or a message
    /// changes meaning (2: `raylet.ReserveBundles` and bundle versions), so a node of another
    /// build is refused at the handshake instead of failing calls later.
    public static let protocolVersion: UInt32 = 2

    private let channel: any Channel
    private let pending: PendingCalls
    /// Requests waiting to be written, in call order (bursts share one flush).
    private let outbound: OutboundFrames
    /// `host:port` of the peer, for messages.
    public let peer: String
    /// What the peer said about itself in the handshake.
    public let hello: Swiftray_HelloReply

    private init(channel: any Channel, pending: PendingCalls, peer: String, hello: Swiftray_HelloReply) {
        self.channel = channel
        self.pending = pending
        outbound = OutboundFrames(channel: channel)
        self.peer = peer
        self.hello = hello
    }

    /// Connects and performs the handshake with `token`.
    /// - Throws: `RuntimeError.unreachable` when nothing answers within `timeout`,
    ///   `RuntimeError.handshakeRefused` when the peer rejects the token or version.
    public static func connect(host: String, port: Int, token: String, peerKind: String,
                               timeout: Duration = .seconds(5),
                               group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> RpcClient {
        let peer = "\(host):\(port)"
        let channel = try await openChannel(host: host, port: port, timeout: timeout, group: group)
        let pending: PendingCalls
        do {
            pending = try await channel.eventLoop.submit {
                let pending = PendingCalls()
                try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(maxFrameSize: FrameCodec.defaultMaxFrameSize)))
                try channel.pipeline.syncOperations.addHandler(RpcClientHandler(pending: pending, peer: peer))
                if !channel.isActive { pending.closeAll(with: .connectionClosed(peer: peer)) }
                return pending
            }.get()
        } catch {
            try? await channel.close()
            throw RuntimeError.unreachable(address: peer, reason: "the connection closed while it was being set up.")
        }
        var request = Swiftray_Hello()
        request.protocolVersion = protocolVersion
        request.token = token
        request.peerKind = peerKind
        let provisional = RpcClient(channel: channel, pending: pending, peer: peer, hello: Swiftray_HelloReply())
        do {
            let reply: Swiftray_HelloReply = try await provisional.call("hello", request, timeout: timeout)
            return RpcClient(channel: channel, pending: pending, peer: peer, hello: reply)
        } catch let RuntimeError.remote(_, message) {
            try? await channel.close()
            throw RuntimeError.handshakeRefused(message)
        } catch let error as RuntimeError {
            try? await channel.close()
            if case .connectionClosed = error {
                // Not a refusal (that comes with a message): the peer went away, e.g. a daemon
                // being killed; callers that retry may try again.
                throw RuntimeError.unreachable(address: peer, reason: "the peer closed the connection during the handshake (a swiftray daemon that was stopping, or not a swiftray daemon).")
            }
            throw error
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// Asks whoever listens on `host:port` which swiftray session it belongs to, without
    /// authenticating. Returns nil when the port is free or held by something else.
    public static func whoIs(host: String, port: Int, timeout: Duration = .seconds(2),
                             group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async -> (listening: Bool, reply: Swiftray_WhoIsReply?) {
        let peer = "\(host):\(port)"
        guard let channel = try? await openChannel(host: host, port: port, timeout: timeout, group: group) else {
            return (false, nil)
        }
        guard let pending = try? await channel.eventLoop.submit({ () throws -> PendingCalls in
            let pending = PendingCalls()
            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(maxFrameSize: 1 << 20)))
            try channel.pipeline.syncOperations.addHandler(RpcClientHandler(pending: pending, peer: peer))
            return pending
        }).get() else {
            try? await channel.close()
            return (true, nil)
        }
        let client = RpcClient(channel: channel, pending: pending, peer: peer, hello: Swiftray_HelloReply())
        let reply: Swiftray_WhoIsReply? = try? await client.call("whois", Swiftray_Empty(), timeout: timeout)
        try? await channel.close()
        return (true, reply)
    }

    private static func openChannel(host: String, port: Int, timeout: Duration,
                                    group: any EventLoopGroup) async throws -> any Channel {
        let millis = Int64(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        do {
            let bootstrap = ClientBootstrap(group: group)
                .channelOption(.socketOption(.so_reuseaddr), value: 1)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(.milliseconds(max(millis, 1)))
            // A numeric address (the usual case) needs no resolver thread and no Happy Eyeballs race.
            if let address = try? SocketAddress(ipAddress: host, port: port) {
                return try await bootstrap.connect(to: address).get()
            }
            return try await bootstrap.connect(host: host, port: port).get()
        } catch {
            throw RuntimeError.unreachable(address: "\(host):\(port)", reason: Self.describe(error))
        }
    }

    /// Sends `request` as `method` and waits for the typed answer.
    public func call<Reply: SwiftProtobuf.Message>(_ method: String, _ request: some SwiftProtobuf.Message,
                                                   as: Reply.Type = Reply.self,
                                                   timeout: Duration = .seconds(30)) async throws -> Reply {
        let payload: Data = try request.serializedData()
        return try Self.reply(to: method, from: peer, try await send(method: method, payload: payload, timeout: timeout))
    }

    /// The typed answer in `frame`, or the remote error it carries (also `BlockingRpcClient`'s).
    static func reply<Reply: SwiftProtobuf.Message>(to method: String, from peer: String,
                                                    _ frame: Swiftray_Frame) throws -> Reply {
        if frame.errorCode != .ok || !frame.error.isEmpty {
            throw RuntimeError.remote(code: frame.errorCode.rawValue, message: frame.error)
        }
        do {
            return try Reply(serializedBytes: frame.payload, options: WireDecoding.options)
        } catch {
            throw RuntimeError.badMessage("The answer to \(method) from \(peer) could not be decoded.")
        }
    }

    /// Sends `request` now, from the calling thread, so calls made one after another reach the
    /// peer in that order; the returned future completes with the typed answer.
    public func callInOrder<Reply: SwiftProtobuf.Message>(_ method: String, _ request: some SwiftProtobuf.Message,
                                                          as: Reply.Type = Reply.self,
                                                          timeout: Duration = .seconds(30)) -> EventLoopFuture<Reply> {
        let promise = channel.eventLoop.makePromise(of: Swiftray_Frame.self)
        let peer = self.peer
        guard let id = pending.register({ promise.completeWith($0) }) else { return promise.futureResult.map { _ in Reply() } }
        do {
            write(id: id, method: method, payload: try request.serializedData(), timeout: timeout)
        } catch {
            pending.fail(id, with: RuntimeError.badMessage("The request \(method) could not be encoded."))
        }
        return promise.futureResult.flatMapThrowing { frame in try Self.reply(to: method, from: peer, frame) }
    }

    /// Writes the frame of registered call `id` (from the calling thread, so in call order) and
    /// arms its deadline; a failed write fails the call.
    private func write(id: UInt64, method: String, payload: Data, timeout: Duration) {
        let channel = self.channel, pending = self.pending, peer = self.peer, outbound = self.outbound
        var frame = Swiftray_Frame()
        frame.id = id
        frame.method = method
        frame.payload = payload
        do {
            let buffer = try FrameCodec.encode(frame, allocator: channel.allocator)
            let seconds = timeout.seconds
            // A call that may wait for as long as the process lives (a task or actor call) has
            // no timer: the connection closing is what ends it.
            if seconds < Self.unboundedSeconds {
                let deadline = channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(seconds * 1e9))) {
                    pending.fail(id, with: RuntimeError.timeout(method: method, seconds: seconds))
                }
                pending.setDeadline(id, deadline)
            }
            outbound.send(buffer) {
                pending.fail(id, with: RuntimeError.connectionClosed(peer: peer))
            }
        } catch {
            pending.fail(id, with: RuntimeError.badMessage("The request \(method) could not be encoded."))
        }
    }

    /// Low-level send of a raw payload; returns the answering frame.
    public func send(method: String, payload: Data, timeout: Duration) async throws -> Swiftray_Frame {
        let idBox = NIOLockedValueBox<UInt64?>(nil)
        let pending = self.pending
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Swiftray_Frame, any Error>) in
                guard let id = pending.register(continuation) else { return }
                idBox.withLockedValue { $0 = id }
                if Task.isCancelled {
                    pending.fail(id, with: CancellationError())
                    return
                }
                self.write(id: id, method: method, payload: payload, timeout: timeout)
            }
        } onCancel: {
            if let id = idBox.withLockedValue({ $0 }) { pending.fail(id, with: CancellationError()) }
        }
    }

    /// Timeouts from this long up mean "no deadline" (callers pass a year for calls that wait for
    /// work of unbounded length).
    static let unboundedSeconds: Double = 30 * 86400

    /// True while the connection is open.
    public var isActive: Bool { channel.isActive }

    /// Closes the connection; pending calls fail.
    public func close() async {
        try? await channel.close()
    }

    /// Completes when the connection closes.
    public func closed() async {
        try? await channel.closeFuture.get()
    }

    static func describe(_ error: any Error) -> String {
        if let e = error as? IOError {
            return "\(String(cString: strerror(e.errnoCode)).lowercased())."
        }
        if let e = error as? NIOConnectionError {
            if let first = e.connectionErrors.first { return describe(first.error) }
            if e.dnsAError != nil || e.dnsAAAAError != nil { return "the host name \(e.host) could not be resolved." }
        }
        if error is ChannelError { return "the connection attempt timed out or was refused." }
        let text = "\(error)"
        return text.hasSuffix(".") ? text : text + "."
    }
}

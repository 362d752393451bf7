import ClusterState
import Foundation
import Logging
import NIOCore
import SwiftProtobuf

/// Server side of one connection: enforces the handshake (protocol version and cluster token,
/// compared in constant time), answers `whois`, offers each authenticated call to the service's
/// `handleInline` and runs the others as tasks of their own. Confined to the channel's event loop.
final class RpcServerHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let identity: RpcServerIdentity
    private let service: any RpcService
    private let connection: RpcConnection
    private let logger: Logger
    private var authenticated = false
    /// Answers waiting to be written (bursts share one flush); made on the first call.
    private var outbound: OutboundFrames?
    /// Raises the frame limit once the handshake succeeded (runs on the event loop).
    private let onAuthenticated: () -> Void
    /// Closes the connection when the peer has not authenticated in time; cancelled by `hello`.
    private var handshakeDeadline: Scheduled<Void>?

    init(identity: RpcServerIdentity, service: any RpcService, connection: RpcConnection, logger: Logger,
         onAuthenticated: @escaping () -> Void = {}) {
        self.identity = identity
        self.service = service
        self.connection = connection
        self.logger = logger
        self.onAuthenticated = onAuthenticated
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let timeout = identity.handshakeTimeout
        let nanos = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        handshakeDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(nanos)) { [self] in
            guard !authenticated, context.channel.isActive else { return }
            logger.warning("Closing the connection from \(connection.remoteAddress): no handshake within \(PythonSeconds.text(Double(nanos) / 1e9)) seconds.")
            refuse(context: context, id: 0, code: .unauthenticated,
                   message: "The swiftray \(identity.component) closed the connection: it did not complete the handshake within \(PythonSeconds.text(Double(nanos) / 1e9)) seconds.")
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        handshakeDeadline?.cancel()
        handshakeDeadline = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let decoded = Result { () throws(RuntimeError) -> Swiftray_Frame in try FrameCodec.decode(unwrapInboundIn(data)) }
        guard case .success(let frame) = decoded else {
            if case .failure(let error) = decoded {
                refuse(context: context, id: 0, code: .badRequest, message: "\(error) The connection is closed.")
            }
            return
        }
        if frame.isResponse { return }
        if !authenticated {
            handshake(context: context, frame: frame)
            return
        }
        let channel = context.channel
        let service = self.service, connection = self.connection
        let outbound = self.outbound ?? OutboundFrames(channel: channel)
        self.outbound = outbound
        let id = frame.id, method = frame.method, payload = frame.payload
        // Calls the service does not take inline run as tasks of their own.
        let taken = service.handleInline(method: method, payload: payload, connection: connection) { result in
            RpcServerHandler.send(result, id: id, method: method, channel: channel, outbound: outbound)
        }
        if !taken {
            Task {
                let result: Result<Data, any Error>
                do { result = .success(try await service.handle(method: method, payload: payload, connection: connection)) } catch { result = .failure(error) }
                RpcServerHandler.send(result, id: id, method: method, channel: channel, outbound: outbound)
            }
        }
    }

    /// Writes the answer to call `id` (its reply, or its error) back on `channel`.
    private static func send(_ result: Result<Data, any Error>, id: UInt64, method: String, channel: any Channel,
                             outbound: OutboundFrames) {
        var answer = Swiftray_Frame()
        answer.id = id
        answer.method = method
        answer.isResponse = true
        switch result {
        case .success(let payload):
            answer.payload = payload
        case .failure(let runtimeError as RuntimeError):
            answer.errorCode = code(for: runtimeError)
            answer.error = runtimeError.description
        case .failure(let error):
            answer.errorCode = .failed
            answer.error = "\(error)"
        }
        if let buffer = try? FrameCodec.encode(answer, allocator: channel.allocator) {
            outbound.send(buffer)
        }
    }

    private func handshake(context: ChannelHandlerContext, frame: Swiftray_Frame) {
        switch frame.method {
        case "whois":
            var reply = Swiftray_WhoIsReply()
            reply.sessionName = identity.sessionName
            reply.tempDir = identity.tempDir
            reply.component = identity.component
            answer(context: context, id: frame.id, payload: reply)
        case "hello":
            guard let hello = try? Swiftray_Hello(serializedBytes: frame.payload) else {
                refuse(context: context, id: frame.id, code: .badRequest, message: "The handshake message could not be decoded.")
                return
            }
            guard hello.protocolVersion == RpcClient.protocolVersion else {
                refuse(context: context, id: frame.id, code: .unauthenticated,
                       message: "This swiftray \(identity.component) speaks protocol version \(RpcClient.protocolVersion), but the peer speaks version \(hello.protocolVersion). Use the same swiftray build on every node.")
                return
            }
            guard ConstantTime.equal(hello.token, identity.token) else {
                logger.warning("Refused a connection from \(connection.remoteAddress): wrong or missing cluster token.")
                refuse(context: context, id: frame.id, code: .unauthenticated,
                       message: hello.token.isEmpty
                         ? "The swiftray \(identity.component) refused the connection: no cluster token was given. Set SWIFTRAY_AUTH_TOKEN or run on a machine whose --temp-dir holds the cluster's auth_token file."
                         : "The swiftray \(identity.component) refused the connection: the cluster token is wrong.")
                return
            }
            authenticated = true
            handshakeDeadline?.cancel()
            handshakeDeadline = nil
            onAuthenticated()
            connection.peerKind = hello.peerKind
            var reply = Swiftray_HelloReply()
            reply.protocolVersion = RpcClient.protocolVersion
            reply.sessionName = identity.sessionName
            reply.tempDir = identity.tempDir
            reply.component = identity.component
            answer(context: context, id: frame.id, payload: reply)
        default:
            refuse(context: context, id: frame.id, code: .unauthenticated,
                   message: "The swiftray \(identity.component) refused the call \(frame.method): the connection has not completed the handshake.")
        }
    }

    private func answer(context: ChannelHandlerContext, id: UInt64, payload: some SwiftProtobuf.Message) {
        var frame = Swiftray_Frame()
        frame.id = id
        frame.isResponse = true
        frame.payload = (try? payload.serializedData()) ?? Data()
        if let buffer = try? FrameCodec.encode(frame, allocator: context.channel.allocator) {
            context.writeAndFlush(NIOAny(buffer), promise: nil)
        }
    }

    private func refuse(context: ChannelHandlerContext, id: UInt64, code: Swiftray_ErrorCode, message: String) {
        var frame = Swiftray_Frame()
        frame.id = id
        frame.isResponse = true
        frame.errorCode = code
        frame.error = message
        let channel = context.channel
        if let buffer = try? FrameCodec.encode(frame, allocator: channel.allocator) {
            channel.writeAndFlush(buffer).whenComplete { _ in channel.close(promise: nil) }
        } else {
            channel.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        handshakeDeadline?.cancel()
        handshakeDeadline = nil
        connection.markClosed()
        if authenticated {
            let service = self.service, connection = self.connection
            Task { await service.connectionClosed(connection) }
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let e = error as? RuntimeError, case .frameTooLarge = e {
            logger.warning("Closing the connection from \(connection.remoteAddress): \(e)")
            refuse(context: context, id: 0, code: .badRequest, message: "\(e) The connection is closed.")
        } else {
            context.close(promise: nil)
        }
    }

    static func code(for error: RuntimeError) -> Swiftray_ErrorCode {
        switch error {
        case .invalidArgument: return .badRequest
        case let .remote(code, _): return Swiftray_ErrorCode(rawValue: code) ?? .failed
        case .unreachable, .connectionClosed, .timeout: return .unavailable
        default: return .failed
        }
    }
}

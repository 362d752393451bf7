import ClusterState
import NIOCore

/// Client side of a connection: routes answers to the pending calls and fails them all when
/// the connection ends. Confined to the channel's event loop.
final class RpcClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let pending: PendingCalls
    let peer: String

    init(pending: PendingCalls, peer: String) {
        self.pending = pending
        self.peer = peer
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let body = unwrapInboundIn(data)
        do {
            let frame = try FrameCodec.decode(body)
            if frame.isResponse { pending.complete(frame) }
        } catch {
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        pending.closeAll(with: .connectionClosed(peer: peer))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        pending.closeAll(with: .connectionClosed(peer: peer))
        context.close(promise: nil)
    }
}

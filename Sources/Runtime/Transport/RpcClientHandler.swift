import ClusterState
import NIOCore

/// Client side of a connection: routes answers to the pending calls, frames the server sent
/// unasked to `pushes` (dropped when there is none), and fails every pending call when the
/// connection ends. Confined to the channel's event loop.
final class RpcClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let pending: PendingCalls
    let peer: String
    let pushes: PushReceiver?

    init(pending: PendingCalls, peer: String, pushes: PushReceiver?) {
        self.pending = pending
        self.peer = peer
        self.pushes = pushes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let body = unwrapInboundIn(data)
        do {
            let frame = try FrameCodec.decode(body)
            if frame.isResponse {
                pending.complete(frame)
            } else {
                pushes?.deliver(method: frame.method, payload: frame.payload)
            }
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

import NIOCore

/// Splits the inbound byte stream into frame bodies; rejects frames over `maxFrameSize`
/// before buffering them. One instance per channel, confined to its event loop.
final class FrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer
    /// The current limit; a server raises it once the peer has authenticated.
    var maxFrameSize: Int

    init(maxFrameSize: Int) { self.maxFrameSize = maxFrameSize }

    /// The largest frame a server accepts before the handshake (a `hello` is ~100 bytes).
    static let handshakeLimit = 64 << 10

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
        guard Int(length) <= maxFrameSize else {
            throw RuntimeError.frameTooLarge(size: Int(length), limit: maxFrameSize)
        }
        guard buffer.readableBytes >= 4 + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 4)
        let body = buffer.readSlice(length: Int(length))!
        context.fireChannelRead(wrapInboundOut(body))
        return .continue
    }

    func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}

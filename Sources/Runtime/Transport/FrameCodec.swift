import ClusterState
import Foundation
import NIOCore
import SwiftProtobuf

/// Encodes `Frame` messages as 4-byte big-endian length + protobuf bytes. Stateless.
public enum FrameCodec {
    /// Largest frame either side accepts (64 MiB); a peer announcing more is disconnected.
    public static let defaultMaxFrameSize = 64 << 20

    /// The wire bytes of one frame.
    public static func encode(_ frame: Swiftray_Frame, allocator: ByteBufferAllocator) throws -> ByteBuffer {
        let body: [UInt8] = try frame.serializedBytes()
        var buffer = allocator.buffer(capacity: body.count + 4)
        buffer.writeInteger(UInt32(body.count))
        buffer.writeBytes(body)
        return buffer
    }

    /// Decodes one frame body (without its length prefix).
    public static func decode(_ buffer: ByteBuffer) throws(RuntimeError) -> Swiftray_Frame {
        try decode(bytes: buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? [])
    }

    /// Decodes one frame body (without its length prefix) read as plain bytes.
    static func decode(bytes: [UInt8]) throws(RuntimeError) -> Swiftray_Frame {
        do {
            return try Swiftray_Frame(serializedBytes: bytes, options: WireDecoding.options)
        } catch {
            throw .badMessage("Received a frame that is not a valid swiftray message (\(bytes.count) bytes).")
        }
    }
}

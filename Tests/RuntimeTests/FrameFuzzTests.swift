import ClusterState
import Foundation
import NIOCore
import NIOEmbedded
@testable import Runtime
import Testing

/// Random byte strings from the shared seeded generator, so every fuzz case reproduces from its
/// printed seed.
extension SplitMix64 {
    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) } }
}

/// The transport's frame decoder and frame codec on seeded random and mutated byte streams:
/// no crash, oversized length prefixes refused as soon as the prefix is read (before any body is
/// buffered), every failure an error value, and well-formed streams decoded exactly whatever
/// the chunking.
@Suite("Frame decoder fuzzing", .timeLimit(.minutes(1)))
struct FrameFuzzTests {
    static let limit = 1 << 20

    /// What one stream did to a fresh decoder.
    struct Outcome {
        var bodies: [ByteBuffer] = []
        var error: (any Error)?
        /// Bytes fed before the decoder failed (all of them when it did not).
        var fedBeforeError = 0
    }

    /// Feeds `bytes` in the given chunks into a fresh decoder with `limit`, stopping at the first
    /// error, and collects the frame bodies it emitted.
    static func feed(_ bytes: [UInt8], cuts: [Int], limit: Int = limit) -> Outcome {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maxFrameSize: limit)))
        var outcome = Outcome()
        var start = 0
        for end in cuts + [bytes.count] where end >= start {
            var chunk = channel.allocator.buffer(capacity: end - start)
            chunk.writeBytes(bytes[start..<end])
            do {
                try channel.writeInbound(chunk)
            } catch {
                outcome.error = error
                outcome.fedBeforeError = end
                break
            }
            start = end
        }
        if outcome.error == nil { outcome.fedBeforeError = bytes.count }
        while let body = try? channel.readInbound(as: ByteBuffer.self) { outcome.bodies.append(body) }
        _ = try? channel.finish()
        return outcome
    }

    static func randomFrame(_ rng: inout SplitMix64) -> Swiftray_Frame {
        var frame = Swiftray_Frame()
        frame.id = rng.next()
        let methods = ["hello", "whois", "gcs.KVPut", "gcs.GetAllNodes", "raylet.Ping", "core.PushTask", ""]
        frame.method = methods[Int.random(in: 0..<methods.count, using: &rng)]
        frame.payload = Data(rng.bytes(Int.random(in: 0...(Bool.random(using: &rng) ? 40 : 5000), using: &rng)))
        frame.isResponse = Bool.random(using: &rng)
        if Int.random(in: 0..<4, using: &rng) == 0 { frame.error = "The call failed." }
        return frame
    }

    static func encode(_ frames: [Swiftray_Frame]) throws -> [UInt8] {
        var out: [UInt8] = []
        for frame in frames {
            var buffer = try FrameCodec.encode(frame, allocator: ByteBufferAllocator())
            out += buffer.readBytes(length: buffer.readableBytes)!
        }
        return out
    }

    static func randomCuts(_ count: Int, _ rng: inout SplitMix64) -> [Int] {
        guard count > 0 else { return [] }
        let n = Int.random(in: 0...min(count, 12), using: &rng)
        return (0..<n).map { _ in Int.random(in: 0...count, using: &rng) }.sorted()
    }

    @Test("well-formed streams decode to the same frames however they are split")
    func validStreams() throws {
        for seed in UInt64(1)...300 {
            var rng = SplitMix64(seed: seed)
            let frames = (0..<Int.random(in: 1...6, using: &rng)).map { _ in Self.randomFrame(&rng) }
            let bytes = try Self.encode(frames)
            let outcome = Self.feed(bytes, cuts: Self.randomCuts(bytes.count, &rng))
            #expect(outcome.error == nil, "seed \(seed): \(String(describing: outcome.error))")
            let decoded = outcome.bodies.compactMap { try? FrameCodec.decode($0) }
            #expect(decoded == frames, "seed \(seed)")
        }
    }

    @Test("streams fed one byte at a time decode the same")
    func byteByByte() throws {
        var rng = SplitMix64(seed: 7)
        let frames = (0..<3).map { _ in Self.randomFrame(&rng) }
        let bytes = try Self.encode(frames)
        let outcome = Self.feed(bytes, cuts: Array(1..<bytes.count))
        #expect(outcome.error == nil)
        #expect(outcome.bodies.compactMap { try? FrameCodec.decode($0) } == frames)
    }

    @Test("bit flips, truncations, duplications and random bytes never crash and fail as values")
    func mutatedStreams() throws {
        for seed in UInt64(1000)...1600 {
            var rng = SplitMix64(seed: seed)
            var bytes = try Self.encode((0..<Int.random(in: 1...4, using: &rng)).map { _ in Self.randomFrame(&rng) })
            switch seed % 5 {
            case 0:  // flip bits anywhere (the length prefixes included)
                for _ in 0..<Int.random(in: 1...8, using: &rng) {
                    let i = Int.random(in: 0..<bytes.count, using: &rng)
                    bytes[i] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
                }
            case 1:  // truncate
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
            case 2:  // duplicate a slice somewhere else
                let a = Int.random(in: 0..<bytes.count, using: &rng)
                let b = Int.random(in: a...min(bytes.count, a + 64), using: &rng)
                bytes.insert(contentsOf: bytes[a..<b], at: Int.random(in: 0...bytes.count, using: &rng))
            case 3:  // overwrite a run with random bytes
                let a = Int.random(in: 0..<bytes.count, using: &rng)
                for i in a..<min(bytes.count, a + Int.random(in: 1...32, using: &rng)) { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
            default:  // pure noise
                bytes = rng.bytes(Int.random(in: 0...2000, using: &rng))
            }
            let outcome = Self.feed(bytes, cuts: Self.randomCuts(bytes.count, &rng))
            if let error = outcome.error {
                guard let runtimeError = error as? RuntimeError, case .frameTooLarge(let size, let limit) = runtimeError else {
                    Issue.record("seed \(seed): unexpected error \(error)")
                    continue
                }
                #expect(size > limit, "seed \(seed)")
                #expect(limit == Self.limit, "seed \(seed)")
            }
            for body in outcome.bodies {
                #expect(body.readableBytes <= Self.limit, "seed \(seed)")
                do {
                    _ = try FrameCodec.decode(body)
                } catch {
                    #expect(error.description.contains("is not a valid swiftray message"), "seed \(seed): \(error)")
                }
            }
        }
    }

    @Test("a length prefix over the limit is refused as soon as its fourth byte arrives",
          arguments: [UInt32(1 << 30), UInt32(64 << 20) + 1, UInt32.max, UInt32(limit) + 1])
    func oversizedPrefix(_ announced: UInt32) throws {
        var rng = SplitMix64(seed: UInt64(announced))
        let prefix = withUnsafeBytes(of: announced.bigEndian) { Array($0) }
        let body = rng.bytes(4096)
        // Split right inside the prefix, then after it: the error must come with byte 4, not later.
        let cut = Int.random(in: 1...3, using: &rng)
        let outcome = Self.feed(prefix + body, cuts: [cut, 4, 100, 2000])
        let error = try #require(outcome.error as? RuntimeError, "seed \(announced)")
        #expect(error == .frameTooLarge(size: Int(announced), limit: Self.limit))
        #expect(outcome.fedBeforeError == 4, "the decoder buffered \(outcome.fedBeforeError) bytes before refusing")
        #expect(outcome.bodies.isEmpty)
    }

    @Test("a frame of exactly the limit is accepted, one byte more is refused")
    func limitBoundary() throws {
        let small = 4096
        var atLimit = withUnsafeBytes(of: UInt32(small).bigEndian) { Array($0) }
        atLimit += [UInt8](repeating: 0, count: small)
        let ok = Self.feed(atLimit, cuts: [2, 3000], limit: small)
        #expect(ok.error == nil)
        #expect(ok.bodies.map(\.readableBytes) == [small])
        var over = withUnsafeBytes(of: UInt32(small + 1).bigEndian) { Array($0) }
        over += [UInt8](repeating: 0, count: small + 1)
        let refused = Self.feed(over, cuts: [], limit: small)
        #expect((refused.error as? RuntimeError) == .frameTooLarge(size: small + 1, limit: small))
    }

    @Test("random bodies decode to a frame or a badMessage error, never a crash")
    func randomProtobuf() {
        var decodedCount = 0
        for seed in UInt64(5000)...9000 {
            var rng = SplitMix64(seed: seed)
            var bytes = rng.bytes(Int.random(in: 0...200, using: &rng))
            // Half the cases start like a real Frame (field 1 varint, field 2 string) to get deeper.
            if seed % 2 == 0 { bytes = [0x08, 0x01, 0x12, UInt8(bytes.count % 50)] + bytes }
            var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
            do {
                _ = try FrameCodec.decode(buffer)
                decodedCount += 1
            } catch {
                guard case .badMessage(let message) = error else {
                    Issue.record("seed \(seed): unexpected error \(error)")
                    continue
                }
                #expect(message == "Received a frame that is not a valid swiftray message (\(bytes.count) bytes).", "seed \(seed)")
            }
        }
        // Both branches must have been exercised, or the generator is not fuzzing anything.
        #expect(decodedCount > 0 && decodedCount < 4001)
    }

    @Test("a truncated valid body fails as a value")
    func truncatedBodies() throws {
        for seed in UInt64(20_000)...20_300 {
            var rng = SplitMix64(seed: seed)
            let frame = Self.randomFrame(&rng)
            let body: [UInt8] = try frame.serializedBytes()
            guard body.count > 1 else { continue }
            let cut = Int.random(in: 0..<body.count, using: &rng)
            var buffer = ByteBufferAllocator().buffer(capacity: cut)
            buffer.writeBytes(body[0..<cut])
            let result = Result { () throws(RuntimeError) -> Swiftray_Frame in try FrameCodec.decode(buffer) }
            if case .success(let decoded) = result {
                // A cut between fields is a valid shorter message, never the whole frame.
                #expect(decoded != frame || cut == body.count, "seed \(seed)")
            }
        }
    }
}

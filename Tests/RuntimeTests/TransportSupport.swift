import ClusterState
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Runtime
import SwiftProtobuf

struct TestTimeout: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "the test step did not finish within \(seconds) seconds" }
}

/// Runs `body`, failing with `TestTimeout` when it takes longer than `seconds`.
func withTimeout<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            throw TestTimeout(seconds: seconds)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

/// Lets "slow" calls wait until the test opens it, so no call outlives its test.
final class Gate: Sendable {
    private let state = NIOLockedValueBox<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let runNow = state.withLockedValue { s -> Bool in
                if s.open { return true }
                s.waiters.append(c)
                return false
            }
            if runNow { c.resume() }
        }
    }

    func open() {
        let waiters = state.withLockedValue { s -> [CheckedContinuation<Void, Never>] in
            s.open = true
            defer { s.waiters = [] }
            return s.waiters
        }
        for w in waiters { w.resume() }
    }

    var waiting: Int { state.withLockedValue { $0.waiters.count } }
}

struct PlainError: Error, CustomStringConvertible {
    var description: String { "plain failure" }
}

/// A tiny service: `echo` (optionally after `tempDir` milliseconds), `slow` (waits for the gate),
/// `fail` (RuntimeError), `failPlain` (another error), `whoami` (peer kind); taken inline:
/// `inline` (echo answered from another thread, arrival order recorded), `inlineFail`.
final class TestService: RpcService {
    let gate = Gate()
    private let closed = NIOLockedValueBox<[String]>([])
    private let inlineArrivals = NIOLockedValueBox<[String]>([])

    func handleInline(method: String, payload: Data, connection: RpcConnection,
                      answer: @escaping @Sendable (Result<Data, any Error>) -> Void) -> Bool {
        switch method {
        case "inline":
            let text = (try? Swiftray_WhoIsReply(serializedBytes: payload))?.sessionName ?? ""
            inlineArrivals.withLockedValue { $0.append(text) }
            Thread.detachNewThread { answer(.success(payload)) }
            return true
        case "inlineFail":
            answer(.failure(RuntimeError.invalidArgument("bad inline input")))
            return true
        default:
            return false
        }
    }

    /// What the `inline` calls carried, in the order the service was offered them.
    var inlineOrder: [String] { inlineArrivals.withLockedValue { $0 } }

    func handle(method: String, payload: Data, connection: RpcConnection) async throws -> Data {
        switch method {
        case "echo":
            let message = try Swiftray_WhoIsReply(serializedBytes: payload)
            if let ms = Int(message.tempDir), ms > 0 { try await Task.sleep(for: .milliseconds(ms)) }
            return payload
        case "slow":
            await gate.wait()
            return payload
        case "fail":
            throw RuntimeError.invalidArgument("bad input")
        case "failPlain":
            throw PlainError()
        case "whoami":
            var reply = Swiftray_WhoIsReply()
            reply.component = connection.peerKind
            return try reply.serializedData()
        default:
            throw RuntimeError.remote(code: 3, message: "unknown method \(method)")
        }
    }

    func connectionClosed(_ connection: RpcConnection) async {
        closed.withLockedValue { $0.append(connection.peerKind) }
    }

    var closedPeerKinds: [String] { closed.withLockedValue { $0 } }
}

let testToken = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func quietLogger() -> Logger {
    Logger(label: "swiftray-test", factory: { _ in SwiftLogNoOpLogHandler() })
}

/// A server on 127.0.0.1 with an ephemeral port, plus its service.
struct TestServer {
    let server: RpcServer
    let service: TestService

    static func start(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                      maxFrameSize: Int = FrameCodec.defaultMaxFrameSize,
                      handshakeTimeout: Duration = .seconds(10)) async throws -> TestServer {
        let service = TestService()
        let identity = RpcServerIdentity(token: testToken, sessionName: "session_2024-01-02_03-04-05_000006_7",
                                         tempDir: "/tmp/swiftray-test", component: "test", maxFrameSize: maxFrameSize,
                                         handshakeTimeout: handshakeTimeout)
        let server = try await RpcServer.start(host: "127.0.0.1", port: 0, identity: identity, service: service,
                                               logger: quietLogger(), group: group)
        return TestServer(server: server, service: service)
    }

    var port: Int { server.port }

    func connect(token: String = testToken, kind: String = "test") async throws -> RpcClient {
        try await RpcClient.connect(host: "127.0.0.1", port: port, token: token, peerKind: kind, timeout: .seconds(5))
    }

    func stop() async {
        service.gate.open()
        await server.close()
    }
}

func echoMessage(_ text: String, delayMs: Int = 0) -> Swiftray_WhoIsReply {
    var m = Swiftray_WhoIsReply()
    m.sessionName = text
    m.tempDir = String(delayMs)
    return m
}

/// A plain TCP connection that sends whatever bytes a test wants and collects everything the
/// peer sends until it closes.
struct RawConnection {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    static func open(port: Int) async throws -> RawConnection {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return RawConnection(channel: channel)
    }

    /// Writes `bytes`, then reads until the peer closes; returns everything read.
    func exchange(_ bytes: [UInt8]) async throws -> [UInt8] {
        try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: bytes))
            var received: [UInt8] = []
            for try await chunk in inbound { received += Array(chunk.readableBytesView) }
            return received
        }
    }
}

/// Frame bytes for a frame message.
func frameBytes(_ frame: Swiftray_Frame) throws -> [UInt8] {
    let body: [UInt8] = try frame.serializedBytes()
    let n = UInt32(body.count)
    return [UInt8(n >> 24), UInt8((n >> 16) & 0xff), UInt8((n >> 8) & 0xff), UInt8(n & 0xff)] + body
}

/// Splits a byte stream into decoded frames.
func parseFrames(_ bytes: [UInt8]) throws -> [Swiftray_Frame] {
    var frames: [Swiftray_Frame] = []
    var i = 0
    while i + 4 <= bytes.count {
        let n = Int(UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3]))
        guard i + 4 + n <= bytes.count else { break }
        frames.append(try Swiftray_Frame(serializedBytes: Array(bytes[(i + 4)..<(i + 4 + n)])))
        i += 4 + n
    }
    return frames
}

/// Accumulates stream bytes and hands out complete frames.
struct FrameBuffer {
    private var bytes: [UInt8] = []
    mutating func append(_ chunk: ByteBuffer) { bytes += Array(chunk.readableBytesView) }
    mutating func next() throws -> Swiftray_Frame? {
        guard bytes.count >= 4 else { return nil }
        let n = Int(UInt32(bytes[0]) << 24 | UInt32(bytes[1]) << 16 | UInt32(bytes[2]) << 8 | UInt32(bytes[3]))
        guard bytes.count >= 4 + n else { return nil }
        let frame = try Swiftray_Frame(serializedBytes: Array(bytes[4..<(4 + n)]))
        bytes.removeFirst(4 + n)
        return frame
    }
}

/// A fake daemon for one connection: answers `hello` (unless told not to), then hangs up as soon
/// as any other frame arrives — a server dying while a call is pending.
struct DroppingServer {
    let port: Int
    let task: Task<Void, any Error>

    static func start(answerHello: Bool = true) async throws -> DroppingServer {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
                }
            }
        let port = server.channel.localAddress?.port ?? 0
        let task = Task {
            try await server.executeThenClose { connections in
                for try await connection in connections {
                    try await connection.executeThenClose { inbound, outbound in
                        var buffer = FrameBuffer()
                        for try await chunk in inbound {
                            buffer.append(chunk)
                            while let frame = try buffer.next() {
                                guard frame.method == "hello", answerHello else { return }
                                var reply = Swiftray_HelloReply()
                                reply.protocolVersion = RpcClient.protocolVersion
                                reply.component = "fake"
                                var answer = Swiftray_Frame()
                                answer.id = frame.id
                                answer.isResponse = true
                                answer.payload = try reply.serializedData()
                                try await outbound.write(ByteBuffer(bytes: try frameBytes(answer)))
                            }
                        }
                    }
                    return
                }
            }
        }
        return DroppingServer(port: port, task: task)
    }

    func stop() async throws {
        task.cancel()
        _ = try? await withTimeout(5) { try await task.value }
    }
}

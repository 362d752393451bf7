import ClusterState
import Foundation
import Runtime
import Testing

/// `BlockingRpcClient` against the real `RpcServer`: the same handshake, answers and failure
/// messages as `RpcClient`, so a one-shot command reads the same whichever it uses.
/// Every blocking call runs on a thread of its own (`offPool`), so the servers' tasks keep the
/// cooperative pool however the tests are scheduled.
@Suite("Blocking RPC client", .timeLimit(.minutes(1)))
struct BlockingTransportTests {
    private func connect(_ ts: TestServer, token: String = testToken, kind: String = "cli") async throws -> BlockingRpcClient {
        try await offPool { try BlockingRpcClient.connect(host: "127.0.0.1", port: ts.port, token: token, peerKind: kind, timeout: .seconds(5)) }
    }

    /// Runs `body` on a new thread and returns (or throws) what it did.
    private func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }

    @Test("handshake with the right token, then calls one after another")
    func connectAndEcho() async throws {
        let ts = try await TestServer.start()
        let client = try await connect(ts, kind: "cli")
        #expect(client.peer == "127.0.0.1:\(ts.port)")
        for i in 0..<20 {
            let reply: Swiftray_WhoIsReply = try await offPool { try client.callBlocking("echo", echoMessage("call-\(i)"), timeout: .seconds(5)) }
            #expect(reply.sessionName == "call-\(i)")
        }
        let who: Swiftray_WhoIsReply = try await offPool { try client.callBlocking("whoami", Swiftray_Empty(), timeout: .seconds(5)) }
        #expect(who.component == "cli")
        client.disconnect()
        client.disconnect()  // idempotent
        await #expect(throws: RuntimeError.connectionClosed(peer: "127.0.0.1:\(ts.port)")) {
            let _: Swiftray_Empty = try await offPool { try client.callBlocking("echo", echoMessage("x")) }
        }
        await ts.stop()
    }

    @Test("a reply of several megabytes arrives whole (many partial reads)")
    func largeReply() async throws {
        let ts = try await TestServer.start()
        let client = try await connect(ts)
        let text = String(repeating: "0123456789abcdef", count: 300_000)  // 4.8 MB
        let reply: Swiftray_WhoIsReply = try await offPool { try client.callBlocking("echo", echoMessage(text), timeout: .seconds(20)) }
        #expect(reply.sessionName == text)
        client.disconnect()
        await ts.stop()
    }

    @Test("a wrong or empty token is refused with the same message RpcClient gives")
    func refusedTokens() async throws {
        let ts = try await TestServer.start()
        for token in [String(testToken.dropLast()) + "0", ""] {
            var messages: [String] = []
            do {
                _ = try await connect(ts, token: token)
                Issue.record("the token '\(token)' was accepted")
            } catch let RuntimeError.handshakeRefused(message) {
                messages.append(message)
            }
            do {
                _ = try await ts.connect(token: token)
                Issue.record("the token '\(token)' was accepted")
            } catch let RuntimeError.handshakeRefused(message) {
                messages.append(message)
            }
            #expect(messages.count == 2)
            #expect(Set(messages).count == 1)
            #expect(messages.first?.contains("refused the connection") == true)
        }
        // the server keeps serving others
        let client = try await connect(ts)
        let reply: Swiftray_WhoIsReply = try await offPool { try client.callBlocking("echo", echoMessage("still here")) }
        #expect(reply.sessionName == "still here")
        client.disconnect()
        await ts.stop()
    }

    @Test("remote errors carry the service's message and code, and the connection stays usable")
    func remoteErrors() async throws {
        let ts = try await TestServer.start()
        let client = try await connect(ts)
        await #expect(throws: RuntimeError.remote(code: Swiftray_ErrorCode.badRequest.rawValue, message: "bad input")) {
            let _: Swiftray_Empty = try await offPool { try client.callBlocking("fail", Swiftray_Empty(), timeout: .seconds(5)) }
        }
        await #expect(throws: RuntimeError.remote(code: 3, message: "unknown method nope")) {
            let _: Swiftray_Empty = try await offPool { try client.callBlocking("nope", Swiftray_Empty(), timeout: .seconds(5)) }
        }
        let reply: Swiftray_WhoIsReply = try await offPool { try client.callBlocking("echo", echoMessage("after")) }
        #expect(reply.sessionName == "after")
        client.disconnect()
        await ts.stop()
    }

    @Test("a call past its deadline fails with timeout and ends the connection")
    func deadline() async throws {
        let ts = try await TestServer.start()
        let client = try await connect(ts)
        let started = ContinuousClock.now
        do {
            let _: Swiftray_Empty = try await offPool { try client.callBlocking("slow", Swiftray_Empty(), timeout: .milliseconds(200)) }
            Issue.record("the slow call answered")
        } catch let error as RuntimeError {
            #expect(error == .timeout(method: "slow", seconds: 0.2))
        }
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(200) && waited < .seconds(10))
        // Where the stream stands after an unanswered call is unknown: later calls fail at once.
        await #expect(throws: RuntimeError.connectionClosed(peer: "127.0.0.1:\(ts.port)")) {
            let _: Swiftray_Empty = try await offPool { try client.callBlocking("echo", echoMessage("x")) }
        }
        await ts.stop()
    }

    @Test("a server that drops the connection during a call fails it with connectionClosed")
    func serverGone() async throws {
        let fake = try await DroppingServer.start()
        let client = try await offPool {
            try BlockingRpcClient.connect(host: "127.0.0.1", port: fake.port, token: testToken, peerKind: "cli", timeout: .seconds(5))
        }
        await #expect(throws: RuntimeError.connectionClosed(peer: "127.0.0.1:\(fake.port)")) {
            let _: Swiftray_Empty = try await offPool { try client.callBlocking("slow", Swiftray_Empty(), timeout: .seconds(30)) }
        }
        try await fake.stop()
    }

    @Test("a server that closes during the handshake is unreachable, not a refusal")
    func closedDuringHandshake() async throws {
        let fake = try await DroppingServer.start(answerHello: false)
        do {
            _ = try await offPool {
                try BlockingRpcClient.connect(host: "127.0.0.1", port: fake.port, token: testToken, peerKind: "cli", timeout: .seconds(5))
            }
            Issue.record("connected to a server that hung up")
        } catch let RuntimeError.unreachable(address, reason) {
            #expect(address == "127.0.0.1:\(fake.port)")
            #expect(reason.contains("closed the connection during the handshake"))
        }
        try await fake.stop()
    }

    @Test("a closed port and an unknown host are unreachable, with the reason")
    func unreachable() async throws {
        let (fd, port) = refusingPort()
        defer { close(fd) }
        await #expect(throws: RuntimeError.unreachable(address: "127.0.0.1:\(port)", reason: "connection refused.")) {
            _ = try await offPool { try BlockingRpcClient.connect(host: "127.0.0.1", port: port, token: testToken, peerKind: "cli") }
        }
        await #expect(throws: RuntimeError.unreachable(address: "no-such-host.invalid:\(port)",
                                                 reason: "the host name no-such-host.invalid could not be resolved.")) {
            _ = try await offPool { try BlockingRpcClient.connect(host: "no-such-host.invalid", port: port, token: testToken, peerKind: "cli") }
        }
    }
}

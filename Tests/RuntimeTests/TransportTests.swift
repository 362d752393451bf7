import ClusterState
import Foundation
import NIOCore
import NIOPosix
import Runtime
import Testing

@Suite("RPC transport", .timeLimit(.minutes(1)))
struct TransportTests {
    @Test("handshake with the right token, then calls")
    func connectAndEcho() async throws {
        let ts = try await TestServer.start()
        defer { Task { await ts.stop() } }
        let client = try await ts.connect()
        #expect(client.isActive)
        #expect(client.peer == "127.0.0.1:\(ts.port)")
        #expect(client.hello.component == "test")
        #expect(client.hello.sessionName == "session_2024-01-02_03-04-05_000006_7")
        #expect(client.hello.tempDir == "/tmp/swiftray-test")
        #expect(client.hello.protocolVersion == RpcClient.protocolVersion)
        let reply: Swiftray_WhoIsReply = try await client.call("echo", echoMessage("hello"), timeout: .seconds(5))
        #expect(reply.sessionName == "hello")
        let who: Swiftray_WhoIsReply = try await client.call("whoami", Swiftray_Empty(), timeout: .seconds(5))
        #expect(who.component == "test")
        await client.close()
        await ts.stop()
    }

    @Test("many concurrent calls on one connection each get their own answer")
    func concurrentCalls() async throws {
        let ts = try await TestServer.start()
        let client = try await ts.connect()
        let n = 300
        let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for i in 0..<n {
                group.addTask {
                    // varying delays make the answers come back out of order
                    let reply: Swiftray_WhoIsReply = try await client.call(
                        "echo", echoMessage("call-\(i)", delayMs: (i * 7) % 13), timeout: .seconds(20))
                    return (i, reply.sessionName)
                }
            }
            var all: [Int: String] = [:]
            for try await (i, text) in group { all[i] = text }
            return all
        }
        #expect(answers.count == n)
        for i in 0..<n { #expect(answers[i] == "call-\(i)") }
        await client.close()
        await ts.stop()
    }

    @Test("calls a service takes inline are offered in arrival order and answered from any thread; the rest still run")
    func inlineCalls() async throws {
        let ts = try await TestServer.start()
        let client = try await ts.connect()
        let futures = (0..<200).map { i in client.callInOrder("inline", echoMessage("call-\(i)"), as: Swiftray_WhoIsReply.self) }
        for (i, f) in futures.enumerated() { #expect(try await f.get().sessionName == "call-\(i)") }
        #expect(ts.service.inlineOrder == (0..<200).map { "call-\($0)" })
        do {
            let _: Swiftray_Empty = try await client.call("inlineFail", Swiftray_Empty(), timeout: .seconds(5))
            Issue.record("an inline failure was answered as a success")
        } catch let RuntimeError.remote(code, message) {
            #expect(code == Swiftray_ErrorCode.badRequest.rawValue)
            #expect(message.contains("bad inline input"))
        }
        let echoed: Swiftray_WhoIsReply = try await client.call("echo", echoMessage("not inline"), timeout: .seconds(5))
        #expect(echoed.sessionName == "not inline")
        await client.close()
        await ts.stop()
    }

    @Test("a wrong token is refused with a message saying so")
    func wrongToken() async throws {
        let ts = try await TestServer.start()
        do {
            _ = try await ts.connect(token: String(testToken.dropLast()) + "0")
            Issue.record("a wrong token was accepted")
        } catch let RuntimeError.handshakeRefused(message) {
            #expect(message == "The swiftray test refused the connection: the cluster token is wrong.")
        }
        // the server keeps serving others
        let client = try await ts.connect()
        let reply: Swiftray_WhoIsReply = try await client.call("echo", echoMessage("still here"), timeout: .seconds(5))
        #expect(reply.sessionName == "still here")
        await client.close()
        await ts.stop()
    }

    @Test("an empty token is refused with a message saying none was given")
    func emptyToken() async throws {
        let ts = try await TestServer.start()
        do {
            _ = try await ts.connect(token: "")
            Issue.record("an empty token was accepted")
        } catch let RuntimeError.handshakeRefused(message) {
            #expect(message.hasPrefix("The swiftray test refused the connection: no cluster token was given."))
            #expect(message.contains("SWIFTRAY_AUTH_TOKEN"))
        }
        await ts.stop()
    }

    @Test("a prefix of the token is refused")
    func prefixToken() async throws {
        let ts = try await TestServer.start()
        await #expect(throws: RuntimeError.handshakeRefused("The swiftray test refused the connection: the cluster token is wrong.")) {
            _ = try await ts.connect(token: String(testToken.prefix(10)))
        }
        await ts.stop()
    }

    @Test("a call before the handshake is refused and the connection closed")
    func callBeforeHandshake() async throws {
        let ts = try await TestServer.start()
        var frame = Swiftray_Frame()
        frame.id = 7
        frame.method = "echo"
        frame.payload = try echoMessage("sneaky").serializedData()
        let raw = try await RawConnection.open(port: ts.port)
        let bytesOut = try frameBytes(frame)
        let bytes = try await withTimeout(10) { try await raw.exchange(bytesOut) }
        let frames = try parseFrames(bytes)
        #expect(frames.count == 1)
        let answer = try #require(frames.first)
        #expect(answer.id == 7)
        #expect(answer.isResponse)
        #expect(answer.errorCode == .unauthenticated)
        #expect(answer.error == "The swiftray test refused the call echo: the connection has not completed the handshake.")
        #expect(answer.payload.isEmpty)
        #expect(ts.service.closedPeerKinds.isEmpty)
        await ts.stop()
    }

    @Test("a peer speaking another protocol version is refused")
    func protocolVersion() async throws {
        let ts = try await TestServer.start()
        var hello = Swiftray_Hello()
        hello.protocolVersion = RpcClient.protocolVersion + 1
        hello.token = testToken
        hello.peerKind = "future"
        var frame = Swiftray_Frame()
        frame.id = 1
        frame.method = "hello"
        frame.payload = try hello.serializedData()
        let raw = try await RawConnection.open(port: ts.port)
        let bytesOut = try frameBytes(frame)
        let bytes = try await withTimeout(10) { try await raw.exchange(bytesOut) }
        let answer = try #require(try parseFrames(bytes).first)
        #expect(answer.errorCode == .unauthenticated)
        #expect(answer.error.contains("speaks protocol version \(RpcClient.protocolVersion), but the peer speaks version \(RpcClient.protocolVersion + 1)"))
        await ts.stop()
    }

    @Test("whoIs answers without a token")
    func whoIs() async throws {
        let ts = try await TestServer.start()
        let result = await RpcClient.whoIs(host: "127.0.0.1", port: ts.port)
        #expect(result.listening)
        let reply = try #require(result.reply)
        #expect(reply.sessionName == "session_2024-01-02_03-04-05_000006_7")
        #expect(reply.tempDir == "/tmp/swiftray-test")
        #expect(reply.component == "test")
        await ts.stop()
    }

    @Test("whoIs on a closed port says nothing listens")
    func whoIsClosedPort() async throws {
        let (fd, port) = refusingPort()
        defer { close(fd) }
        let result = await RpcClient.whoIs(host: "127.0.0.1", port: port, timeout: .seconds(2))
        #expect(!result.listening)
        #expect(result.reply == nil)
    }

    @Test("connecting to a closed port is unreachable")
    func unreachable() async throws {
        let (fd, port) = refusingPort()
        defer { close(fd) }
        do {
            _ = try await RpcClient.connect(host: "127.0.0.1", port: port, token: testToken, peerKind: "test",
                                            timeout: .seconds(2))
            Issue.record("connected to a closed port")
        } catch let RuntimeError.unreachable(address, reason) {
            #expect(address == "127.0.0.1:\(port)")
            #expect(!reason.isEmpty)
        }
    }

    @Test("a call past its deadline fails with timeout; the connection stays usable")
    func deadline() async throws {
        let ts = try await TestServer.start()
        let client = try await ts.connect()
        let started = ContinuousClock.now
        do {
            let _: Swiftray_Empty = try await client.call("slow", Swiftray_Empty(), timeout: .milliseconds(200))
            Issue.record("the slow call answered")
        } catch let error as RuntimeError {
            #expect(error == .timeout(method: "slow", seconds: 0.2))
            #expect(error.description == "The call slow got no answer within 0.2 seconds.")
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        ts.service.gate.open()  // the late answer must be ignored
        let reply: Swiftray_WhoIsReply = try await client.call("echo", echoMessage("after"), timeout: .seconds(5))
        #expect(reply.sessionName == "after")
        await client.close()
        await ts.stop()
    }

    @Test("remote errors carry the service's message and code")
    func remoteErrors() async throws {
        let ts = try await TestServer.start()
        let client = try await ts.connect()
        await #expect(throws: RuntimeError.remote(code: Swiftray_ErrorCode.badRequest.rawValue, message: "bad input")) {
            let _: Swiftray_Empty = try await client.call("fail", Swiftray_Empty(), timeout: .seconds(5))
        }
        await #expect(throws: RuntimeError.remote(code: Swiftray_ErrorCode.failed.rawValue, message: "plain failure")) {
            let _: Swiftray_Empty = try await client.call("failPlain", Swiftray_Empty(), timeout: .seconds(5))
        }
        await #expect(throws: RuntimeError.remote(code: 3, message: "unknown method nope")) {
            let _: Swiftray_Empty = try await client.call("nope", Swiftray_Empty(), timeout: .seconds(5))
        }
        await client.close()
        await ts.stop()
    }

    @Test("the service hears when an authenticated connection closes")
    func connectionClosedCallback() async throws {
        let ts = try await TestServer.start()
        let client = try await ts.connect(kind: "driver")
        await client.close()
        try await withTimeout(10) {
            while ts.service.closedPeerKinds.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(ts.service.closedPeerKinds == ["driver"])
        await ts.stop()
    }

    @Test("pending calls fail promptly with connectionClosed when the server drops the connection")
    func serverGone() async throws {
        let fake = try await DroppingServer.start()
        let client = try await RpcClient.connect(host: "127.0.0.1", port: fake.port, token: testToken,
                                                 peerKind: "test", timeout: .seconds(5))
        #expect(client.hello.component == "fake")
        let started = ContinuousClock.now
        let error = try await withTimeout(10) { () -> RuntimeError? in
            do {
                let _: Swiftray_Empty = try await client.call("slow", Swiftray_Empty(), timeout: .seconds(30))
                return nil
            } catch { return error as? RuntimeError }
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(error == .connectionClosed(peer: "127.0.0.1:\(fake.port)"))
        try await withTimeout(10) { await client.closed() }
        #expect(!client.isActive)
        // new calls on the dead connection fail at once too
        await #expect(throws: RuntimeError.connectionClosed(peer: "127.0.0.1:\(fake.port)")) {
            let _: Swiftray_Empty = try await client.call("echo", echoMessage("x"), timeout: .seconds(30))
        }
        try await fake.stop()
    }

    @Test("a server that closes during the handshake is reported as unreachable (retryable), not as a refusal")
    func closedDuringHandshake() async throws {
        let fake = try await DroppingServer.start(answerHello: false)
        do {
            _ = try await RpcClient.connect(host: "127.0.0.1", port: fake.port, token: testToken,
                                            peerKind: "test", timeout: .seconds(5))
            Issue.record("connected to a server that hung up")
        } catch let RuntimeError.unreachable(address, reason) {
            #expect(address == "127.0.0.1:\(fake.port)")
            #expect(reason.contains("closed the connection during the handshake"))
        }
        try await fake.stop()
    }

    @Test("cancelling the calling task fails the pending call with CancellationError")
    func cancellation() async throws {
        let ts = try await TestServer.start()
        let client = try await ts.connect()
        let call = Task { () -> (any Error)? in
            do {
                let _: Swiftray_Empty = try await client.call("slow", Swiftray_Empty(), timeout: .seconds(20))
                return nil
            } catch { return error }
        }
        try await withTimeout(10) {
            while ts.service.gate.waiting == 0 { try await Task.sleep(for: .milliseconds(5)) }
        }
        call.cancel()
        let error = try await withTimeout(10) { await call.value }
        #expect(error is CancellationError)
        await client.close()
        await ts.stop()
    }

    @Test("a call from an already-cancelled task fails at once instead of waiting for its deadline")
    func alreadyCancelled() async throws {
        let ts = try await TestServer.start()
        let client = try await ts.connect()
        let started = ContinuousClock.now
        let call = Task { () -> (any Error)? in
            withUnsafeCurrentTask { $0?.cancel() }
            do {
                let _: Swiftray_Empty = try await client.call("slow", Swiftray_Empty(), timeout: .seconds(30))
                return nil
            } catch { return error }
        }
        let error = try await withTimeout(40) { await call.value }
        #expect(error is CancellationError, "got \(String(describing: error))")
        // Far below the 30 s deadline (a loaded 2-core machine can take a second to schedule it).
        #expect(ContinuousClock.now - started < .seconds(10))
        await client.close()
        await ts.stop()
    }

    @Test("whoIs on a server that hangs up gives listening without a reply")
    func whoIsHangUp() async throws {
        let fake = try await DroppingServer.start(answerHello: false)
        let result = await RpcClient.whoIs(host: "127.0.0.1", port: fake.port, timeout: .seconds(2))
        #expect(result.listening)
        #expect(result.reply == nil)
        try await fake.stop()
    }

    @Test("an oversized frame header closes that connection; others keep working")
    func oversizedFrame() async throws {
        let ts = try await TestServer.start()
        let client = try await ts.connect()
        let raw = try await RawConnection.open(port: ts.port)
        let hundredMiB: UInt32 = 100 << 20
        let header = [UInt8(hundredMiB >> 24), UInt8((hundredMiB >> 16) & 0xff), UInt8((hundredMiB >> 8) & 0xff), UInt8(hundredMiB & 0xff)]
        let bytes = try await withTimeout(10) { try await raw.exchange(header + [1, 2, 3]) }
        let frames = try parseFrames(bytes)
        #expect(frames.count == 1)
        #expect(frames.first?.errorCode == .badRequest)
        // Before the handshake only 64 KiB frames are accepted, whatever the server's limit.
        #expect(frames.first?.error == "A frame of 104857600 bytes exceeds the limit of 65536 bytes. The connection is closed.")
        let reply: Swiftray_WhoIsReply = try await client.call("echo", echoMessage("alive"), timeout: .seconds(5))
        #expect(reply.sessionName == "alive")
        let fresh = try await ts.connect()
        let again: Swiftray_WhoIsReply = try await fresh.call("echo", echoMessage("new"), timeout: .seconds(5))
        #expect(again.sessionName == "new")
        await fresh.close()
        await client.close()
        await ts.stop()
    }

    @Test("a peer that does not complete the handshake in time is disconnected; authenticated ones stay")
    func handshakeTimeout() async throws {
        let ts = try await TestServer.start(handshakeTimeout: .milliseconds(300))
        let client = try await ts.connect()
        let silent = try await RawConnection.open(port: ts.port)
        let started = ContinuousClock.now
        // Announces 1000 bytes and sends three: without a deadline this would wait forever.
        let bytes = try await withTimeout(10) { try await silent.exchange([0, 0, 3, 232, 1, 2, 3]) }
        #expect(ContinuousClock.now - started < .seconds(5))
        let frames = try parseFrames(bytes)
        #expect(frames.first?.errorCode == .unauthenticated)
        #expect(frames.first?.error == "The swiftray test closed the connection: it did not complete the handshake within 0.3 seconds.")
        try await Task.sleep(for: .milliseconds(400))
        let reply: Swiftray_WhoIsReply = try await client.call("echo", echoMessage("still here"), timeout: .seconds(5))
        #expect(reply.sessionName == "still here")
        await client.close()
        await ts.stop()
    }

    @Test("before the handshake a 1 MiB frame is refused although the server allows 64 MiB")
    func unauthenticatedLimit() async throws {
        let ts = try await TestServer.start()
        let raw = try await RawConnection.open(port: ts.port)
        let oneMiB: UInt32 = 1 << 20
        let header = [UInt8(oneMiB >> 24), UInt8((oneMiB >> 16) & 0xff), UInt8((oneMiB >> 8) & 0xff), UInt8(oneMiB & 0xff)]
        let bytes = try await withTimeout(10) { try await raw.exchange(header + [1, 2, 3]) }
        let frames = try parseFrames(bytes)
        #expect(frames.first?.error == "A frame of 1048576 bytes exceeds the limit of 65536 bytes. The connection is closed.")
        // An authenticated client may send large frames.
        let client = try await ts.connect()
        let big = String(repeating: "x", count: 2 << 20)
        let reply: Swiftray_WhoIsReply = try await client.call("echo", echoMessage(big), timeout: .seconds(10))
        #expect(reply.sessionName.count == big.count)
        await client.close()
        await ts.stop()
    }

    @Test("garbage bytes close that connection; others keep working", arguments: [
        [0, 0, 0, 8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],   // a frame that is not protobuf
        Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8),                   // reads as a huge length
    ] as [[UInt8]])
    func garbage(bytes: [UInt8]) async throws {
        let ts = try await TestServer.start()
        let raw = try await RawConnection.open(port: ts.port)
        let received = try await withTimeout(10) { try await raw.exchange(bytes) }
        let frames = try parseFrames(received)
        #expect(frames.count <= 1)
        if let answer = frames.first {
            #expect(answer.errorCode == .badRequest)
            #expect(answer.error.hasSuffix("The connection is closed."))
        }
        let client = try await ts.connect()
        let reply: Swiftray_WhoIsReply = try await client.call("echo", echoMessage("fine"), timeout: .seconds(5))
        #expect(reply.sessionName == "fine")
        await client.close()
        await ts.stop()
    }

    @Test("a frame over a small server limit is refused")
    func smallLimit() async throws {
        let ts = try await TestServer.start(maxFrameSize: 64)
        var frame = Swiftray_Frame()
        frame.id = 1
        frame.method = "whois"
        frame.payload = Data(repeating: 0x41, count: 200)
        let raw = try await RawConnection.open(port: ts.port)
        let bytesOut = try frameBytes(frame)
        let received = try await withTimeout(10) { try await raw.exchange(bytesOut) }
        let answer = try #require(try parseFrames(received).first)
        #expect(answer.error.hasPrefix("A frame of "))
        #expect(answer.error.contains("exceeds the limit of 64 bytes"))
        await ts.stop()
    }

    @Test("binding a port in use fails with a message naming the address")
    func portInUse() async throws {
        let ts = try await TestServer.start()
        do {
            _ = try await RpcServer.start(host: "127.0.0.1", port: ts.port,
                                          identity: RpcServerIdentity(token: "t", sessionName: "s", tempDir: "/tmp", component: "c"),
                                          service: TestService(), logger: quietLogger())
            Issue.record("bound a port already in use")
        } catch let RuntimeError.failed(message) {
            #expect(message.hasPrefix("Could not listen on 127.0.0.1:\(ts.port): "))
        }
        await ts.stop()
    }
}

@Suite("ConstantTime")
struct ConstantTimeTests {
    @Test("equality", arguments: [
        ("", "", true), ("a", "a", true), (testToken, testToken, true), ("日本", "日本", true),
        ("a", "b", false), ("abc", "abd", false), ("abc", "ab", false), ("ab", "abc", false), ("", "a", false),
        ("", String(repeating: "\0", count: 256), false), ("x", "x" + String(repeating: "\0", count: 256), false),
        ("é", "e\u{301}", false),
    ])
    func equal(a: String, b: String, expected: Bool) {
        #expect(ConstantTime.equal(a, b) == expected)
        #expect(ConstantTime.equal(b, a) == expected)
    }
}

@Suite("RuntimeError text")
struct RuntimeErrorTests {
    @Test("descriptions")
    func descriptions() {
        #expect(RuntimeError.connectionClosed(peer: "1.2.3.4:5").description == "The connection to 1.2.3.4:5 was closed.")
        #expect(RuntimeError.timeout(method: "m", seconds: 5).description == "The call m got no answer within 5 seconds.")
        #expect(RuntimeError.timeout(method: "m", seconds: 0.5).description == "The call m got no answer within 0.5 seconds.")
        #expect(RuntimeError.frameTooLarge(size: 10, limit: 5).description == "A frame of 10 bytes exceeds the limit of 5 bytes.")
        #expect(RuntimeError.unreachable(address: "h:1", reason: "refused.").description == "Could not connect to h:1: refused.")
    }
}


/// A port on 127.0.0.1 that is bound but not listening: connections to it are refused, and no
/// other test can take it while the returned socket stays open (close it when done).
func refusingPort() -> (Int32, Int) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
    return (fd, Int(UInt16(bigEndian: addr.sin_port)))
}

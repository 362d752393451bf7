import ClusterState
import Foundation
import SwiftProtobuf
import NIOConcurrencyHelpers
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One authenticated connection for one-shot commands (`status`, `list`, `summary`, `get`):
/// the same frames and handshake as `RpcClient`, sent and read with plain blocking socket
/// calls on the calling thread. It starts no event-loop thread and builds no channel pipeline,
/// which is most of what a short-lived process would otherwise spend on its one call.
/// Calls are made one at a time (a lock serialises them) and each blocks its thread until the
/// answer or the deadline, so it suits a process with nothing else to do; daemons, drivers and
/// workers use `RpcClient`. Closing is idempotent; a broken connection fails every later call.
public final class BlockingRpcClient: Sendable {
    private struct State {
        var fd: Int32
        var nextID: UInt64 = 1
    }
    private let state: NIOLockedValueBox<State>
    /// `host:port` of the peer, for messages.
    public let peer: String

    private init(fd: Int32, peer: String) {
        state = NIOLockedValueBox(State(fd: fd))
        self.peer = peer
    }

    deinit {
        state.withLockedValue { s in
            if s.fd >= 0 { _ = systemClose(s.fd) }
        }
    }

    /// Connects and performs the handshake with `token`.
    /// - Throws: `RuntimeError.unreachable` when nothing answers within `timeout`,
    ///   `RuntimeError.handshakeRefused` when the peer rejects the token or version.
    public static func connect(host: String, port: Int, token: String, peerKind: String,
                               timeout: Duration = .seconds(5)) throws -> BlockingRpcClient {
        let peer = "\(host):\(port)"
        let deadline = ContinuousClock.now + timeout
        let client = BlockingRpcClient(fd: try openSocket(host: host, port: port, deadline: deadline), peer: peer)
        var request = Swiftray_Hello()
        request.protocolVersion = RpcClient.protocolVersion
        request.token = token
        request.peerKind = peerKind
        do {
            let _: Swiftray_HelloReply = try client.callBlocking("hello", request, timeout: timeout)
            return client
        } catch let RuntimeError.remote(_, message) {
            client.disconnect()
            throw RuntimeError.handshakeRefused(message)
        } catch RuntimeError.connectionClosed {
            client.disconnect()
            throw RuntimeError.unreachable(address: peer, reason: "the peer closed the connection during the handshake (a swiftray daemon that was stopping, or not a swiftray daemon).")
        } catch {
            client.disconnect()
            throw error
        }
    }

    /// Sends `request` as `method` and waits (blocking this thread) for the typed answer.
    public func callBlocking<Reply: SwiftProtobuf.Message>(_ method: String, _ request: some SwiftProtobuf.Message,
                                                           as: Reply.Type = Reply.self,
                                                           timeout: Duration = .seconds(30)) throws -> Reply {
        let payload: Data
        do {
            payload = try request.serializedData()
        } catch {
            throw RuntimeError.badMessage("The request \(method) could not be encoded.")
        }
        let frame = try state.withLockedValue { s throws -> Swiftray_Frame in
            guard s.fd >= 0 else { throw RuntimeError.connectionClosed(peer: peer) }
            let id = s.nextID
            s.nextID += 1
            do {
                let answer = try exchange(fd: s.fd, id: id, method: method, payload: payload,
                                          deadline: ContinuousClock.now + timeout, timeout: timeout)
                if answer.id == 0 {  // the peer's last word before it closes the connection
                    _ = systemClose(s.fd)
                    s.fd = -1
                }
                return answer
            } catch {
                // The stream's position is unknown after a failure: no later call may use it.
                _ = systemClose(s.fd)
                s.fd = -1
                throw error
            }
        }
        return try RpcClient.reply(to: method, from: peer, frame)
    }

    /// Closes the connection; later calls fail with `connectionClosed`.
    public func disconnect() {
        state.withLockedValue { s in
            if s.fd >= 0 { _ = systemClose(s.fd) }
            s.fd = -1
        }
    }

    /// Writes one request frame and reads frames until the answer to `id` (others are skipped).
    private func exchange(fd: Int32, id: UInt64, method: String, payload: Data,
                          deadline: ContinuousClock.Instant, timeout: Duration) throws -> Swiftray_Frame {
        var frame = Swiftray_Frame()
        frame.id = id
        frame.method = method
        frame.payload = payload
        let body: [UInt8]
        do {
            body = try frame.serializedBytes()
        } catch {
            throw RuntimeError.badMessage("The request \(method) could not be encoded.")
        }
        let length = UInt32(body.count)
        var bytes = [UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff)]
        bytes.append(contentsOf: body)
        try writeAll(fd: fd, bytes)
        let seconds = timeout.seconds
        while true {
            let header = try read(fd: fd, count: 4, deadline: deadline, method: method, seconds: seconds)
            let size = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
            guard size <= FrameCodec.defaultMaxFrameSize else {
                throw RuntimeError.frameTooLarge(size: size, limit: FrameCodec.defaultMaxFrameSize)
            }
            let body = try read(fd: fd, count: size, deadline: deadline, method: method, seconds: seconds)
            let answer = try FrameCodec.decode(bytes: body)
            // An error frame with id 0 is the peer refusing the connection (bad handshake).
            if answer.isResponse && answer.id == id || answer.id == 0 && !answer.error.isEmpty { return answer }
        }
    }

    private func writeAll(fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                systemSend(fd, raw.baseAddress! + sent, raw.count - sent)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw RuntimeError.connectionClosed(peer: peer)
            }
            sent += n
        }
    }

    /// Reads exactly `count` bytes, waiting at most until `deadline`.
    private func read(fd: Int32, count: Int, deadline: ContinuousClock.Instant, method: String,
                      seconds: Double) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let millis = Self.milliseconds(until: deadline)
            guard millis > 0 else { throw RuntimeError.timeout(method: method, seconds: seconds) }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, millis)
            if ready < 0 {
                if errno == EINTR { continue }
                throw RuntimeError.connectionClosed(peer: peer)
            }
            if ready == 0 { continue }  // the deadline check above ends the wait
            let n = bytes.withUnsafeMutableBytes { raw in
                recv(fd, raw.baseAddress! + filled, count - filled, 0)
            }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw RuntimeError.connectionClosed(peer: peer)
            }
            if n == 0 { throw RuntimeError.connectionClosed(peer: peer) }
            filled += n
        }
        return bytes
    }

    /// A connected TCP socket (no Nagle delay, close-on-exec) to the first address of `host`
    /// that accepts before `deadline`.
    private static func openSocket(host: String, port: Int, deadline: ContinuousClock.Instant) throws -> Int32 {
        let peer = "\(host):\(port)"
        var hints = addrinfo()
        hints.ai_socktype = streamSocket
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else {
            throw RuntimeError.unreachable(address: peer, reason: "the host name \(host) could not be resolved.")
        }
        defer { freeaddrinfo(list) }
        var reason = "the connection attempt timed out or was refused."
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let address = entry {
            entry = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, streamSocket | closeOnExec, 0)
            if fd < 0 { continue }
            switch connectBefore(deadline, fd: fd, address: address.pointee) {
            case nil:
                var one: Int32 = 1
                _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                return fd
            case let why?:
                reason = why
                _ = systemClose(fd)
            }
        }
        throw RuntimeError.unreachable(address: peer, reason: reason)
    }

    /// Connects `fd` without blocking past `deadline`: nil, or why not as the end of a sentence
    /// ("connection refused.").
    private static func connectBefore(_ deadline: ContinuousClock.Instant, fd: Int32, address: addrinfo) -> String? {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        if systemConnect(fd, address.ai_addr, address.ai_addrlen) != 0 {
            guard errno == EINPROGRESS else { return describe(errno) }
            while true {
                let millis = milliseconds(until: deadline)
                guard millis > 0 else { return "the connection attempt timed out or was refused." }
                var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                let ready = poll(&poller, 1, millis)
                if ready < 0 && errno == EINTR || ready == 0 { continue }
                var error: Int32 = 0
                var size = socklen_t(MemoryLayout<Int32>.size)
                if ready < 0 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) != 0 {
                    return describe(errno)
                }
                if error != 0 { return describe(error) }
                break
            }
        }
        _ = fcntl(fd, F_SETFL, flags)
        return nil
    }

    /// Whole milliseconds left until `deadline` (rounded up, so a wait never ends early), for `poll`.
    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let left = deadline - ContinuousClock.now
        if left <= .zero { return 0 }
        let millis = left.components.seconds * 1000 + (left.components.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(min(millis, Int64(Int32.max)))
    }

    private static func describe(_ code: Int32) -> String {
        "\(String(cString: strerror(code)).lowercased())."
    }
}

#if canImport(Glibc)
private let streamSocket = Int32(SOCK_STREAM.rawValue)
private let closeOnExec = Int32(SOCK_CLOEXEC.rawValue)
#else
private let streamSocket = SOCK_STREAM
private let closeOnExec: Int32 = 0
#endif

// The socket calls, under names that do not clash with the client's own `connect`/`close`.

private func systemClose(_ fd: Int32) -> Int32 {
    close(fd)
}

private func systemConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(fd, address, length)
}

/// `send(2)` that never raises SIGPIPE when the peer has gone.
private func systemSend(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    send(fd, bytes, count, Int32(MSG_NOSIGNAL))
    #else
    var one: Int32 = 1
    _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
    return send(fd, bytes, count, 0)
    #endif
}

import ClusterState
import Foundation
import Runtime

/// A hostile peer: a blocking TCP socket to a swiftray port that sends whatever bytes a test
/// wants, then collects everything the daemon answers until it closes the connection (or
/// `timeout` passes, which `closed` reports as false).
struct RawPeer {
    struct Answer: CustomStringConvertible {
        var bytes: [UInt8]
        var closed: Bool
        /// The frames the daemon sent, decoded; undecodable trailing bytes are ignored.
        var frames: [Swiftray_Frame] {
            var result: [Swiftray_Frame] = []
            var rest = bytes[...]
            while rest.count >= 4 {
                let length = rest.prefix(4).reduce(0) { $0 << 8 | Int($1) }
                guard rest.count >= 4 + length,
                      let frame = try? Swiftray_Frame(serializedBytes: Array(rest.dropFirst(4).prefix(length))) else { break }
                result.append(frame)
                rest = rest.dropFirst(4 + length)
            }
            return result
        }
        var errors: String { frames.map(\.error).joined(separator: " | ") }
        var description: String { "closed: \(closed), \(bytes.count) bytes, errors: \(errors)" }
    }

    /// Connects to 127.0.0.1:`port`, sends each chunk of `chunks` in turn and reads until EOF,
    /// or until `enough` holds for what arrived so far.
    static func exchange(port: Int, _ chunks: [[UInt8]], timeout: Double = 5,
                         until enough: ((Answer) -> Bool)? = nil) throws -> Answer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var nosignal: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &nosignal, socklen_t(MemoryLayout<Int32>.size))
        for chunk in chunks {
            // A daemon may close while we still send (the refusal comes first): not an error.
            _ = chunk.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return Answer(bytes: received, closed: true) }
            if n < 0 {
                if errno == EINTR { continue }
                // ECONNRESET: the daemon closed with our unread bytes pending — closed all the same.
                return Answer(bytes: received, closed: errno == ECONNRESET)
            }
            received += buffer[0..<n]
            if let enough, enough(Answer(bytes: received, closed: false)) { return Answer(bytes: received, closed: false) }
        }
        return Answer(bytes: received, closed: false)
    }

    /// The bytes of one frame with its length prefix.
    /// Malformed request bodies for any method: random bytes, nothing, a short "id" in each of
    /// the first fields, and the largest varints.
    static func malformedPayloads(seed: UInt64) -> [Data] {
        var state = seed
        func next() -> UInt8 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        var payloads: [Data] = [Data()]
        for length in [3, 40, 300] { payloads.append(Data((0..<length).map { _ in next() })) }
        for field in UInt8(1)...6 {
            payloads.append(Data([field << 3 | 2, 3, 0xab, 0xcd, 0xef]))   // bytes/string/message field of 3 bytes
            payloads.append(Data([field << 3 | 0] + [UInt8](repeating: 0xff, count: 9) + [0x01]))  // varint 2^64-1
        }
        return payloads
    }

    static func frame(method: String, payload: Data, id: UInt64 = 1) throws -> [UInt8] {
        var frame = Swiftray_Frame()
        frame.id = id
        frame.method = method
        frame.payload = payload
        let body: [UInt8] = try frame.serializedBytes()
        return lengthPrefix(UInt32(body.count)) + body
    }

    static func hello(token: String) throws -> [UInt8] {
        var hello = Swiftray_Hello()
        hello.protocolVersion = RpcClient.protocolVersion
        hello.token = token
        hello.peerKind = "cli"
        return try frame(method: "hello", payload: hello.serializedData())
    }

    static func lengthPrefix(_ n: UInt32) -> [UInt8] { withUnsafeBytes(of: n.bigEndian) { Array($0) } }

    /// The TCP ports process `pid` listens on (its socket inodes matched against /proc/net/tcp).
    static func listeningPorts(pid: Int32) -> [Int] {
        var inodes: Set<String> = []
        let fdDir = "/proc/\(pid)/fd"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: fdDir)) ?? [] {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: fdDir + "/" + name),
               target.hasPrefix("socket:[") {
                inodes.insert(String(target.dropFirst(8).dropLast()))
            }
        }
        var ports: [Int] = []
        for table in ["/proc/\(pid)/net/tcp", "/proc/\(pid)/net/tcp6"] {
            guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                guard fields.count > 9, fields[3] == "0A", inodes.contains(String(fields[9])),
                      let portHex = fields[1].split(separator: ":").last, let port = Int(portHex, radix: 16) else { continue }
                ports.append(port)
            }
        }
        return ports.sorted()
    }
}

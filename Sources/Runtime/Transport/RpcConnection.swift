import NIOConcurrencyHelpers
import NIOCore

/// One accepted connection as the service sees it: a stable id, the remote address, and the
/// peer kind it declared in its handshake. Thread-safe.
public final class RpcConnection: Sendable, Hashable {
    public let id: UInt64
    public let remoteAddress: String
    private let kind = NIOLockedValueBox("")
    private let tags = NIOLockedValueBox<[String: String]>([:])
    private let closed = NIOLockedValueBox(false)

    /// True once the connection has ended (set before the service hears of it).
    public var isClosed: Bool { closed.withLockedValue { $0 } }
    func markClosed() { closed.withLockedValue { $0 = true } }

    init(id: UInt64, remoteAddress: String) {
        self.id = id
        self.remoteAddress = remoteAddress
    }

    /// `raylet`, `cli`, `driver`, `worker` — whatever the peer said in the handshake.
    public var peerKind: String {
        get { kind.withLockedValue { $0 } }
        set { kind.withLockedValue { $0 = newValue } }
    }

    /// Service-defined notes attached to the connection (e.g. the node id a raylet registered).
    public func tag(_ key: String) -> String? { tags.withLockedValue { $0[key] } }
    public func setTag(_ key: String, _ value: String) { tags.withLockedValue { $0[key] = value } }

    public static func == (a: RpcConnection, b: RpcConnection) -> Bool { a.id == b.id }
    public func hash(into h: inout Hasher) { h.combine(id) }
}

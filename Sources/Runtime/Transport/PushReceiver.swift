import Foundation
import NIOConcurrencyHelpers

/// Where a client connection delivers the frames its server sends unasked (`RpcConnection.push`):
/// a method name and a payload, in the order the server sent them, on the connection's event
/// loop. One receiver may serve a connection and every connection that replaces it
/// (`GcsConnection`); `connectionReplaced` tells its owner that pushes may have been missed in
/// between. Thread-safe; owned by whoever made it (a `GcsClient`).
public final class PushReceiver: Sendable {
    public typealias Handler = @Sendable (_ method: String, _ payload: Data) -> Void

    private struct Handlers {
        var push: Handler?
        var replaced: (@Sendable () -> Void)?
    }
    private let handlers = NIOLockedValueBox(Handlers())

    public init() {}

    /// Sets what receives pushed frames, and what hears that the connection was replaced.
    public func set(_ push: @escaping Handler, replaced: @escaping @Sendable () -> Void) {
        handlers.withLockedValue { $0 = Handlers(push: push, replaced: replaced) }
    }

    func deliver(method: String, payload: Data) {
        handlers.withLockedValue { $0.push }?(method, payload)
    }

    func connectionReplaced() {
        handlers.withLockedValue { $0.replaced }?()
    }
}

import ClusterState
import Foundation
import NIOConcurrencyHelpers
import SwiftProtobuf

/// The event-loop connection a `GcsClient` makes its calls on. Without a reconnect window it is
/// a plain connection: a call fails when the GCS is gone. Long-lived clients (drivers, workers)
/// give it a reconnect window: when the connection closes (a killed head being restarted) it keeps
/// reconnecting at once, runs the `onReconnect` hook on the new connection (a driver claims its
/// job again), and a call whose connection closed waits for that and is sent again; after the
/// window calls fail with a sentence saying the GCS did not come back. Calls sent again must be idempotent on the GCS side.
/// Thread-safe; one reconnection runs at a time and every waiting call shares it.
public final class GcsConnection: Sendable {
    public let host: String
    public let port: Int
    let token: String
    let peerKind: String
    /// How long to keep trying after the connection is lost; nil: never reconnect.
    public let reconnectWindow: Duration?

    private struct State {
        var client: RpcClient
        var reconnecting: Task<RpcClient, any Error>?
        var onReconnect: (@Sendable (RpcClient) async throws -> Void)?
        var closed = false
    }
    private let state: NIOLockedValueBox<State>

    init(client: RpcClient, host: String, port: Int, token: String, peerKind: String, reconnectWindow: Duration?) {
        self.host = host
        self.port = port
        self.token = token
        self.peerKind = peerKind
        self.reconnectWindow = reconnectWindow
        state = NIOLockedValueBox(State(client: client))
        watch(client)
    }

    /// With a reconnect window, a closed connection is replaced at once, not only when the next
    /// call finds it closed: an idle driver must claim its job before the restarted GCS gives up
    /// on it.
    private func watch(_ client: RpcClient) {
        guard reconnectWindow != nil else { return }
        Task { [weak self] in
            await client.closed()
            guard let self, !self.state.withLockedValue({ $0.closed }) else { return }
            _ = try? await self.reconnected(replacing: client)
        }
    }

    /// The reconnect window of drivers and workers: `SWIFTRAY_GCS_RECONNECT_WINDOW` seconds, else
    /// 60 s (the raylets' default too).
    public static func clientWindow(environment: [String: String] = ProcessInfo.processInfo.environment) -> Duration {
        if let text = environment[environmentKey], let seconds = Int(text), seconds >= 0 { return .seconds(seconds) }
        return .seconds(60)
    }

    public static let environmentKey = "SWIFTRAY_GCS_RECONNECT_WINDOW"

    /// The hello answer of the current connection (session name, …).
    public var hello: Swiftray_HelloReply { state.withLockedValue { $0.client.hello } }

    /// Sets what runs on every new connection before calls use it (a driver's `gcs.ReattachJob`).
    public func setOnReconnect(_ hook: @escaping @Sendable (RpcClient) async throws -> Void) {
        state.withLockedValue { $0.onReconnect = hook }
    }

    /// Sends `request` as `method` and waits for the typed answer; with a reconnect window, a
    /// lost connection is re-established and the call sent again. `waitAtMost` bounds how long
    /// this call waits for the GCS to come back (a driver's last word at exit must not hang);
    /// `resend: false` fails a call whose connection closed instead (not idempotent, e.g. AddJob).
    public func send<Reply: SwiftProtobuf.Message>(_ method: String, _ request: some SwiftProtobuf.Message,
                                                   as: Reply.Type, timeout: Duration,
                                                   waitAtMost: Duration?, resend: Bool) async throws -> Reply {
        var client = state.withLockedValue { $0.client }
        while true {
            do {
                return try await client.call(method, request, timeout: timeout)
            } catch RuntimeError.connectionClosed(let peer) {
                // Without a window, or for a call that must not be sent twice, the loss is final.
                guard reconnectWindow != nil, resend else { throw RuntimeError.connectionClosed(peer: peer) }
                guard let limit = waitAtMost else {
                    client = try await reconnected(replacing: client)
                    continue
                }
                client = try await reconnected(replacing: client, waitingAtMost: limit)
            }
        }
    }

    /// `reconnected(replacing:)`, but this caller stops waiting after `limit` (the shared
    /// reconnection goes on for the others).
    private func reconnected(replacing old: RpcClient, waitingAtMost limit: Duration) async throws -> RpcClient {
        let slot = NIOLockedValueBox<CheckedContinuation<RpcClient, any Error>?>(nil)
        let take: @Sendable () -> CheckedContinuation<RpcClient, any Error>? = { slot.withLockedValue { s in
            defer { s = nil }
            return s
        } }
        let address = "\(host):\(port)"
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<RpcClient, any Error>) in
            slot.withLockedValue { $0 = continuation }
            let timer = Task {
                try? await Task.sleep(for: limit)
                take()?.resume(throwing: RuntimeError.unreachable(address: address, reason: "the GCS did not come back within \(limit)."))
            }
            Task {
                do {
                    let client = try await self.reconnected(replacing: old)
                    take()?.resume(returning: client)
                } catch {
                    take()?.resume(throwing: error)
                }
                timer.cancel()  // nothing left for it to end
            }
        }
    }

    /// Closes the connection for good; waiting and later calls fail.
    public func close() async {
        let (client, task) = state.withLockedValue { s -> (RpcClient, Task<RpcClient, any Error>?) in
            s.closed = true
            return (s.client, s.reconnecting)
        }
        task?.cancel()
        await client.close()
    }

    /// The connection that replaced `old`: the current one if another call already reconnected,
    /// else the result of the one reconnection in progress (started here if none is).
    private func reconnected(replacing old: RpcClient) async throws -> RpcClient {
        enum Next { case ready(RpcClient), wait(Task<RpcClient, any Error>) }
        let next = try state.withLockedValue { s -> Next in
            if s.closed { throw RuntimeError.connectionClosed(peer: "\(host):\(port)") }
            if s.client !== old, s.client.isActive { return .ready(s.client) }
            if let running = s.reconnecting { return .wait(running) }
            let running = Task { try await self.reconnect() }
            s.reconnecting = running
            return .wait(running)
        }
        switch next {
        case .ready(let client): return client
        case .wait(let task): return try await task.value
        }
    }

    private func reconnect() async throws -> RpcClient {
        let window = reconnectWindow ?? .zero
        let deadline = ContinuousClock.now + window
        var lastError: any Error = RuntimeError.connectionClosed(peer: "\(host):\(port)")
        defer { state.withLockedValue { $0.reconnecting = nil } }
        while ContinuousClock.now < deadline, !Task.isCancelled {
            do {
                let client = try await RpcClient.connect(host: host, port: port, token: token, peerKind: peerKind,
                                                         timeout: .seconds(2))
                do {
                    // Read now, not when the reconnection began: a driver may have set it since.
                    try await state.withLockedValue({ $0.onReconnect })?(client)
                } catch {
                    await client.close()
                    throw error
                }
                let old = state.withLockedValue { s -> RpcClient? in
                    if s.closed { return nil }
                    let old = s.client
                    s.client = client
                    return old
                }
                guard let old else {  // closed for good meanwhile
                    await client.close()
                    throw RuntimeError.connectionClosed(peer: "\(host):\(port)")
                }
                await old.close()
                watch(client)
                return client
            } catch let error as RuntimeError {
                switch error {
                case .unreachable, .connectionClosed, .timeout:
                    lastError = error
                    try? await Task.sleep(for: .milliseconds(200))
                default:
                    throw error  // refused handshake, job no longer claimable: retrying cannot help
                }
            }
        }
        throw RuntimeError.unreachable(address: "\(host):\(port)",
            reason: "the GCS did not come back within \(window) (\(lastError)). Restart it with `swiftray start --head` on the same --temp-dir, or check `swiftray status`.")
    }
}

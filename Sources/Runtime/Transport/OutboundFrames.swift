import NIOConcurrencyHelpers
import NIOCore

/// Frames waiting to be written on one connection, written in the order they were sent and
/// flushed together: the first frame of a burst schedules one task on the channel's event loop,
/// which writes every frame queued by then and flushes once (one `write` system call for a
/// burst of calls or answers instead of one each). Thread-safe; owned by a client or by a
/// server connection's handler.
final class OutboundFrames: Sendable {
    private let channel: any Channel
    private let queue = NIOLockedValueBox<[(buffer: ByteBuffer, failed: (@Sendable () -> Void)?)]>([])

    init(channel: any Channel) { self.channel = channel }

    /// Queues `buffer`; `failed` runs if it cannot be written (the connection is closed).
    func send(_ buffer: ByteBuffer, failed: (@Sendable () -> Void)? = nil) {
        let first = queue.withLockedValue { q -> Bool in
            q.append((buffer, failed))
            return q.count == 1
        }
        guard first else { return }
        let channel = self.channel, queue = self.queue
        channel.eventLoop.execute {
            let batch = queue.withLockedValue { q -> [(buffer: ByteBuffer, failed: (@Sendable () -> Void)?)] in
                let all = q
                q = []
                return all
            }
            for item in batch {
                let written = channel.write(item.buffer)
                if let failed = item.failed { written.whenFailure { _ in failed() } }
            }
            channel.flush()
        }
    }
}

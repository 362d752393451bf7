import ClusterState
import Foundation
import NIOConcurrencyHelpers

/// Task state changes waiting to be sent to the GCS, flushed in batches (every 100 ms) so the
/// hot path never waits for the GCS. Thread-safe; owned by a `CoreWorker`.
final class TaskEventBuffer: Sendable {
    private let pending = NIOLockedValueBox<[Swiftray_TaskEventRecord]>([])

    func add(_ event: Swiftray_TaskEventRecord) {
        pending.withLockedValue { $0.append(event) }
    }

    /// A state change of one attempt at `timeMs`.
    func state(_ spec: Swiftray_TaskSpec, _ state: String, timeMs: Int64 = TaskEventBuffer.nowMs(),
               configure: (inout Swiftray_TaskEventRecord) -> Void = { _ in }) {
        var e = Swiftray_TaskEventRecord()
        e.taskID = spec.taskID
        e.attemptNumber = spec.attemptNumber
        e.states = [state]
        e.stateTimesMs = [timeMs]
        configure(&e)
        add(e)
    }

    /// Everything pending, one record per attempt (its state changes folded together).
    func take() -> [Swiftray_TaskEventRecord] {
        let all = pending.withLockedValue { p in
            let all = p
            p = []
            return all
        }
        var out: [Swiftray_TaskEventRecord] = []
        var index: [Data: Int] = [:]
        out.reserveCapacity(all.count)
        for e in all {
            var key = e.taskID
            withUnsafeBytes(of: e.attemptNumber.littleEndian) { key.append(contentsOf: $0) }
            if let k = index[key] {
                out[k].fold(e)
            } else {
                index[key] = out.count
                out.append(e)
            }
        }
        return out
    }

    /// Sends batches until cancelled; a final flush happens on `flush()`.
    func run(gcs: GcsClient) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
            await flush(gcs: gcs)
        }
    }

    /// Sends what is pending. While the GCS is away the batch waits for it to come back (at most
    /// `waitAtMost`, else the reconnect window), then is dropped.
    func flush(gcs: GcsClient, waitAtMost: Duration? = nil) async {
        let batch = take()
        guard !batch.isEmpty else { return }
        var request = Swiftray_AddTaskEventsRequest()
        request.events = batch
        let _: Swiftray_Empty? = try? await gcs.rpc.call("gcs.AddTaskEvents", request, timeout: .seconds(10),
                                                          waitAtMost: waitAtMost)
    }

    static func nowMs() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}

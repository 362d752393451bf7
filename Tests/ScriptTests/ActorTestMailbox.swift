import Foundation
import Script

/// A thread-safe `ActorMailbox` for tests: calls are delivered in the order they were queued,
/// each no earlier than its release time; `.closed` comes once every queued call has been
/// completed (or at `closeAt`, if set). Records each `next` timeout and each call's events.
final class ActorTestMailbox: ActorMailbox, @unchecked Sendable {
    /// What happened to one call, by its label.
    struct Record {
        var started: Double?
        var completed: Double?
        var outcome: TaskOutcome?
        var completions = 0
    }

    private let condition = NSCondition()
    private var queue: [(release: Double, call: ActorCall)] = []
    private var records: [String: Record] = [:]
    private var events: [String] = []
    private var sent = 0
    private var done = 0
    private var timeoutsAsked: [Double?] = []
    private var closeAt: Double?
    let origin = ActorTestClock.now()

    /// Ends serving at `origin + seconds` even if calls are still open.
    func close(after seconds: Double) { condition.withLock { closeAt = origin + seconds } }

    /// Queues a call of `Class.method` labelled `label`, delivered `after` seconds from `origin`.
    func send(_ label: String, _ name: String, _ arguments: [ScriptData] = [], group: String? = nil, after: Double = 0) {
        let spec = RemoteCallSpec(name: name, moduleSource: "", arguments: arguments, keywordArguments: [], options: [], actorID: "actor-1")
        let call = ActorCall(spec: spec, concurrencyGroup: group, starting: { [self] in
            condition.withLock {
                records[label, default: Record()].started = ActorTestClock.now() - origin
                events.append("start \(label)")
            }
        }, complete: { [self] outcome in
            condition.withLock {
                records[label, default: Record()].completed = ActorTestClock.now() - origin
                records[label, default: Record()].outcome = outcome
                records[label, default: Record()].completions += 1
                events.append("end \(label)")
                done += 1
                condition.broadcast()
            }
        })
        condition.withLock {
            queue.append((origin + after, call))
            sent += 1
            condition.broadcast()
        }
    }

    func next(timeout: Double?) -> ActorMailboxItem {
        condition.lock()
        defer { condition.unlock() }
        timeoutsAsked.append(timeout)
        let deadline = timeout.map { ActorTestClock.now() + $0 }
        while true {
            let now = ActorTestClock.now()
            if let closeAt, now >= closeAt { return .closed }
            if let first = queue.first, first.release <= now {
                queue.removeFirst()
                return .call(first.call)
            }
            if queue.isEmpty && done >= sent && closeAt == nil { return .closed }
            var wake = [deadline, queue.first?.release, closeAt].compactMap { $0 }.min()
            if let d = deadline, now >= d { return .timedOut }
            if wake == nil { wake = now + 3600 }
            _ = condition.wait(until: Date(timeIntervalSinceNow: max(0, wake! - now)))
        }
    }

    func record(_ label: String) -> Record { condition.withLock { records[label] ?? Record() } }
    var log: [String] { condition.withLock { events } }
    var timeouts: [Double?] { condition.withLock { timeoutsAsked } }

    /// The returned value of a call, or nil if it failed or never completed.
    func value(_ label: String) -> ScriptData? {
        if case .value(let v)? = record(label).outcome { return v }
        return nil
    }

    /// The failure of a call, or nil if it returned a value or never completed.
    func failure(_ label: String) -> TaskFailure? {
        if case .failure(let f)? = record(label).outcome { return f }
        return nil
    }
}

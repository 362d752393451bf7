import ClusterState
import Foundation
import NIOConcurrencyHelpers
import Testing
@testable import Runtime

/// Waits on sets of owned objects: one wait ends when the last of its objects is resolved,
/// freed, timed out or cancelled — never before, and always.
@Suite("Object table waits", .timeLimit(.minutes(1)))
struct ObjectTableWaitTests {
    private func ids(_ n: Int) -> [ObjectID] {
        let task = TaskID.normal(job: JobID(counter: 1), unique: [1, 2, 3, 4, 5, 6, 7, 8])
        return (1...n).map { ObjectID(task: task, index: UInt32($0)) }
    }

    private func ready(_ text: String) -> ObjectTable.State {
        var payload = Swiftray_ObjectPayload()
        payload.inlineData = Data(text.utf8)
        return .ready(payload)
    }

    /// Starts a wait on `ids` and returns a flag set when it ends.
    private func startWait(_ table: ObjectTable, _ ids: [ObjectID], timeout: Duration? = nil) -> (Task<Void, Never>, NIOLockedValueBox<Bool>) {
        let ended = NIOLockedValueBox(false)
        let task = Task {
            await table.waitResolved(ids, timeout: timeout)
            ended.withLockedValue { $0 = true }
        }
        return (task, ended)
    }

    @Test("a wait on several objects ends when the last one resolves, not before")
    func endsWithTheLast() async throws {
        let table = ObjectTable()
        let objects = ids(3)
        for id in objects { table.addPending(id, origin: .task(attempt: 0)) }
        let (task, ended) = startWait(table, objects)
        table.resolve(objects[0], ready("a"))
        table.resolve(objects[2], .failed(Swiftray_TaskError()))
        try await Task.sleep(for: .milliseconds(100))
        #expect(!ended.withLockedValue { $0 })
        table.resolve(objects[1], ready("b"))
        await task.value
        #expect(ended.withLockedValue { $0 })
    }

    @Test("an object listed twice is waited for like any other")
    func duplicates() async throws {
        let table = ObjectTable()
        let objects = ids(2)
        for id in objects { table.addPending(id, origin: .task(attempt: 0)) }
        let (task, ended) = startWait(table, [objects[0], objects[0], objects[1]])
        table.resolve(objects[0], ready("a"))
        try await Task.sleep(for: .milliseconds(100))
        #expect(!ended.withLockedValue { $0 })
        table.resolve(objects[1], ready("b"))
        await task.value
        #expect(ended.withLockedValue { $0 })
    }

    @Test("objects already resolved, and objects not owned here, are not waited for")
    func nothingToWaitFor() async {
        let table = ObjectTable()
        let objects = ids(2)
        table.addPending(objects[0], origin: .put)
        table.resolve(objects[0], ready("a"))
        await table.waitResolved(objects, timeout: nil)  // objects[1] is not owned: returns at once
        #expect(table.state(of: objects[1]) == nil)
    }

    @Test("a timeout ends the wait with the objects still pending; a late resolve is harmless")
    func timeout() async {
        let table = ObjectTable()
        let objects = ids(2)
        for id in objects { table.addPending(id, origin: .task(attempt: 0)) }
        let started = ContinuousClock.now
        await table.waitResolved(objects, timeout: .milliseconds(100))
        #expect(ContinuousClock.now - started >= .milliseconds(100))
        if case .pending? = table.state(of: objects[0]) {} else { Issue.record("the object is no longer pending") }
        for id in objects { table.resolve(id, ready("late")) }
        // A new wait after the timed-out one still works.
        #expect(await table.waitResolved(objects[0], timeout: nil) != nil)
    }

    @Test("freeing a waited-for object ends the wait")
    func freed() async {
        let table = ObjectTable()
        let objects = ids(2)
        for id in objects { table.addPending(id, origin: .task(attempt: 0)) }
        let (task, ended) = startWait(table, objects)
        table.resolve(objects[0], ready("a"))
        try? await Task.sleep(for: .milliseconds(50))
        _ = table.remove([objects[1]])
        await task.value
        #expect(ended.withLockedValue { $0 })
        #expect(table.state(of: objects[1]) == nil)
    }

    @Test("cancelling the waiting task ends the wait; other waits on the same objects go on")
    func cancelled() async throws {
        let table = ObjectTable()
        let objects = ids(2)
        for id in objects { table.addPending(id, origin: .task(attempt: 0)) }
        let (first, firstEnded) = startWait(table, objects)
        let (second, secondEnded) = startWait(table, objects)
        try await Task.sleep(for: .milliseconds(50))
        first.cancel()
        await first.value
        #expect(firstEnded.withLockedValue { $0 })
        #expect(!secondEnded.withLockedValue { $0 })
        for id in objects { table.resolve(id, ready("x")) }
        await second.value
        #expect(secondEnded.withLockedValue { $0 })
    }

    @Test("many concurrent waits on overlapping sets all end, each exactly once")
    func manyWaits() async {
        let table = ObjectTable()
        let objects = ids(50)
        for id in objects { table.addPending(id, origin: .task(attempt: 0)) }
        let waits = (0..<40).map { k in startWait(table, Array(objects[(k % 10)..<(k % 10 + 20)])) }
        for id in objects.shuffled() { table.resolve(id, ready("x")) }
        for (task, ended) in waits {
            await task.value
            #expect(ended.withLockedValue { $0 })
        }
    }
}

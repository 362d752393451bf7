import ClusterState
import Testing
@testable import Runtime

@Suite("Bundle call tracker")
struct BundleCallTrackerTests {
    let node = NodeID(uncheckedBytes: [UInt8](repeating: 1, count: 28))
    let other = NodeID(uncheckedBytes: [UInt8](repeating: 2, count: 28))

    @Test("reports count only when no call is under way and they are not older than the latest answer")
    func reportsAfterAnswers() {
        var tracker = BundleCallTracker()
        #expect(tracker.reportIsCurrent(node, version: 0))
        tracker.started(node, isCancel: false)
        #expect(!tracker.reportIsCurrent(node, version: 9))
        #expect(tracker.reportIsCurrent(other, version: 0))
        #expect(tracker.ended(node, isCancel: false, version: 4).isEmpty)
        #expect(!tracker.reportIsCurrent(node, version: 3))
        #expect(tracker.reportIsCurrent(node, version: 4))
        // A failed call (no version) does not move the version back.
        tracker.started(node, isCancel: false)
        _ = tracker.ended(node, isCancel: false, version: nil)
        #expect(!tracker.reportIsCurrent(node, version: 3) && tracker.reportIsCurrent(node, version: 5))
    }

    @Test("reports do not count while a group placed on the node is being reserved")
    func reportsWhileReserving() {
        var tracker = BundleCallTracker()
        tracker.reservationStarted(on: [node, other])
        tracker.reservationStarted(on: [node])
        #expect(!tracker.reportIsCurrent(node, version: 0) && !tracker.reportIsCurrent(other, version: 0))
        tracker.reservationEnded(on: [node, other])
        #expect(!tracker.reportIsCurrent(node, version: 0) && tracker.reportIsCurrent(other, version: 0))
        tracker.reservationEnded(on: [node])
        #expect(tracker.reportIsCurrent(node, version: 0))
    }

    @Test("reservations wait until every cancel sent before them is answered", .timeLimit(.minutes(1)))
    func cancelsReleaseWaiters() async {
        var tracker = BundleCallTracker()
        tracker.started(node, isCancel: true)
        tracker.started(node, isCancel: true)
        tracker.started(node, isCancel: false)
        #expect(tracker.cancelsPending(node) && !tracker.cancelsPending(other))
        // The wait ends only if the last cancel's answer hands its continuation back.
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            tracker.waitForCancels(node, waiter)
            #expect(tracker.ended(node, isCancel: true, version: 1).isEmpty)
            #expect(tracker.ended(node, isCancel: false, version: 2).isEmpty)
            let released = tracker.ended(node, isCancel: true, version: 3)
            #expect(released.count == 1)
            for continuation in released { continuation.resume() }
        }
        #expect(!tracker.cancelsPending(node))
        #expect(tracker.reportIsCurrent(node, version: 3))
    }
}

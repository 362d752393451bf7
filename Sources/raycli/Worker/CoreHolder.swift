import NIOConcurrencyHelpers
import Runtime

/// Holds the worker's core worker once it has started (the output forwarder is created first).
final class CoreHolder: Sendable {
    private let box = NIOLockedValueBox<CoreWorker?>(nil)
    var core: CoreWorker? {
        get { box.withLockedValue { $0 } }
        set { box.withLockedValue { $0 = newValue } }
    }
}

import CReadline
import Foundation
import Synchronization

/// Ctrl-C for drivers: SIGINT sets a flag that the interpreter polls (raising
/// KeyboardInterrupt) and that blocking cluster calls check; at the REPL prompt it also
/// abandons the line being typed. Process-wide; installed once by `run`/`repl`.
enum InterruptSignal {
    private static let pending = Atomic<Bool>(false)
    private static let atPrompt = Atomic<Bool>(false)

    private static let handler: @convention(c) (Int32) -> Void = { _ in
        InterruptSignal.pending.store(true, ordering: .sequentiallyConsistent)
        if InterruptSignal.atPrompt.load(ordering: .sequentiallyConsistent) {
            let text = "\nKeyboardInterrupt\n"
            _ = text.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
            swiftray_reset_line()
        }
    }

    static func install() {
        signal(SIGINT, handler)
    }

    /// True (once) when SIGINT arrived since the last call.
    static func take() -> Bool {
        pending.exchange(false, ordering: .sequentiallyConsistent)
    }

    /// Marks whether the REPL is waiting in readline.
    static func setAtPrompt(_ value: Bool) {
        atPrompt.store(value, ordering: .sequentiallyConsistent)
    }
}

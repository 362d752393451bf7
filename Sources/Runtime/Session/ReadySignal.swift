import Foundation
import Synchronization

/// The daemon side of the readiness pipe (fd 3, see `ProcessLauncher`): one line, then close.
/// One-shot: after the first line fd 3 is never touched again (its number may be reused by
/// then). Harmless when the daemon was started by hand without the pipe.
public enum ReadySignal {
    private static let sent = Atomic<Bool>(false)

    public static func ready(_ detail: String) { send("READY \(detail)") }
    public static func failed(_ message: String) {
        send("ERROR " + message.replacingOccurrences(of: "\n", with: " "))
    }

    private static func send(_ line: String) {
        guard !sent.exchange(true, ordering: .sequentiallyConsistent) else { return }
        let fd = ProcessLauncher.readyFDNumber
        guard fcntl(fd, F_GETFD) != -1 else { return }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}

import Foundation
import Synchronization

/// The daemon side of the readiness pipe (fd 3, see `ProcessLauncher`): one line, then close.
/// One-shot: after the first line fd 3 is never touched again (its number may be reused by
/// then). Harmless when the daemon was started by hand without the pipe: it writes only when
/// `SWIFTRAY_READY_FD` names fd 3 and fd 3 is a pipe.
public enum ReadySignal {
    private static let sent = Atomic<Bool>(false)

    public static func ready(_ detail: String) { send("READY \(detail)") }
    public static func failed(_ message: String) {
        send("ERROR " + message.replacingOccurrences(of: "\n", with: " "))
    }

    private static func send(_ line: String) {
        guard !sent.exchange(true, ordering: .sequentiallyConsistent) else { return }
        // Only a daemon spawned by `ProcessLauncher` has the pipe; started by hand, fd 3 may be
        // anything (libdispatch opens descriptors of its own), so it is left alone.
        let fd = ProcessLauncher.readyFDNumber
        guard ProcessInfo.processInfo.environment[ProcessLauncher.readyFDEnvironmentKey] == String(fd) else { return }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFIFO else { return }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}

import Foundation

/// The daemon side of the readiness pipe (fd 3, see `ProcessLauncher`): one line, then close.
/// Harmless when the daemon was started by hand without the pipe.
public enum ReadySignal {
    public static func ready(_ detail: String) { send("READY \(detail)") }
    public static func failed(_ message: String) {
        send("ERROR " + message.replacingOccurrences(of: "\n", with: " "))
    }

    private static func send(_ line: String) {
        let fd = ProcessLauncher.readyFDNumber
        guard fcntl(fd, F_GETFD) != -1 else { return }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}

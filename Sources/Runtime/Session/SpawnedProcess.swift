/// A daemon just launched by `ProcessLauncher`: its pid, the read end of its readiness pipe
/// and its log file. The launcher's caller owns the pipe and must close it.
public struct SpawnedProcess: Sendable {
    public let pid: Int32
    public let readyFD: Int32
    public let logFile: String
}

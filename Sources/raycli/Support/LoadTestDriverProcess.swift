import Foundation
import Runtime

/// One `load-test` driver: a child process of this command (`posix_spawn` of this same
/// executable) with stdin from /dev/null and stdout/stderr in files of the work directory.
/// `poll()` reaps it without blocking; `kill()` SIGKILLs it by its pid — only ever this child.
final class LoadTestDriverProcess {
    let index: Int
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String
    let startedAt: ContinuousClock.Instant
    /// The exit status once reaped (128 + signal number when a signal ended it).
    private(set) var exitStatus: Int32?
    /// When it was reaped.
    private(set) var endedAt: ContinuousClock.Instant?
    /// True when the load test had to kill it for overrunning.
    private(set) var wasKilled = false

    /// Starts `executable arguments…` with `environment`; output goes to `<workDir>/driver-<index>.out|.err`.
    init(index: Int, executable: String, arguments: [String], environment: [String: String], workDir: String) throws {
        self.index = index
        stdoutPath = "\(workDir)/driver-\(index).out"
        stderrPath = "\(workDir)/driver-\(index).err"
        let pid: pid_t
        do {
            pid = try CommandRunner.spawn(executable, arguments, environment: environment,
                                          stdoutPath: stdoutPath, stderrPath: stderrPath)
        } catch {
            throw CommandFailure("Cannot start load-test driver \(index): \(error)")
        }
        self.pid = pid
        startedAt = .now
    }

    var isRunning: Bool { exitStatus == nil }

    /// Reaps the process if it has exited; returns whether it has.
    @discardableResult
    func poll() -> Bool {
        guard exitStatus == nil else { return true }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        guard r == pid else { return false }
        exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        endedAt = .now
        return true
    }

    /// SIGKILLs the driver (it overran its deadline) and reaps it.
    func kill() {
        guard exitStatus == nil else { return }
        wasKilled = true
        _ = Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        exitStatus = 128 + SIGKILL
        endedAt = .now
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
}

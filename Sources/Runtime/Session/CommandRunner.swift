import Foundation

/// Runs a command to completion with its output captured in files, using posix_spawn and
/// waitpid (Foundation's Process can miss the exit of a child that itself spawns detached
/// daemons). Used by the benchmark.
public enum CommandRunner {
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `executable arguments…`; SIGKILLs it after `timeout` seconds.
    public static func run(_ executable: String, _ arguments: [String],
                           environment: [String: String] = ProcessInfo.processInfo.environment,
                           timeout: Double = 60) throws -> Outcome {
        let base = NSTemporaryDirectory() + "swiftray-cmd-\(getpid())-\(UUID().uuidString)"
        let outFile = base + ".out", errFile = base + ".err"
        defer { unlink(outFile); unlink(errFile) }
        let pid = try spawn(executable, arguments, environment: environment, stdoutPath: outFile, stderrPath: errFile)
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
        var status: Int32 = 0
        let started = ContinuousClock.now
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno != EINTR) { break }
            let now = ContinuousClock.now
            if now > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            // Fine-grained at first, so a timed short command is not rounded up to the next
            // millisecond; coarse for long ones.
            usleep(now - started < .milliseconds(200) ? 100 : 1_000)
        }
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(status: exit, stdout: FileSystem.read(outFile) ?? "", stderr: FileSystem.read(errFile) ?? "")
    }

    /// Starts `executable arguments…` as a child with stdin from /dev/null and stdout/stderr
    /// written to the given files (created 0600, truncated); returns its pid. The caller reaps it.
    public static func spawn(_ executable: String, _ arguments: [String], environment: [String: String],
                             stdoutPath: String, stderrPath: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = argv.withUnsafeBufferPointer { a in
            envp.withUnsafeBufferPointer { e in
                posix_spawn(&pid, executable, &actions, nil, UnsafeMutablePointer(mutating: a.baseAddress!),
                            UnsafeMutablePointer(mutating: e.baseAddress!))
            }
        }
        guard rc == 0 else {
            throw RuntimeError.session("Cannot start \(executable): \(String(cString: strerror(rc))).")
        }
        return pid
    }
}

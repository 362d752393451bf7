import Foundation

/// Starts swiftray daemons as detached processes (own session via setsid, stdin from
/// /dev/null, stdout and stderr appended to a log file) with a readiness pipe on fd 3: the
/// daemon writes one line, `READY …` or `ERROR <message>`, when it is up or has failed.
public enum ProcessLauncher {
    /// The fd number the child sees its readiness pipe on.
    public static let readyFDNumber: Int32 = 3
    /// Set in a spawned daemon's environment: only then is fd 3 its readiness pipe.
    public static let readyFDEnvironmentKey = "SWIFTRAY_READY_FD"

    /// Absolute path of the running swiftray executable.
    public static func currentExecutable() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CommandLine.arguments[0]
    }

    /// Launches `executable arguments…` detached.
    public static func spawn(executable: String, arguments: [String], environment: [String: String],
                             logFile: String) throws -> SpawnedProcess {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw RuntimeError.session("Cannot create a pipe: \(String(cString: strerror(errno))).")
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let logFD = open(logFile, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard logFD >= 0 else {
            close(fds[0]); close(fds[1])
            throw RuntimeError.session("Cannot open the log file \(logFile): \(String(cString: strerror(errno))).")
        }
        defer { close(logFD); close(fds[1]) }

        markInheritedDescriptorsCloseOnExec()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, logFD, 1)
        posix_spawn_file_actions_adddup2(&actions, logFD, 2)
        posix_spawn_file_actions_adddup2(&actions, fds[1], readyFDNumber)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaultSignals, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        // POSIX_SPAWN_SETSID (0x80, glibc ≥ 2.26): the daemon leaves the caller's session, so a
        // Ctrl-C in the shell that ran `swiftray start` does not reach it.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | 0x80))

        let argv = [executable] + arguments
        var environment = environment
        environment[readyFDEnvironmentKey] = String(readyFDNumber)  // says fd 3 is the pipe
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let rc = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnv in
                posix_spawn(&pid, executable, &actions, &attributes, cArgv, cEnv)
            }
        }
        guard rc == 0 else {
            close(fds[0])
            throw RuntimeError.session("Cannot start \(executable): \(String(cString: strerror(rc))).")
        }
        return SpawnedProcess(pid: pid, readyFD: fds[0], logFile: logFile)
    }

    /// Sets FD_CLOEXEC on every descriptor above stderr, so nothing the caller holds (a test
    /// harness's pipes, sockets, files) lives on in a long-lived daemon. The daemon's own fds 0-3
    /// are set up by the spawn file actions.
    static func markInheritedDescriptorsCloseOnExec() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for name in names {
            guard let fd = Int32(name), fd > 2 else { continue }
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 && flags & FD_CLOEXEC == 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// Waits for the daemon's readiness line. Returns the text after `READY`.
    /// - Throws: the daemon's own `ERROR` message, or a message with its log tail when it died
    ///   or stayed silent past `timeout`.
    public static func waitUntilReady(_ process: SpawnedProcess, name: String, timeout: Duration) throws -> String {
        defer { close(process.readyFD) }
        let deadline = ContinuousClock.now + timeout
        var data = [UInt8]()
        while true {
            let remaining = deadline - ContinuousClock.now
            let ms = Int32(max(0, remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
            var pfd = pollfd(fd: process.readyFD, events: Int16(POLLIN), revents: 0)
            let n = poll(&pfd, 1, ms)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                throw RuntimeError.session("The \(name) (pid \(process.pid)) did not become ready within \(PythonSeconds.text(Double(timeout.components.seconds))) seconds. See \(process.logFile).\(logExcerpt(process.logFile))")
            }
            var chunk = [UInt8](repeating: 0, count: 512)
            let got = read(process.readyFD, &chunk, chunk.count)
            if got > 0 {
                data += chunk[0..<got]
                if let nl = data.firstIndex(of: 10) {
                    let line = String(decoding: data[..<nl], as: UTF8.self)
                    if line.hasPrefix("READY") {
                        return String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces)
                    }
                    let message = line.hasPrefix("ERROR ") ? String(line.dropFirst(6)) : line
                    throw RuntimeError.session(message)
                }
                continue
            }
            if got < 0 && errno == EINTR { continue }
            throw RuntimeError.session("The \(name) (pid \(process.pid)) exited before it was ready. See \(process.logFile).\(logExcerpt(process.logFile))")
        }
    }

    private static func logExcerpt(_ path: String) -> String {
        let tail = FileSystem.tail(path, lines: 5)
        return tail.isEmpty ? "" : " Last lines:\n" + tail
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        var mutable = pointers
        return mutable.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}

import Foundation

/// Runs a command on a pseudo-terminal (its own session, the terminal as its controlling tty),
/// so tests can type into an interactive program, send Ctrl-C and read the screen text.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    private(set) var output = ""

    init(executable: String, arguments: [String], environment: [String: String]) throws {
        var m: Int32 = -1, s: Int32 = -1
        guard openpty(&m, &s, nil, nil, nil) == 0 else { throw POSIXError(.EIO) }
        let slavePath = String(cString: ttyname(s))
        close(s)
        master = m
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, m)
        // After setsid the first terminal opened becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attrs = posix_spawnattr_t()
        posix_spawnattr_init(&attrs)
        defer { posix_spawnattr_destroy(&attrs) }
        posix_spawnattr_setflags(&attrs, Int16(0x80))  // POSIX_SPAWN_SETSID
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let rc = argv.withUnsafeBufferPointer { a in
            envp.withUnsafeBufferPointer { e in
                posix_spawn(&child, executable, &actions, &attrs, UnsafeMutablePointer(mutating: a.baseAddress!),
                            UnsafeMutablePointer(mutating: e.baseAddress!))
            }
        }
        guard rc == 0 else { close(m); throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        pid = child
    }

    func send(_ text: String) {
        usleep(100_000)  // like pexpect's delaybeforesend: let the program reach its next read
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until `needle` appears in everything read so far (after `from`), or `seconds` pass.
    @discardableResult
    func expect(_ needle: String, within seconds: Double = 10, after from: String.Index? = nil) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if found(needle, after: from) { return true }
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, 50) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = read(master, &buffer, buffer.count)
                if n > 0 { output += String(decoding: buffer[0..<n], as: UTF8.self) } else { usleep(20_000) }
            }
        }
        return found(needle, after: from)
    }

    private func found(_ needle: String, after from: String.Index?) -> Bool {
        let text = from.map { String(output[$0...]) } ?? output
        return text.contains(needle)
    }

    var mark: String.Index { output.endIndex }

    /// Waits for exit; returns the status or nil on timeout (then kills it).
    func waitForExit(within seconds: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while Date() < deadline {
            _ = expect("\u{0}", within: 0.05)  // drain output
            if waitpid(pid, &status, WNOHANG) == pid { return (status >> 8) & 0xff }
        }
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        return nil
    }

    deinit {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == 0 { kill(pid, SIGKILL); _ = waitpid(pid, &status, 0) }
        close(master)
    }
}

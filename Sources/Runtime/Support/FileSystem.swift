import Foundation

/// Small file helpers with the error messages the CLI shows. Stateless.
public enum FileSystem {
    /// Creates a directory and its parents.
    public static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        } catch {
            throw RuntimeError.session("Cannot create the directory \(path): \(reason(error))")
        }
    }

    /// Refuses a directory that another user owns or that others may write to: swiftray keeps
    /// its token and cluster address there, so a planted file must never be trusted.
    public static func requirePrivateDirectory(_ path: String) throws {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            throw RuntimeError.session("\(path) is not a directory.")
        }
        if st.st_uid != geteuid() {
            throw RuntimeError.session("The temp dir \(path) belongs to another user (uid \(st.st_uid)); use your own --temp-dir.")
        }
        if st.st_mode & 0o022 != 0 {
            throw RuntimeError.session("The temp dir \(path) can be written by other users (mode \(String(st.st_mode & 0o777, radix: 8))); run `chmod go-w \(path)` or use another --temp-dir.")
        }
    }

    /// Writes `contents` to a fresh temporary file beside `path` (created exclusively, never
    /// through a symlink) with `mode`, then renames it over `path`, so readers never see half
    /// a file and nothing planted at the temporary name is followed.
    public static func writeAtomically(path: String, contents: String, mode: mode_t = 0o644) throws {
        let tmp = path + ".tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw RuntimeError.session("Cannot write \(path): \(String(cString: strerror(errno))).")
        }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let modeSet = fchmod(fd, mode) == 0
        close(fd)
        guard written == bytes.count, modeSet, rename(tmp, path) == 0 else {
            unlink(tmp)
            throw RuntimeError.session("Cannot write \(path): \(String(cString: strerror(errno))).")
        }
    }

    /// The file's text, or nil when it does not exist or cannot be read.
    public static func read(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// The last `lines` lines of a file (for error reports about a daemon that died).
    public static func tail(_ path: String, lines: Int) -> String {
        guard let text = read(path) else { return "" }
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines + 1)
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))) + "."
        }
        return ns.localizedDescription
    }
}

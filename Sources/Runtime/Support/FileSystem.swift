import Foundation

/// Small file helpers with the error messages the CLI shows. Stateless.
public enum FileSystem {
    /// Creates a directory and its parents.
    public static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError.session("Cannot create the directory \(path): \(reason(error))")
        }
    }

    /// Writes `contents` to a temporary file beside `path` with `mode`, then renames it over
    /// `path`, so readers never see half a file.
    public static func writeAtomically(path: String, contents: String, mode: mode_t = 0o644) throws {
        let tmp = path + ".tmp.\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw RuntimeError.session("Cannot write \(path): \(String(cString: strerror(errno))).")
        }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fchmod(fd, mode)
        close(fd)
        guard written == bytes.count, rename(tmp, path) == 0 else {
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

import Foundation

/// Where a temp dir keeps a cluster's files (see docs/ARCHITECTURE.md "Session layout").
/// Pure path arithmetic; nothing is created here.
public struct SessionPaths: Sendable, Equatable {
    /// The temp dir (`--temp-dir`, else `SWIFTRAY_TEMP_DIR`, else `/tmp/swiftray`).
    public let tempDir: String

    public init(tempDir: String) { self.tempDir = tempDir }

    /// The default temp dir for this environment.
    public static func defaultTempDir(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let dir = environment["SWIFTRAY_TEMP_DIR"], !dir.isEmpty { return dir }
        return "/tmp/swiftray"
    }

    /// `<temp-dir>/swiftray_current_cluster`: the GCS address of the running cluster.
    public var currentClusterFile: String { tempDir + "/swiftray_current_cluster" }
    /// `<temp-dir>/auth_token` (mode 0600): the cluster token.
    public var tokenFile: String { tempDir + "/auth_token" }
    /// `<temp-dir>/session_latest`: symlink to the newest session.
    public var latestLink: String { tempDir + "/session_latest" }

    /// The session folder of a given session name.
    public func sessionDir(_ name: String) -> String { tempDir + "/" + name }

    public static func logsDir(_ sessionDir: String) -> String { sessionDir + "/logs" }
    public static func pidsDir(_ sessionDir: String) -> String { sessionDir + "/pids" }
    public static func databaseDir(_ sessionDir: String) -> String { sessionDir + "/gcs" }
    public static func databasePath(_ sessionDir: String) -> String { sessionDir + "/gcs/gcs.sqlite" }

    /// `session_<YYYY-MM-DD_HH-MM-SS_ffffff>_<pid>` as Ray names sessions (local time).
    public static func sessionName(date: Date, pid: Int32) -> String {
        let total = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        var t = time_t(total / 1_000_000)
        var parts = tm()
        localtime_r(&t, &parts)
        let micros = Int(total % 1_000_000)
        return String(format: "session_%04d-%02d-%02d_%02d-%02d-%02d_%06d_%d",
                      parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec, max(0, min(999_999, micros)), pid)
    }

    /// Where a raylet keeps its object store: a directory in shared memory (`/dev/shm`, as Ray's
    /// plasma store) when there is one, else in the session directory.
    public static func objectStoreDir(sessionDir: String, sessionName: String, nodePrefix: String) -> String {
        if FileManager.default.isWritableFile(atPath: sharedMemoryDir) {
            return sharedMemoryDir + "/swiftray_" + sessionName + "_" + nodePrefix
        }
        return sessionDir + "/object_store/" + nodePrefix
    }

    static let sharedMemoryDir = "/dev/shm"

    /// Removes the shared-memory object stores of a session whose raylets are gone (a raylet
    /// removes its own when it stops gracefully; this cleans up after killed ones).
    public static func removeObjectStores(sessionName: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sharedMemoryDir)) ?? []
        for name in names where name.hasPrefix("swiftray_" + sessionName + "_") {
            try? FileManager.default.removeItem(atPath: sharedMemoryDir + "/" + name)
        }
    }
}

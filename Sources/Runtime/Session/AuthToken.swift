import Foundation

/// The cluster token: 256 random bits as 64 hex characters. `start --head` creates it in the
/// temp dir with mode 0600 unless `SWIFTRAY_AUTH_TOKEN` is set; everybody else reads the
/// environment first, then the file. The token is never logged.
public enum AuthToken {
    public static let environmentKey = "SWIFTRAY_AUTH_TOKEN"

    /// The token from the environment, else from `paths.tokenFile`, else nil.
    public static func find(paths: SessionPaths, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let token = environment[environmentKey], !token.isEmpty { return token }
        var st = stat()
        // Only a token file this user owns and nobody else can read is trusted.
        guard lstat(paths.tokenFile, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
              st.st_uid == geteuid(), st.st_mode & 0o077 == 0 else { return nil }
        guard let text = try? String(contentsOfFile: paths.tokenFile, encoding: .utf8) else { return nil }
        let token = text.trimmingWhitespace()
        return token.isEmpty ? nil : token
    }

    /// The token to start a head with: the environment's, else the temp dir's existing file,
    /// else a fresh one written to the file with mode 0600.
    public static func loadOrCreate(paths: SessionPaths, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let token = find(paths: paths, environment: environment) { return token }
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let token = bytes.map { String(format: "%02x", $0) }.joined()
        try FileSystem.writeAtomically(path: paths.tokenFile, contents: token + "\n", mode: 0o600)
        return token
    }
}

import Foundation

/// Finds the cluster a client command talks to: `--address`, then `SWIFTRAY_ADDRESS`, then
/// `<temp-dir>/swiftray_current_cluster`. Also finds the token the same way the head wrote it.
public struct ClusterAddress: Sendable, Equatable {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public var text: String { "\(host):\(port)" }

    /// Parses `HOST:PORT` (also `[v6]:PORT`).
    public static func parse(_ text: String) throws -> ClusterAddress {
        let trimmed = text.trimmingWhitespace()
        guard let colon = trimmed.lastIndex(of: ":"), colon != trimmed.startIndex else {
            throw RuntimeError.invalidArgument("The address '\(text)' is not of the form HOST:PORT, e.g. 127.0.0.1:6379.")
        }
        var host = String(trimmed[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            throw RuntimeError.invalidArgument("The address '\(text)' is not of the form HOST:PORT; write an IPv6 host in brackets, e.g. [::1]:6379.")
        }
        guard let port = Int(trimmed[trimmed.index(after: colon)...]), (1...65535).contains(port), !host.isEmpty else {
            throw RuntimeError.invalidArgument("The address '\(text)' is not of the form HOST:PORT with a port from 1 to 65535.")
        }
        return ClusterAddress(host: host, port: port)
    }

    /// Resolves the address as described above.
    public static func resolve(explicit: String?, paths: SessionPaths,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ClusterAddress {
        if let explicit, !explicit.isEmpty { return try parse(explicit) }
        if let env = environment["SWIFTRAY_ADDRESS"], !env.isEmpty { return try parse(env) }
        if let text = FileSystem.read(paths.currentClusterFile), !text.trimmingWhitespace().isEmpty {
            return try parse(text)
        }
        throw RuntimeError.unreachable(address: "a swiftray cluster",
            reason: "Could not find any running swiftray instance in temp dir '\(paths.tempDir)' (it records none). Please specify the one to connect to by setting the `--address` flag or `SWIFTRAY_ADDRESS` environment variable, or start one with `swiftray start --head`.")
    }
}

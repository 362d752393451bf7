import Foundation

/// Failures of the runtime: transport, daemons, sessions and processes. Every message is a full
/// sentence that names what went wrong and, where it helps, what to do.
public enum RuntimeError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The peer closed the connection (or it broke) while calls were pending.
    case connectionClosed(peer: String)
    /// Could not connect within the allowed time.
    case unreachable(address: String, reason: String)
    /// A call did not get an answer before its deadline.
    case timeout(method: String, seconds: Double)
    /// The peer answered the call with an error.
    case remote(code: Int, message: String)
    /// The peer refused the handshake (bad token or version).
    case handshakeRefused(String)
    /// A frame or message could not be decoded.
    case badMessage(String)
    /// A frame larger than allowed.
    case frameTooLarge(size: Int, limit: Int)
    /// Invalid user input or configuration.
    case invalidArgument(String)
    /// A session / process management failure.
    case session(String)
    /// Anything else, already phrased for the user.
    case failed(String)

    public var description: String {
        switch self {
        case let .connectionClosed(peer): return "The connection to \(peer) was closed."
        case let .unreachable(address, reason): return "Could not connect to \(address): \(reason)"
        case let .timeout(method, seconds):
            return "The call \(method) got no answer within \(PythonSeconds.text(seconds)) seconds."
        case let .remote(_, message): return message
        case let .handshakeRefused(message): return message
        case let .badMessage(message): return message
        case let .frameTooLarge(size, limit):
            return "A frame of \(size) bytes exceeds the limit of \(limit) bytes."
        case let .invalidArgument(message): return message
        case let .session(message): return message
        case let .failed(message): return message
        }
    }
}

/// Formats a number of seconds without float noise (`5`, `0.5`).
enum PythonSeconds {
    static func text(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(format: "%g", s)
    }
}

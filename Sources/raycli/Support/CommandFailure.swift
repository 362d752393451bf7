import ArgumentParser
import Foundation

/// Prints an error as one clear message on stderr and exits with status 1 (ArgumentParser's
/// own usage errors keep their status 64).
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    init(_ error: any Error) { self.message = "\(error)" }
    var description: String { message }
}

enum Console {
    /// Writes to stderr without buffering.
    static func error(_ text: String) {
        FileHandle.standardError.write((text.hasSuffix("\n") ? text : text + "\n").data(using: .utf8)!)
    }

    /// Reports `error` and returns the exit code to use.
    static func fail(_ error: any Error) -> ExitCode {
        Console.error("Error: \(error)")
        return ExitCode.failure
    }
}

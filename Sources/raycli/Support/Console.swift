import ArgumentParser
import Foundation

/// Error output of the CLI: one clear message per failure on stderr.
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

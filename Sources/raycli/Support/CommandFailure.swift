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

import Foundation

/// Runs a command to completion and captures its output (used by the benchmark).
enum ChildProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Wall time in seconds of one successful run.
    static func timed(_ executable: String, _ arguments: [String]) throws -> Double {
        let t0 = ContinuousClock.now
        let outcome = try run(executable, arguments)
        guard outcome.status == 0 else {
            throw CommandFailure("`swiftray \(arguments.joined(separator: " "))` failed: \(outcome.stderr)")
        }
        return (ContinuousClock.now - t0).seconds
    }
}

extension Duration {
    /// The duration in seconds as a double.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

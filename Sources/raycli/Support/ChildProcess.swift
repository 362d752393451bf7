import Foundation
import Runtime

/// Runs swiftray sub-commands for the benchmark and times them.
enum ChildProcess {
    static func run(_ executable: String, _ arguments: [String]) throws -> CommandRunner.Outcome {
        try CommandRunner.run(executable, arguments)
    }

    /// Wall time in seconds of one successful run.
    static func timed(_ executable: String, _ arguments: [String]) throws -> Double {
        let t0 = ContinuousClock.now
        let outcome = try CommandRunner.run(executable, arguments)
        guard outcome.status == 0 else {
            throw CommandFailure("`swiftray \(arguments.joined(separator: " "))` failed: \(outcome.stderr)")
        }
        return (ContinuousClock.now - t0).seconds
    }
}

import Foundation
import Runtime
import UnixSignals

/// `start --block`: stays in the foreground until SIGINT/SIGTERM or until one of the started
/// daemons exits, then stops exactly the daemons this command started.
enum BlockingWait {
    /// Returns true when every daemon ended normally (signal or request), false when one died.
    static func run(pids: [Int32], sessionDir: String) async -> Bool {
        let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        let reason: String = await withTaskGroup(of: String?.self) { group in
            group.addTask {
                for await signal in signals { return "Received \(signal); stopping the swiftray processes." }
                return nil
            }
            group.addTask {
                while !Task.isCancelled {
                    for pid in pids {
                        var status: Int32 = 0
                        if waitpid(pid, &status, WNOHANG) == pid {
                            let signal = status & 0x7f
                            if signal == SIGTERM { return "A swiftray process (pid \(pid)) was stopped with SIGTERM; stopping the others." }
                            return "ERROR: A swiftray process (pid \(pid)) exited unexpectedly (\(signal != 0 ? "signal \(signal)" : "status \((status >> 8) & 0xff)")); stopping the others."
                        }
                    }
                    try? await Task.sleep(for: .milliseconds(200))
                }
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? "Stopping the swiftray processes."
        }
        Console.error(reason)
        let processes = SessionProcesses(sessionDir: sessionDir)
        let (found, stopped) = processes.stopAll(grace: .seconds(5), force: false, only: Set(pids))
        for pid in pids { var status: Int32 = 0; _ = waitpid(pid, &status, WNOHANG) }
        print("Stopped \(stopped) of \(found) swiftray processes.")
        return !reason.hasPrefix("ERROR")
    }
}

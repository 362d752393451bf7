import ArgumentParser
import Foundation
import Runtime

/// `swiftray stop`: stops exactly the processes this temp dir's session recorded.
struct StopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop",
        abstract: "Stop the swiftray processes of this temp dir's session (raylets first, then the GCS).",
        discussion: "Only processes recorded in <temp-dir>/session_latest/pids are touched; other sessions and temp dirs are left alone.")

    @OptionGroup var temp: TempDirOption

    @Flag(name: [.customShort("f"), .long], help: "Send SIGKILL at once instead of SIGTERM.")
    var force = false

    @Option(name: [.customShort("g"), .customLong("grace-period")],
            help: "Seconds to wait after SIGTERM before SIGKILL, per group of processes.")
    var gracePeriod: Int = 10

    func validate() throws {
        if gracePeriod < 0 { throw ValidationError("`--grace-period` must be at least 0 seconds, got \(gracePeriod).") }
    }

    func run() throws {
        let paths = temp.paths
        guard let session = try? FileManager.default.destinationOfSymbolicLink(atPath: paths.latestLink) else {
            print("Did not find any active swiftray processes.")
            return
        }
        let processes = SessionProcesses(sessionDir: session)
        let (found, stopped) = processes.stopAll(grace: .seconds(gracePeriod), force: force)
        if found == 0 {
            print("Did not find any active swiftray processes.")
        } else if stopped == found {
            print("Stopped all \(found) swiftray processes.")
        } else {
            Console.error("Stopped only \(stopped) out of \(found) swiftray processes; the rest could not be killed (see `ps` for the pids in \(session)/pids).")
            throw ExitCode.failure
        }
        if processes.all().allSatisfy({ !$0.pid.isRunning }) {
            unlink(paths.currentClusterFile)
            SessionPaths.removeObjectStores(sessionName: (session as NSString).lastPathComponent)
        }
    }
}

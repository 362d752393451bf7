import Foundation
import Runtime

/// The text `swiftray start` prints once its processes are ready, in the layout of Ray's
/// interactive ("pretty") banner. Commands name `--temp-dir` when it is not the default.
enum StartBanner {
    static func text(started: StartedCluster, isHead: Bool, tempDir: String, block: Bool) -> String {
        let tempFlag = tempDir == SessionPaths.defaultTempDir() ? "" : " --temp-dir \(tempDir)"
        if let raylets = started.restartedGcsRaylets {
            return """
            Restarted the GCS of session \((started.sessionDir as NSString).lastPathComponent) at \(started.gcsAddress) (pid \(started.pids.first ?? 0)).
            It reloaded its nodes, jobs, actors, placement groups and key-value store from SQLite; the \(raylets) running raylet(s) register again and re-report what they hold.
            To view the status of the cluster, use
              swiftray status\(tempFlag)

            """
        }
        let title = "swiftray runtime started."
        let rule = String(repeating: "-", count: title.count)
        var lines = ["Local node IP: \(started.nodeIP)", "", rule, title, rule, ""]
        if isHead {
            lines += [
                "Next steps",
                "  Note: The following commands are intended for use on",
                "  the head node or within the cluster network.",
                "  ",
                "  To add another node to this swiftray cluster, run",
                "    swiftray start --address='\(started.gcsAddress)'\(tempFlag)",
                "  ",
                "  To connect to this swiftray cluster:",
                "    swiftray repl --address='\(started.gcsAddress)'",
                "    (then: import ray; ray.init())",
                "  ",
                "  To terminate the swiftray runtime, run",
                "    swiftray stop\(tempFlag)",
                "  ",
                "  To view the status of the cluster, use",
                "    swiftray status\(tempFlag)",
            ]
        } else {
            lines += ["To terminate the swiftray runtime, run", "  swiftray stop\(tempFlag)"]
        }
        if block {
            lines += [
                "", "--block",
                "  This command will now block forever until terminated by a signal.",
                "  Running subprocesses are monitored and a message will be printed if any of them terminate unexpectedly. Subprocesses exit with SIGTERM will be treated as graceful, thus NOT reported.",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

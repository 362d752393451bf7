import ArgumentParser
import CReadline
import ClusterState
import Foundation
import Runtime
import Script

/// `swiftray run FILE [args…]`: runs a driver script written in swiftray's Python subset.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a driver script (a Python subset with the `ray` module) against the cluster.",
        discussion: """
        The script connects on `ray.init()` or on its first cluster call, which registers a job \
        (see `swiftray list jobs`). Exit status 0 when the script finishes, 1 with a traceback \
        on stderr when it raises; the job ends SUCCEEDED or FAILED accordingly.
        """)

    @Argument(help: "The script to run.")
    var file: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script (sys.argv[1:]).")
    var scriptArguments: [String] = []

    @OptionGroup var cluster: ClusterOptions

    func run() throws {
        let source: String
        do {
            source = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory)
            let reason = !exists ? "[Errno 2] No such file or directory"
                : isDirectory.boolValue ? "[Errno 21] Is a directory"
                : !FileManager.default.isReadableFile(atPath: file) ? "[Errno 13] Permission denied"
                : "it is not readable UTF-8 text"
            Console.error("swiftray run: can't open file '\(file)': \(reason)")
            throw ExitCode(2)
        }
        InterruptSignal.install()
        let host = ConsoleHost(arguments: [file] + scriptArguments)
        let bridge = DriverBridge(paths: cluster.temp.paths, address: cluster.address,
                                  entrypoint: (["swiftray", "run", file] + scriptArguments).joined(separator: " "))
        let interpreter = Interpreter(host: host, bridge: bridge)
        let status = interpreter.run(source: source, filename: file)
        DriverEnding.finish(bridge: bridge, status: status, lastErrorLine: host.lastErrorLine)
        if status != 0 { throw ExitCode(status) }
    }
}

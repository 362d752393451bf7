import ArgumentParser
import CReadline
import Foundation
import Runtime
import Script

/// `swiftray repl`: an interactive driver. On a terminal: `>>> ` / `... ` prompts, GNU readline
/// editing, history in ~/.swiftray_history, tab completion of names and attributes, Ctrl-C
/// cancels the line or interrupts the running statement, Ctrl-D exits. With stdin not a
/// terminal it reads the whole program from stdin and runs it (no prompts, no echo).
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Start an interactive driver (a Python subset with the `ray` module).")

    @OptionGroup var cluster: ClusterOptions

    func run() throws {
        InterruptSignal.install()
        let host = ConsoleHost(arguments: [""])
        let bridge = DriverBridge(paths: cluster.temp.paths, address: cluster.address, entrypoint: "swiftray repl")
        let interpreter = Interpreter(host: host, bridge: bridge)
        if isatty(STDIN_FILENO) == 0 {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let status = interpreter.run(source: String(decoding: data, as: UTF8.self), filename: "<stdin>")
            DriverEnding.finish(bridge: bridge, status: status, lastErrorLine: host.lastErrorLine)
            if status != 0 { throw ExitCode(status) }
            return
        }
        let status = InteractiveLoop(interpreter: interpreter).run()
        DriverEnding.finish(bridge: bridge, status: status, lastErrorLine: "")
        if status != 0 { throw ExitCode(status) }
    }
}

import CReadline
import Foundation
import Script

/// The terminal REPL loop over GNU readline. Owns the readline state for its lifetime.
struct InteractiveLoop {
    let interpreter: Interpreter

    static var historyPath: String {
        (ProcessInfo.processInfo.environment["HOME"] ?? NSTemporaryDirectory()) + "/.swiftray_history"
    }

    /// Runs until Ctrl-D or `exit()`; returns the exit status.
    func run() -> Int32 {
        swiftray_readline_setup()
        swiftray_stifle_history(1000)
        _ = swiftray_read_history(Self.historyPath)
        Completion.interpreter = interpreter
        swiftray_set_completion_generator(Completion.generate)
        print("swiftray \(SwiftrayVersion.text) driver (a Python subset with the ray module). Ctrl-D exits.")
        var buffer: [String] = []
        defer { _ = swiftray_write_history(Self.historyPath) }
        while true {
            InterruptSignal.setAtPrompt(true)
            let read = swiftray_readline(buffer.isEmpty ? ">>> " : "... ")
            InterruptSignal.setAtPrompt(false)
            guard let raw = read else {
                print("")
                return 0
            }
            let line = String(cString: raw)
            free(raw)
            if InterruptSignal.take() { buffer.removeAll() }  // Ctrl-C abandoned the block
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { swiftray_add_history(line) }
            if buffer.isEmpty && line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            buffer.append(line)
            let source = buffer.joined(separator: "\n")
            let complete = interpreter.isComplete(source: source)
            // A single complete line runs at once; a block runs after an empty line (as Python).
            guard complete && (buffer.count == 1 || line.trimmingCharacters(in: .whitespaces).isEmpty) else { continue }
            buffer.removeAll()
            _ = InterruptSignal.take()
            interpreter.evalInteractive(source: source)
            if let code = interpreter.exitRequested { return code }
        }
    }
}

/// Bridges readline's C completion callback to the interpreter. Touched only from the REPL
/// thread (readline calls back synchronously from `readline()`).
enum Completion {
    nonisolated(unsafe) static var interpreter: Interpreter?
    nonisolated(unsafe) static var candidates: [String] = []

    static let generate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { text, state in
        if state == 0 {
            let prefix = text.map { String(cString: $0) } ?? ""
            candidates = interpreter?.completions(prefix: prefix) ?? []
        }
        let index = Int(state)
        guard index < candidates.count else { return nil }
        return strdup(candidates[index])
    }
}

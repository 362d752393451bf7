import Script
import Testing

/// A bridge for tests: a fake one-node cluster, recording what the script asked for.
final class FakeBridge: ClusterBridge {
    var connects: [ConnectOptions] = []
    var shutdowns = 0
    var fail: BridgeError?

    func connect(_ options: ConnectOptions) throws -> JobConnection {
        if let fail { throw fail }
        connects.append(options)
        return JobConnection(jobID: "01000000", namespace: options.namespace ?? "ns-1", nodeID: "ab12", address: "127.0.0.1:6379")
    }
    func shutdown() throws { shutdowns += 1 }
    func clusterResources() throws -> [ScriptDataEntry] {
        [ScriptDataEntry(.string("CPU"), .float(4)), ScriptDataEntry(.string("memory"), .float(1e9))]
    }
    func availableResources() throws -> [ScriptDataEntry] { [ScriptDataEntry(.string("CPU"), .float(3))] }
    func nodes() throws -> [ScriptData] {
        [.dict([ScriptDataEntry(.string("NodeID"), .string("ab12")), ScriptDataEntry(.string("Alive"), .bool(true))])]
    }
}

/// Runs a program and returns what it printed.
struct RunResult {
    var stdout: String
    var stderr: String
    var status: Int32
}

func runScript(_ source: String, bridge: FakeBridge = FakeBridge(), host: RecordingHost = RecordingHost()) -> RunResult {
    let interp = Interpreter(host: host, bridge: bridge)
    let status = interp.run(source: source, filename: "script.py")
    return RunResult(stdout: host.stdout, stderr: host.stderr, status: status)
}

/// The last line of stderr (the `Type: message` line of a traceback).
func lastErrorLine(_ r: RunResult) -> String {
    r.stderr.split(separator: "\n").last.map(String.init) ?? ""
}

/// A snippet with the stdout and final error line CPython produced for it.
struct ConformanceCase: CustomTestStringConvertible, Sendable {
    let source: String
    let stdout: String
    let error: String

    init(_ source: String, _ stdout: String, _ error: String) {
        self.source = source
        self.stdout = stdout
        self.error = error
    }

    var testDescription: String { String(source.prefix(60)) }

    func check() {
        let r = runScript(source)
        #expect(r.stdout == stdout, "source:\n\(source)")
        if error.isEmpty {
            #expect(r.stderr == "", "source:\n\(source)")
        } else {
            #expect(lastErrorLine(r) == error, "source:\n\(source)\nstderr:\n\(r.stderr)")
        }
    }
}

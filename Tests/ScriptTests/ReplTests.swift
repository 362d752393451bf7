import Testing
import Script

/// The REPL entry points: completeness, interactive echo, completion.
@Suite struct ReplTests {
    func interpreter() -> (Interpreter, RecordingHost) {
        let host = RecordingHost()
        return (Interpreter(host: host, bridge: FakeBridge()), host)
    }

    @Test(arguments: [
        ("x = 1", true),
        ("x = (1,", false),
        ("def f():", false),
        ("def f():\n    return 1", false),
        ("def f():\n    return 1\n", true),
        ("s = '''abc", false),
        ("x = [1,\n 2]", true),
        ("if x:\n    pass\nelse:", false),
        ("x = 1 +* 2", true),
        ("print('a')", true),
        ("for i in range(3):\n    print(i)\n", true),
        ("x = 1 + \\", false),
        ("@ray.remote", false),
    ])
    func completeness(_ source: String, _ complete: Bool) {
        let (i, _) = interpreter()
        #expect(i.isComplete(source: source) == complete, "\(source)")
    }

    @Test func echoesReprOfExpressions() {
        let (i, host) = interpreter()
        #expect(i.evalInteractive(source: "1 + 2"))
        #expect(i.evalInteractive(source: "'a'"))
        #expect(i.evalInteractive(source: "None"))
        #expect(i.evalInteractive(source: "x = [1, 2]"))
        #expect(i.evalInteractive(source: "x"))
        #expect(i.evalInteractive(source: "print('hi')"))
        #expect(i.evalInteractive(source: "{'CPU': 1.0}"))
        #expect(host.stdout == "3\n'a'\n[1, 2]\nhi\n{'CPU': 1.0}\n")
    }

    @Test func stateSurvivesBetweenInputs() {
        let (i, host) = interpreter()
        i.evalInteractive(source: "def f(n):\n    return n * 2\n")
        i.evalInteractive(source: "f(21)")
        #expect(host.stdout == "42\n")
    }

    @Test func errorsPrintTracebackAndKeepGoing() {
        let (i, host) = interpreter()
        #expect(!i.evalInteractive(source: "undefined"))
        #expect(host.stderr == "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n    undefined\nNameError: name 'undefined' is not defined\n")
        host.reset()
        #expect(!i.evalInteractive(source: "x = (1 +* 2)"))
        #expect(host.stderr.hasSuffix("SyntaxError: invalid syntax\n"))
        host.reset()
        #expect(i.evalInteractive(source: "1"))
        #expect(host.stdout == "1\n")
    }

    @Test func sysExitInRepl() {
        let (i, _) = interpreter()
        i.evalInteractive(source: "import sys")
        i.evalInteractive(source: "sys.exit(4)")
        #expect(i.exitRequested == 4)
    }

    @Test func completesNamesAndAttributes() {
        let (i, _) = interpreter()
        i.evalInteractive(source: "import ray\nmy_value = 1\n")
        #expect(i.completions(prefix: "my_").contains("my_value"))
        #expect(i.completions(prefix: "pri") == ["print"])
        #expect(i.completions(prefix: "ray.ini") == ["ray.init"])
        #expect(i.completions(prefix: "ray.util.placement_group_t") == ["ray.util.placement_group_table"])
        #expect(i.completions(prefix: "nosuch.x").isEmpty)
        i.evalInteractive(source: "s = 'abc'")
        #expect(i.completions(prefix: "s.up") == ["s.upper"])
    }
}

@Suite struct InteractiveEchoTests {
    @Test func echoesInsideCompoundStatementsLikeCPython() {
        let host = RecordingHost()
        let i = Interpreter(host: host, bridge: FakeBridge())
        i.evalInteractive(source: "for k in range(3):\n    k\n\n")
        i.evalInteractive(source: "def f():\n    5\n\n")
        i.evalInteractive(source: "f()")
        #expect(host.stdout == "0\n1\n2\n")
    }
}

/// A host whose interrupt flag is raised after a number of polls (Ctrl-C).
final class InterruptingHost: ScriptHost {
    var output = ""
    var polls = 0
    let interruptAfter: Int
    init(interruptAfter: Int) { self.interruptAfter = interruptAfter }
    func write(_ text: String, to stream: ScriptStream) { output += text }
    func monotonicSeconds() -> Double { 0 }
    func wallClockSeconds() -> Double { 0 }
    func sleep(seconds: Double) {}
    var processID: Int { 1 }
    var environment: [String: String] { [:] }
    var arguments: [String] { [] }
    func pollInterrupt() -> Bool {
        polls += 1
        return polls > interruptAfter
    }
}

@Suite struct InterruptTests {
    @Test func ctrlCStopsAnInfiniteLoop() {
        let host = InterruptingHost(interruptAfter: 3)
        let i = Interpreter(host: host, bridge: FakeBridge())
        let status = i.run(source: "n = 0\nwhile True:\n    n += 1\n", filename: "loop.py")
        #expect(status == 1)
        #expect(host.output.hasSuffix("KeyboardInterrupt\n"))
        #expect(host.output.hasPrefix("Traceback (most recent call last):\n  File \"loop.py\", line "))
    }

    @Test func ctrlCCanBeCaught() {
        let host = InterruptingHost(interruptAfter: 0)
        let i = Interpreter(host: host, bridge: FakeBridge())
        let status = i.run(source: "import time\ntry:\n    time.sleep(10)\nexcept KeyboardInterrupt:\n    print('interrupted')\n", filename: "s.py")
        #expect(status == 0)
        #expect(host.output == "interrupted\n")
    }
}

import ArgumentParser
import Testing
@testable import raycli

@Suite("Fast command line")
struct FastCommandLineTests {
    /// What ArgumentParser makes of `arguments`, in the fast path's terms.
    private func parsedByArgumentParser(_ arguments: [String]) throws -> FastCommand? {
        do {
            switch try Swiftray.parseAsRoot(arguments) {
            case let command as StatusCommand: return .status(command.invocation)
            case let command as ListCommand: return .list(command.invocation)
            default: return nil
            }
        } catch {
            if Swiftray.message(for: error) == SwiftrayVersion.text { return .version }
            throw error
        }
    }

    static let everyday: [[String]] = [
        ["--version"],
        ["status"],
        ["status", "--temp-dir", "/tmp/x"],
        ["status", "-v"],
        ["status", "--verbose", "--address", "192.0.2.1:6379"],
        ["status", "--address=h:1", "--temp-dir=/t", "-v"],
        ["list", "nodes"],
        ["list", "--detail", "actors"],
        ["list", "tasks", "--format", "json", "-f", "state=RUNNING", "--filter", "name!=x", "--limit", "5"],
        ["list", "placement-groups", "--temp-dir", "/t", "--address", "127.0.0.1:1", "--filter=state=CREATED"],
        ["list", "jobs", "--limit", "-1"],
        ["list", "jobs", "--limit=+7"],
        ["list", "no-such-resource"],
        ["list", ""],
        ["status", "--temp-dir", ""],
        ["list", "actors", "--limit", "-5", "--detail", "--format=yaml"],
        ["list", "nodes", "--format", "bogus"],
    ]

    @Test("everyday status/list/--version lines skip ArgumentParser and mean exactly what ArgumentParser makes of them",
          arguments: everyday)
    func sameMeaning(_ arguments: [String]) throws {
        let fast = try #require(FastCommandLine.parse(arguments))
        #expect(try parsedByArgumentParser(arguments) == fast)
    }

    @Test("help, typos, missing or dashed values, repeats, combined flags and `--` are left to ArgumentParser",
          arguments: [
              [], ["start", "--head"], ["--version", "x"], ["--help"], ["status", "--help"], ["status", "-h"],
              ["help", "status"], ["status", "extra"], ["status", "-v", "-v"], ["status", "--verbose=true"],
              ["status", "--address"], ["status", "--address="], ["status", "--address", "-v"], ["status", "--adress", "h:1"],
              ["status", "--temp-dir", "a", "--temp-dir", "b"], ["list"], ["list", "a", "b"],
              ["list", "nodes", "--limit", "x"], ["list", "nodes", "--limit"], ["list", "nodes", "--format", "json", "--format", "yaml"],
              ["list", "nodes", "--"], ["list", "-", "nodes"], ["list", "nodes", "-vf"], ["list", "nodes", "--detail=true"],
              ["list", "nodes", "-f=x=y"], ["list", "nodes", "--generate-completion-script", "bash"],
          ] as [[String]])
    func leftToArgumentParser(_ arguments: [String]) {
        #expect(FastCommandLine.parse(arguments) == nil)
    }
}

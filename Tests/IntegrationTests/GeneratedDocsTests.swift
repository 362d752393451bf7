import Foundation
import Testing

/// The committed man page and shell completions must match the command tree of the built
/// binary. Regenerate both with `Scripts/generate-docs.sh`.
@Suite("Generated docs")
struct GeneratedDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test("completion scripts are up to date", arguments: [("bash", "swiftray.bash"), ("zsh", "_swiftray"), ("fish", "swiftray.fish")])
    func completions(shell: String, file: String) throws {
        try withCluster { c in
            let generated = try c.run(["--generate-completion-script", shell])
            #expect(generated.status == 0)
            let committed = try String(contentsOfFile: Self.root + "/completions/" + file, encoding: .utf8)
            #expect(generated.stdout == committed, "completions/\(file) is stale: run Scripts/generate-docs.sh")
        }
    }

    @Test("man page matches the command tree it was generated from")
    func manPage() throws {
        try withCluster { c in
            let dump = try c.run(["--experimental-dump-help"])
            #expect(dump.status == 0)
            let file = c.tempDir + "/dump-help.json"
            try dump.stdout.write(toFile: file, atomically: true, encoding: .utf8)
            let sum = try c.execute("/usr/bin/sha256sum", [file], environment: [:])
            let hash = String(sum.stdout.prefix(64))
            let recorded = try String(contentsOfFile: Self.root + "/man/swiftray.1.sha256", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(hash == recorded, "man/swiftray.1 is stale: run Scripts/generate-docs.sh")
            let man = try String(contentsOfFile: Self.root + "/man/swiftray.1", encoding: .utf8)
            #expect(man.contains(".Nm swiftray"))
            for command in ["start", "stop", "status", "list", "run", "repl", "get-auth-token", "microbenchmark"] {
                #expect(man.contains(".It Em \(command)"), "man page lacks \(command)")
            }
        }
    }
}

import Foundation
import Testing
import Script

/// The Python snippets of the seed documents (copied into Tests/Fixtures/script-seeds).
@Suite struct SeedSnippetTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/script-seeds")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".py") }.sorted()
    }

    static func source(_ name: String) -> String {
        (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    @Test func fixturesArePresent() {
        #expect(Self.files.count >= 40)
    }

    @Test(arguments: files)
    func everySeedSnippetParses(_ name: String) {
        let info = Interpreter.syntaxError(in: Self.source(name), filename: name)
        #expect(info == nil, "\(info?.rendered ?? "")")
    }

    /// Running a seed never crashes: it finishes, or stops with a Python exception
    /// (NotImplementedError for remote calls, NameError for snippet fragments, ModuleNotFoundError for numpy).
    @Test(arguments: files)
    func everySeedSnippetRunsOrRaisesCleanly(_ name: String) {
        let r = runScript(Self.source(name))
        if r.status != 0 {
            let last = lastErrorLine(r)
            let allowed = ["NotImplementedError", "NameError", "ModuleNotFoundError", "AttributeError"]
            #expect(allowed.contains { last.hasPrefix($0) }, "\(name): \(r.stderr)")
            #expect(r.stderr.hasPrefix("Traceback (most recent call last):\n"))
        }
    }

    @Test func asyncWrapperSeedRunsVerbatim() {
        let src = """
        import asyncio

        async def f():
            pass

        @ray.remote
        def wrapper():
            import asyncio
            asyncio.run(f())
        """
        let r = runScript("import ray\n" + src + "\nprint('defined', type(wrapper).__name__)\n")
        #expect(r.stderr == "")
        #expect(r.stdout == "defined RemoteFunction\n")
    }

    @Test func remoteCallRaisesNotImplementedNamingTheFeature() {
        let r = runScript("import ray\n@ray.remote(num_cpus=4, num_gpus=2)\ndef my_function():\n    return 1\n\nmy_function.options(num_cpus=3).remote()\n")
        #expect(r.status == 1)
        #expect(lastErrorLine(r) == "NotImplementedError: remote tasks is not supported by swiftray yet")
    }
}

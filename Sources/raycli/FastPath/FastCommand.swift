/// A command `FastCommandLine` recognised and fully parsed: running it is the same as running
/// what ArgumentParser would have built from the same command line.
enum FastCommand: Sendable, Equatable {
    case version
    case status(StatusInvocation)
    case list(ListInvocation)

    /// Runs the command; a thrown error is handled like ArgumentParser's `exit(withError:)`.
    func run() async throws {
        switch self {
        case .version: print(SwiftrayVersion.text)
        case .status(let invocation): try await invocation.run()
        case .list(let invocation): try await invocation.run()
        }
    }
}

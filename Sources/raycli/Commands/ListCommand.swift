import ArgumentParser

/// `swiftray list <resource>`: tables, YAML and JSON in the layouts of `ray list`.
/// (`FastCommandLine` runs the common forms without ArgumentParser; both end in `ListInvocation`.)
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List cluster resources (actors, nodes, jobs, …) as a table, YAML or JSON.",
        discussion: "Resources: \(ListResource.allCases.map(\.cliName).joined(separator: ", ")).")

    @Argument(help: "What to list: \(ListResource.allCases.map(\.cliName).joined(separator: "|")).")
    var resource: String

    @Flag(help: "Show every column (YAML unless --format says otherwise).")
    var detail = false

    @Option(help: "Output format: default, table, json or yaml.")
    var format: String = "default"

    @Option(name: [.customShort("f"), .long], help: "Filter rows: KEY=VALUE or KEY!=VALUE (repeatable, ANDed).")
    var filter: [String] = []

    // Unconditional, so `--limit -1` reaches the range check instead of reading as a flag.
    @Option(parsing: .unconditional, help: "At most this many rows (1 to 10000).")
    var limit: Int = 100

    @OptionGroup var cluster: ClusterOptions

    /// What the parsed arguments ask for.
    var invocation: ListInvocation {
        ListInvocation(resource: resource, detail: detail, format: format, filters: filter, limit: limit,
                       cluster: cluster.target)
    }

    func run() async throws {
        try await invocation.run()
    }
}

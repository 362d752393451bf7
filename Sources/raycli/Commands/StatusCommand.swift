import ArgumentParser

/// `swiftray status`: the cluster's nodes, resource usage and pending demands, read live from
/// the GCS at the time of the call. (`FastCommandLine` runs the common forms without
/// ArgumentParser; both end in `StatusInvocation`.)
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the cluster's nodes, resource usage and pending demands (live).")

    @OptionGroup var cluster: ClusterOptions

    @Flag(name: [.customShort("v"), .long], help: "Also show per-node usage and the GCS request time.")
    var verbose = false

    /// What the parsed arguments ask for.
    var invocation: StatusInvocation { StatusInvocation(cluster: cluster.target, verbose: verbose) }

    func run() async throws {
        try await invocation.run()
    }
}

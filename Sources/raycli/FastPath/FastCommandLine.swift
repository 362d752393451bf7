/// Parses the everyday forms of `swiftray status`, `swiftray list …` and `swiftray --version`
/// without ArgumentParser. ArgumentParser walks the whole command tree with `Mirror` and dynamic
/// casts on every run; each first cast scans every protocol conformance of the binary, which
/// costs more CPU than the status call itself.
///
/// Guarantee: it returns a command only for command lines ArgumentParser accepts with the same
/// meaning. Anything else — help, a typo, a missing value, an option given twice, combined
/// short flags, `--`, a value that is not a number — returns nil, and ArgumentParser parses the
/// line and prints its own message. Values are still checked by the command (`ListRequest`).
enum FastCommandLine {
    /// One option of a command: its spellings, whether it takes a value, and how.
    private struct Spec {
        var key: String
        var names: [String]
        var takesValue: Bool
        var repeatable = false
        /// Like ArgumentParser's `.unconditional`: the next word is the value even if it starts with `-`.
        var unconditional = false
    }

    private static let cluster = [
        Spec(key: "address", names: ["--address"], takesValue: true),
        Spec(key: "temp-dir", names: ["--temp-dir"], takesValue: true),
    ]
    private static let status = cluster + [Spec(key: "verbose", names: ["-v", "--verbose"], takesValue: false)]
    private static let list = cluster + [
        Spec(key: "detail", names: ["--detail"], takesValue: false),
        Spec(key: "format", names: ["--format"], takesValue: true),
        Spec(key: "filter", names: ["-f", "--filter"], takesValue: true, repeatable: true),
        Spec(key: "limit", names: ["--limit"], takesValue: true, unconditional: true),
    ]

    /// `arguments` excludes the program name.
    static func parse(_ arguments: [String]) -> FastCommand? {
        guard let first = arguments.first else { return nil }
        let rest = arguments.dropFirst()
        switch first {
        case "--version":
            return rest.isEmpty ? .version : nil
        case "status":
            guard let scan = scan(rest, specs: status), scan.positionals.isEmpty else { return nil }
            return .status(StatusInvocation(cluster: scan.cluster, verbose: scan.flags.contains("verbose")))
        case "list":
            guard let scan = scan(rest, specs: list), scan.positionals.count == 1 else { return nil }
            var limit = 100
            if let text = scan.values["limit"]?.first {
                guard let number = Int(text) else { return nil }
                limit = number
            }
            return .list(ListInvocation(resource: scan.positionals[0], detail: scan.flags.contains("detail"),
                                        format: scan.values["format"]?.first ?? "default",
                                        filters: scan.values["filter"] ?? [], limit: limit, cluster: scan.cluster))
        default:
            return nil
        }
    }

    /// What a command line said, option by option.
    private struct Scan {
        var values: [String: [String]] = [:]
        var flags: Set<String> = []
        var positionals: [String] = []

        var cluster: ClusterTarget {
            ClusterTarget(address: values["address"]?.first, tempDir: values["temp-dir"]?.first)
        }
    }

    private static func scan(_ words: ArraySlice<String>, specs: [Spec]) -> Scan? {
        var result = Scan()
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            index += 1
            guard word.hasPrefix("-") else {
                result.positionals.append(word)
                continue
            }
            let name: Substring, inline: Substring?
            if word.hasPrefix("--"), let eq = word.firstIndex(of: "=") {
                name = word[..<eq]
                inline = word[word.index(after: eq)...]
            } else {
                name = word[...]
                inline = nil
            }
            guard let spec = specs.first(where: { $0.names.contains(String(name)) }) else { return nil }
            guard spec.takesValue else {
                guard inline == nil, result.flags.insert(spec.key).inserted else { return nil }
                continue
            }
            let value: String
            if let inline {
                guard !inline.isEmpty else { return nil }  // ArgumentParser: a missing value
                value = String(inline)
            } else {
                guard index < words.endIndex else { return nil }
                value = words[index]
                index += 1
                if !spec.unconditional && value.hasPrefix("-") { return nil }
            }
            if result.values[spec.key] != nil && !spec.repeatable { return nil }
            result.values[spec.key, default: []].append(value)
        }
        return result
    }
}

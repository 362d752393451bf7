/// `ray list --format`: `default | json | yaml | table`.
///
/// Guarantees: `default` and `table` print the same `List:` table block; `default` with
/// `--detail` becomes `yaml` (`effective(detail:)`); parsing rejects anything else with Ray's
/// click message.
public enum ListFormat: String, Sendable, CaseIterable {
    case `default`
    case json
    case yaml
    case table

    public init(cliName: String) throws(OutputError) {
        guard let f = ListFormat(rawValue: cliName) else {
            throw .unknownFormat(name: cliName, choices: ListFormat.allCases.map(\.rawValue))
        }
        self = f
    }

    /// The format actually printed: `--detail` turns `default` into `yaml`.
    public func effective(detail: Bool) -> ListFormat {
        detail && self == .default ? .yaml : self
    }
}

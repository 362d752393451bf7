/// Every failure of the output layer (bad `--filter`, `--limit`, `--format`, resource name).
///
/// Guarantees: `description` is one full sentence (or Ray's exact text) meant to be printed after
/// `Error: ` on stderr; `exitCode` is the status the CLI should exit with (2 for usage errors,
/// as Ray's click front end does; 1 where Ray raised an uncaught exception).
public enum OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--filter` text with neither `=` nor `!=`.
    case filterWithoutPredicate(filter: String)
    /// `--filter` with an empty key or value (`=x`, `key=`).
    case filterEmptyKeyOrValue(filter: String, key: String, value: String)
    /// A key that is no column of the resource.
    case invalidFilterKey(key: String, resource: String, available: [String])
    /// A real column that cannot be filtered on.
    case unsupportedFilterColumn(column: String, supported: [String])
    /// A filter value that does not convert to the column's type (`int`, `bool`).
    case filterValueConversion(value: String, type: String)
    /// `--limit` above the server maximum.
    case limitTooLarge(limit: Int, max: Int)
    /// `--limit` of zero or less.
    case limitNotPositive(limit: Int)
    /// A resource name `list` does not know.
    case unknownResource(name: String, choices: [String])
    /// A resource `list` knows but this build cannot list yet.
    case unsupportedResource(name: String)
    /// An unknown `--format`.
    case unknownFormat(name: String, choices: [String])

    public var description: String {
        switch self {
        case let .filterWithoutPredicate(filter):
            return "The format of a given filter \(filter) is invalid: Cannot find the predicate. "
                + "Please provide key=val or key!=val format string."
        case let .filterEmptyKeyOrValue(filter, key, value):
            return "The format of a given filter \(filter) is invalid: Cannot identify key \(key) "
                + "or value, \(value). Please provide key=val or key!=val format string."
        case let .invalidFilterKey(key, resource, available):
            return "Invalid value: Invalid filter key '\(key)' for resource '\(resource)'. "
                + "Available filter keys are: \(available.joined(separator: ", "))"
        case let .unsupportedFilterColumn(column, supported):
            let set = "{" + supported.map { "'\($0)'" }.joined(separator: ", ") + "}"
            return "The given filter column \(column) is not supported. Enter filters with "
                + "–-filter key=value or –-filter key!=value Supported filter columns: \(set)"
        case let .filterValueConversion(value, type):
            return "Failed to convert a value \(value) of type <class 'str'> to <class '\(type)'>"
        case let .limitTooLarge(limit, max):
            return "Given limit \(limit) exceeds the supported limit \(max). Use a lower limit, or set "
                + "the `RAY_MAX_LIMIT_FROM_API_SERVER` environment variable to a larger value."
        case let .limitNotPositive(limit):
            return "The limit must be a positive number of entries, got \(limit)."
        case let .unknownResource(name, choices):
            return "Invalid value for '{\(choices.joined(separator: "|"))}': '\(name)' is not one of "
                + choices.map { "'\($0)'" }.joined(separator: ", ") + "."
        case let .unsupportedResource(name):
            return "Listing \(name) is not supported by this swiftray build yet."
        case let .unknownFormat(name, choices):
            return "Invalid value for '--format': '\(name)' is not one of "
                + choices.map { "'\($0)'" }.joined(separator: ", ") + "."
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .filterWithoutPredicate, .filterEmptyKeyOrValue: return 1
        default: return 2
        }
    }
}

/// Failures of the GCS database. Messages are full sentences naming the file and the cause.
public enum StateStoreError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case writeFailed(operation: String, reason: String)
    case readFailed(operation: String, reason: String)
    case corruptRow(table: String, key: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "Cannot open the GCS database at \(path): \(reason)"
        case let .writeFailed(operation, reason):
            return "The GCS database could not \(operation): \(reason)"
        case let .readFailed(operation, reason):
            return "The GCS database could not \(operation): \(reason)"
        case let .corruptRow(table, key, reason):
            return "The GCS database has a corrupt row \(key) in table \(table): \(reason)"
        }
    }
}

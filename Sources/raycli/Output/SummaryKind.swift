/// The resources `ray summary` summarises, in Ray's CLI spelling.
///
/// Guarantees: `title` is the header word Ray prints (`Tasks Summary`, `Actors Summary`,
/// `Object Summary` — the objects header is singular) and `groupBy` the key named in the
/// `Table (group by …)` line (`func_name`, `class`, `callsite`).
public enum SummaryKind: String, Sendable, CaseIterable {
    case tasks
    case actors
    case objects

    public var cliName: String { rawValue }

    /// The header text before `: <now>`.
    public var title: String {
        switch self {
        case .tasks: return "Tasks Summary"
        case .actors: return "Actors Summary"
        case .objects: return "Object Summary"
        }
    }

    /// The summary's grouping key as Ray names it.
    public var groupBy: String {
        switch self {
        case .tasks: return "func_name"
        case .actors: return "class"
        case .objects: return "callsite"
        }
    }
}

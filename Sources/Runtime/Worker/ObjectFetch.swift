import ClusterState
import Foundation

/// The outcome of fetching one object for `ray.get`: its serialized value, the error its task
/// raised, or why it could not be had.
public enum ObjectFetch: Sendable {
    /// A serialized `Swiftray_Value`.
    case value(Data)
    /// The creating task failed (or could not run) with this error.
    case error(Swiftray_TaskError)
    case timedOut
    /// The owner exited or no longer knows the object: a full sentence.
    case lost(String)
}

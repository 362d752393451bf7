import ClusterState

/// Why an object's payload could not be had.
enum ObjectFetchProblem: Error {
    case error(Swiftray_TaskError)
    case timedOut
    case lost(String)
}

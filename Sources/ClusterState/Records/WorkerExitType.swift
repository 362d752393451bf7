/// Why a worker process ended, with Ray's `WorkerExitType` names as raw values.
///
/// Guarantees: `rawValue` is Ray's name. A driver that called `shutdown()` or returned normally
/// is `INTENDED_USER_EXIT`; a crash is `SYSTEM_ERROR`; an idle worker the raylet stopped is
/// `INTENDED_SYSTEM_EXIT`.
public enum WorkerExitType: String, Sendable, Hashable, CaseIterable {
    case systemError = "SYSTEM_ERROR"
    case intendedSystemExit = "INTENDED_SYSTEM_EXIT"
    case userError = "USER_ERROR"
    case intendedUserExit = "INTENDED_USER_EXIT"
    case nodeOutOfMemory = "NODE_OUT_OF_MEMORY"
}

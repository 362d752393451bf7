/// The state of one task attempt, with Ray's `TaskStatus` names as raw values.
///
/// Guarantees: `rawValue` is Ray's name (`PENDING_NODE_ASSIGNMENT`, …) and `number` its protobuf
/// number (`NIL` 0 … `GETTING_AND_PINNING_ARGS` 13), so sorting by `number` is Ray's enum order
/// (the order `ray list tasks --detail` prints `events` in). `isTerminal` is true exactly for
/// `FINISHED` and `FAILED`. States 3, 4, 9, 10 and 13 are metric sub-states Ray never lists.
public enum TaskState: String, Sendable, Hashable, CaseIterable {
    case `nil` = "NIL"
    case pendingArgsAvail = "PENDING_ARGS_AVAIL"
    case pendingNodeAssignment = "PENDING_NODE_ASSIGNMENT"
    case pendingObjStoreMemAvail = "PENDING_OBJ_STORE_MEM_AVAIL"
    case pendingArgsFetch = "PENDING_ARGS_FETCH"
    case submittedToWorker = "SUBMITTED_TO_WORKER"
    case pendingActorTaskArgsFetch = "PENDING_ACTOR_TASK_ARGS_FETCH"
    case pendingActorTaskOrderingOrConcurrency = "PENDING_ACTOR_TASK_ORDERING_OR_CONCURRENCY"
    case running = "RUNNING"
    case runningInRayGet = "RUNNING_IN_RAY_GET"
    case runningInRayWait = "RUNNING_IN_RAY_WAIT"
    case finished = "FINISHED"
    case failed = "FAILED"
    case gettingAndPinningArgs = "GETTING_AND_PINNING_ARGS"

    /// Ray's protobuf number of the state (`allCases` is declared in this order).
    public var number: Int { Self.allCases.firstIndex(of: self)! }

    /// True once the attempt has ended (`FINISHED` or `FAILED`).
    public var isTerminal: Bool { self == .finished || self == .failed }
}

/// The kind of a core-worker process, with Ray's `WorkerType` names as raw values.
///
/// Guarantees: `rawValue` is Ray's name, as `list workers` (WORKER_TYPE) and `list objects`
/// (TYPE) print it.
public enum WorkerType: String, Sendable, Hashable, CaseIterable {
    case worker = "WORKER"
    case driver = "DRIVER"
    case spillWorker = "SPILL_WORKER"
    case restoreWorker = "RESTORE_WORKER"
}

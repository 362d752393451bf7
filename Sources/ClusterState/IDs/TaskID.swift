/// A task id: 8 unique bytes followed by an actor id (the job's nil actor for normal tasks).
public struct TaskID: RayID {
    public static let size = 24
    public let bytes: [UInt8]
    public init(uncheckedBytes: [UInt8]) { self.bytes = uncheckedBytes }

    /// A normal task of `job` with the given 8 unique bytes.
    public static func normal(job: JobID, unique: [UInt8]) -> TaskID {
        precondition(unique.count == 8, "a task id has 8 unique bytes")
        return TaskID(uncheckedBytes: unique + ActorID.nilActor(of: job).bytes)
    }

    /// The pseudo task of a driver: 20 `0xff` bytes then the job id.
    public static func driver(of job: JobID) -> TaskID {
        TaskID(uncheckedBytes: [UInt8](repeating: 0xff, count: 20) + job.bytes)
    }

    /// The task of an actor method call.
    public static func actorTask(actor: ActorID, unique: [UInt8]) -> TaskID {
        precondition(unique.count == 8, "a task id has 8 unique bytes")
        return TaskID(uncheckedBytes: unique + actor.bytes)
    }

    /// The creation task of an actor: 8 `0xff` bytes then the actor id.
    public static func actorCreation(actor: ActorID) -> TaskID {
        TaskID(uncheckedBytes: [UInt8](repeating: 0xff, count: 8) + actor.bytes)
    }

    /// The job the task belongs to (the last four bytes).
    public var jobID: JobID { JobID(uncheckedBytes: Array(bytes[20...])) }
}

/// An actor id: 12 unique bytes followed by the creating job's id.
public struct ActorID: RayID {
    public static let size = 16
    public let bytes: [UInt8]
    public init(uncheckedBytes: [UInt8]) { self.bytes = uncheckedBytes }

    /// A fresh actor id for `job`, its 12 unique bytes drawn from `generator`.
    public static func make<G: RandomNumberGenerator>(job: JobID, using generator: inout G) -> ActorID {
        let unique = RandomBytes.draw(12, using: &generator)
        return ActorID(uncheckedBytes: unique + job.bytes)
    }

    /// The job that created the actor (the last four bytes).
    public var jobID: JobID { JobID(uncheckedBytes: Array(bytes[12...])) }

    /// The nil actor of a job, used inside normal task ids.
    public static func nilActor(of job: JobID) -> ActorID {
        ActorID(uncheckedBytes: [UInt8](repeating: 0xff, count: 12) + job.bytes)
    }
}

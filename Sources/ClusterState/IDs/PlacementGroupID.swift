/// A placement group id: 14 unique bytes followed by the creating job's id.
public struct PlacementGroupID: RayID {
    public static let size = 18
    public let bytes: [UInt8]
    public init(uncheckedBytes: [UInt8]) { self.bytes = uncheckedBytes }

    /// A fresh id for `job`, its 14 unique bytes drawn from `generator`.
    public static func make<G: RandomNumberGenerator>(job: JobID, using generator: inout G) -> PlacementGroupID {
        let unique = RandomBytes.draw(14, using: &generator)
        return PlacementGroupID(uncheckedBytes: unique + job.bytes)
    }

    /// The job that created the group (the last four bytes).
    public var jobID: JobID { JobID(uncheckedBytes: Array(bytes[14...])) }
}

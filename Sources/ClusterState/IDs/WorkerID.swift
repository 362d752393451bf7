/// A worker id: 28 random bytes; a driver's is its job id followed by 24 `0xff` bytes.
public struct WorkerID: RayID {
    public static let size = 28
    public let bytes: [UInt8]
    public init(uncheckedBytes: [UInt8]) { self.bytes = uncheckedBytes }

    /// The worker id Ray gives the driver of `job`.
    public static func driver(of job: JobID) -> WorkerID {
        WorkerID(uncheckedBytes: job.bytes + [UInt8](repeating: 0xff, count: 24))
    }
}

/// A job id: the GCS's 32-bit job counter, stored little-endian (job 1 is `01000000`).
public struct JobID: RayID {
    public static let size = 4
    public let bytes: [UInt8]
    public init(uncheckedBytes: [UInt8]) { self.bytes = uncheckedBytes }

    /// The job with the given counter value.
    public init(counter: UInt32) {
        bytes = [UInt8(counter & 0xff), UInt8((counter >> 8) & 0xff),
                 UInt8((counter >> 16) & 0xff), UInt8(counter >> 24)]
    }

    /// The counter value this id encodes.
    public var counter: UInt32 {
        UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
    }
}

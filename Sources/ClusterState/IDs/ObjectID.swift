/// An object id: the creating task's id followed by a 4-byte little-endian index
/// (task returns count from 1; `ray.put` objects from 100 000 001).
public struct ObjectID: RayID {
    public static let size = 28
    public let bytes: [UInt8]
    public init(uncheckedBytes: [UInt8]) { self.bytes = uncheckedBytes }

    /// First index used by `ray.put` (after the return and generator slots).
    public static let firstPutIndex: UInt32 = 100_000_001

    /// The object at `index` of `task`.
    public init(task: TaskID, index: UInt32) {
        bytes = task.bytes + [UInt8(index & 0xff), UInt8((index >> 8) & 0xff),
                              UInt8((index >> 16) & 0xff), UInt8(index >> 24)]
    }

    /// The task that created the object.
    public var taskID: TaskID { TaskID(uncheckedBytes: Array(bytes[0..<24])) }

    /// The object's index within its task.
    public var index: UInt32 {
        UInt32(bytes[24]) | UInt32(bytes[25]) << 8 | UInt32(bytes[26]) << 16 | UInt32(bytes[27]) << 24
    }
}

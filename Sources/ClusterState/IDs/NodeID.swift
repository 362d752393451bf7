/// A node id: 28 random bytes, drawn anew each time a raylet starts.
public struct NodeID: RayID {
    public static let size = 28
    public let bytes: [UInt8]
    public init(uncheckedBytes: [UInt8]) { self.bytes = uncheckedBytes }
}

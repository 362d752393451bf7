/// Where the next `SpreadPolicy` round starts: a position in the nodes sorted by id bytes.
/// A plain value the caller (one raylet, or the GCS) keeps between calls and passes `inout`;
/// `SpreadPolicy` sets it to the chosen position + 1 (wrapping to 0 past the last node). A
/// position beyond the current node count is taken modulo that count.
public struct SpreadCursor: Sendable, Hashable {
    public var next: Int

    public init(next: Int = 0) { self.next = next }
}

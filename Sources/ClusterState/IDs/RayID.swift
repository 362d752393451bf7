/// A fixed-size binary identifier rendered as lowercase hex, as Ray renders its IDs.
///
/// Every conforming type guarantees `bytes.count == Self.size`; the all-`0xff` value is `nil`.
public protocol RayID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Number of bytes of this kind of id (Ray's sizes, see docs/ARCHITECTURE.md).
    static var size: Int { get }
    /// The raw bytes; always exactly `size` long.
    var bytes: [UInt8] { get }
    /// Wraps bytes that are already known to have the right length.
    init(uncheckedBytes: [UInt8])
}

extension RayID {
    /// The nil id: all bytes `0xff`.
    public static var nilID: Self { Self(uncheckedBytes: [UInt8](repeating: 0xff, count: size)) }

    /// True for the all-`0xff` id.
    public var isNil: Bool { bytes.allSatisfy { $0 == 0xff } }

    /// Lowercase hex, two characters a byte.
    public var hex: String { HexCoding.encode(bytes) }

    public var description: String { hex }

    /// Builds an id from raw bytes, or returns nil when the length is wrong.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.size else { return nil }
        self.init(uncheckedBytes: bytes)
    }

    /// Parses lowercase or uppercase hex of exactly `2 * size` characters.
    public init(hex: String) throws(ClusterStateError) {
        guard hex.utf8.count == Self.size * 2 else {
            throw .invalidID(kind: String(describing: Self.self), text: hex,
                             reason: "ID string needs to have length \(Self.size * 2), got \(hex.utf8.count)")
        }
        guard let raw = HexCoding.decode(hex) else {
            throw .invalidID(kind: String(describing: Self.self), text: hex,
                             reason: "it is not a valid hex string")
        }
        self.init(uncheckedBytes: raw)
    }

    /// A random id drawn from the given generator (callers pass the randomness in).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> Self {
        Self(uncheckedBytes: RandomBytes.draw(size, using: &generator))
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.hex < rhs.hex }
}

/// A resource amount in Ray's fixed point: an integer count of 0.0001 units.
///
/// Conversion from a Double truncates toward zero exactly as Ray's C++ `FixedPoint` does, so
/// `0.00015` becomes `0.0001`. Arithmetic is exact, so sums never show float artefacts.
public struct ResourceQuantity: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Units per 1.0 of a resource.
    public static let scale: Int64 = 10_000

    /// The amount in 0.0001 units.
    public var raw: Int64

    public init(raw: Int64) { self.raw = raw }

    /// Truncating conversion from a double (the caller validates sign and range first).
    public init(_ value: Double) { raw = Int64(value * Double(Self.scale)) }

    /// Whole units.
    public init(units: Int64) { raw = units * Self.scale }

    public static let zero = ResourceQuantity(raw: 0)

    /// The amount as a double (the nearest double to the exact decimal value).
    public var doubleValue: Double { Double(raw) / Double(Self.scale) }

    /// True when the amount is a whole number of units.
    public var isWhole: Bool { raw % Self.scale == 0 }

    /// Python's `repr` of the amount as a float: `1.0`, `0.3`, `1e-04` style per PythonFloat.
    public var description: String { PythonFloat.repr(doubleValue) }

    public static func < (a: Self, b: Self) -> Bool { a.raw < b.raw }
    public static func + (a: Self, b: Self) -> Self { Self(raw: a.raw + b.raw) }
    public static func - (a: Self, b: Self) -> Self { Self(raw: a.raw - b.raw) }
    public static func += (a: inout Self, b: Self) { a.raw += b.raw }
    public static func -= (a: inout Self, b: Self) { a.raw -= b.raw }
}

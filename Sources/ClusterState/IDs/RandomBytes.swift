/// Random bytes for ids, drawn eight at a time from the caller's generator (one system call per
/// eight bytes with `SystemRandomNumberGenerator`, not one per byte).
public enum RandomBytes {
    public static func draw<G: RandomNumberGenerator>(_ count: Int, using generator: inout G) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(count + 7)
        while out.count < count {
            var word = generator.next()
            for _ in 0..<8 {
                out.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return Array(out.prefix(count))
    }
}

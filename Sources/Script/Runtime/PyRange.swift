/// `range(start, stop, step)` — immutable, so a struct.
///
/// Guarantees: `count` and `element` never trap, even for ranges spanning the whole Int range
/// (a count beyond `Int.max` is clamped).
struct PyRange {
    let start: Int, stop: Int, step: Int

    var count: Int {
        if step > 0 {
            guard start < stop else { return 0 }
            let distance = UInt(bitPattern: stop &- start)
            let n = (distance - 1) / UInt(step) + 1
            return n > UInt(Int.max) ? Int.max : Int(n)
        }
        guard start > stop else { return 0 }
        let distance = UInt(bitPattern: start &- stop)
        let n = (distance - 1) / step.magnitude + 1
        return n > UInt(Int.max) ? Int.max : Int(n)
    }

    /// The i-th element (0 <= i < count); wrapping arithmetic is exact for in-range results.
    func element(_ i: Int) -> Int { start &+ i &* step }
}

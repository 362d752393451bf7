/// `range(start, stop, step)` — immutable, so a struct.
struct PyRange {
    let start: Int, stop: Int, step: Int
    var count: Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }
    func element(_ i: Int) -> Int { start + i * step }
}

/// A `slice` object.
final class PySlice {
    let start: Value, stop: Value, step: Value
    init(start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
    }
}

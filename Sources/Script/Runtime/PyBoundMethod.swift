/// A function bound to a receiver (`obj.method`).
final class PyBoundMethod {
    let receiver: Value
    let function: Value
    init(receiver: Value, function: Value) {
        self.receiver = receiver
        self.function = function
    }
}

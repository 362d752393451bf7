/// An active call frame: what the traceback prints for it.
final class Frame {
    let name: String
    let filename: String
    var line: Int
    /// The running function and its first argument, for zero-argument `super()`.
    var function: PyFunction?
    var firstArgument: Value?
    init(name: String, filename: String, line: Int) {
        self.name = name
        self.filename = filename
        self.line = line
    }
}

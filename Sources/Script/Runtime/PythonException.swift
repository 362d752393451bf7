/// A raised Python exception: the exception instance plus the traceback captured where it
/// was raised.
///
/// Guarantees: `instance.type` is a subclass of `BaseException`.
public final class PythonException: @unchecked Sendable {
    let instance: PyInstance
    var traceback: [TracebackEntry]

    init(instance: PyInstance, traceback: [TracebackEntry]) {
        self.instance = instance
        self.traceback = traceback
    }

    /// The exception class name, e.g. `ValueError`.
    public var typeName: String { instance.type.name }
}

/// A Python exception raised by a task: what `ray.get` re-raises as `RayTaskError(<type>)`.
public struct TaskFailure: Sendable, Equatable, Error {
    /// Exception class name, e.g. `ZeroDivisionError`.
    public var typeName: String
    /// `str(exception)`.
    public var message: String
    /// The CPython-style traceback text printed on the worker.
    public var traceback: String

    public init(typeName: String, message: String, traceback: String) {
        self.typeName = typeName
        self.message = message
        self.traceback = traceback
    }
}

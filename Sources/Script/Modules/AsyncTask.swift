/// An `asyncio.Task`: a coroutine scheduled on the event loop, running on its own fiber.
final class AsyncTask {
    let coroutine: PyCoroutine
    var fiber: Fiber?
    var result: Value?
    var error: Error?
    var done = false
    /// Set when the loop shuts down while the task is suspended: its next resume raises
    /// `CancelledError`.
    var cancelled = false
    /// Tasks blocked in `await` on this one.
    var waiters: [AsyncTask] = []
    /// Interpreter state (call frames, handled exceptions) while suspended.
    var savedFrames: [Frame] = []
    var savedHandling: [PythonException] = []
    var savedGeneratorSinks: [PyList] = []
    /// The actor method call this task runs (`Interpreter.serveActor`), nil for other tasks.
    var actorCall: ActorRunningCall?

    init(coroutine: PyCoroutine) { self.coroutine = coroutine }
}

/// The state of a running `asyncio` event loop: ready tasks, sleeping tasks and the task
/// currently running.
///
/// Guarantees: tasks run one at a time, in FIFO order of becoming ready; sleepers wake in
/// order of their wake time (ties in the order they went to sleep).
final class EventLoop {
    var ready: [AsyncTask] = []
    var sleeping: [(wake: Double, order: Int, task: AsyncTask)] = []
    var current: AsyncTask?
    var sleepCounter = 0
    var allTasks: [AsyncTask] = []
    /// True for a threaded actor's loop (`Interpreter.serveActor`): `time.sleep` inside a task
    /// yields to the other tasks (as CPython releases the GIL) instead of blocking, and
    /// `asyncio.run` may start a nested loop.
    var timeSleepYields = false
    init() {}
}

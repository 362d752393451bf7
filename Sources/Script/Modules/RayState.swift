/// The driver's `ray` state inside one interpreter: the connection and the ray classes.
struct RayState {
    var connection: JobConnection?
    var types: [String: PyType] = [:]
}

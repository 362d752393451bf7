/// An instance of a script-defined or built-in class (including exceptions).
///
/// `payload` carries native state for built-in classes (a remote function's options, an
/// exception's traceback) without exposing it as attributes.
final class PyInstance {
    let type: PyType
    var attrs: [String: Value] = [:]
    var payload: AnyObject?

    init(type: PyType) { self.type = type }

    deinit {
        guard attrs.values.contains(where: Trashcan.mayNest) else { return }
        var values = Array(attrs.values)
        attrs = [:]
        Trashcan.dispose(&values)
    }
}

/// A module object: a name and its attribute namespace.
final class PyModule {
    let name: String
    var attrs: [String: Value] = [:]
    init(name: String) { self.name = name }
}

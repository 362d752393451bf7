/// A resource dict that remembers the order its keys were written in (a bundle as the user
/// gave it), for output that must echo that order.
public struct OrderedResources: Sendable, Hashable {
    public var keys: [String]
    public var set: ResourceSet

    public init(keys: [String], set: ResourceSet) {
        self.keys = keys.filter { set[$0].raw != 0 }
        self.set = set
    }

    /// Python dict repr in key order: `{'CPU': 1.0, 'GPU': 2.0}`.
    public var pythonRepr: String {
        "{" + keys.map { "\(PythonString.repr($0)): \(set[$0])" }.joined(separator: ", ") + "}"
    }
}

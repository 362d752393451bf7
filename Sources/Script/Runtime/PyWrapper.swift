/// `staticmethod`, `classmethod` and `property` descriptors.
final class PyWrapper {
    enum Kind { case staticMethod, classMethod, property }
    let kind: Kind
    let function: Value
    var setter: Value?
    init(kind: Kind, function: Value) {
        self.kind = kind
        self.function = function
    }
}

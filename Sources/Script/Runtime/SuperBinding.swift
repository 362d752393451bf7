/// The state of a `super()` object: look up attributes after `cls` in `object`'s MRO.
final class SuperBinding {
    let cls: PyType
    let object: Value
    init(cls: PyType, object: Value) {
        self.cls = cls
        self.object = object
    }
}

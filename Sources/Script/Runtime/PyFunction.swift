/// A function defined by `def` or `lambda`, with its defaults and closure scope.
final class PyFunction {
    let code: FunctionCode
    let defaults: [Value?]
    let closure: Scope
    var name: String
    var qualname: String
    var attrs: [String: Value] = [:]
    /// The class whose body defined this function (for zero-argument `super()`).
    weak var definingClass: PyType?
    var filename = "<stdin>"

    init(code: FunctionCode, defaults: [Value?], closure: Scope, qualname: String) {
        self.code = code
        self.defaults = defaults
        self.closure = closure
        self.name = code.name
        self.qualname = qualname
    }
}

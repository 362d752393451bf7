/// A function implemented in Swift (built-ins, methods of built-in types, module functions).
final class PyBuiltin {
    let name: String
    let fn: (Interpreter, Arguments) throws -> Value
    /// The bound receiver, for `repr` as `<built-in method x of list object at …>`.
    let selfDescription: String?

    init(_ name: String, selfDescription: String? = nil, _ fn: @escaping (Interpreter, Arguments) throws -> Value) {
        self.name = name
        self.fn = fn
        self.selfDescription = selfDescription
    }
}

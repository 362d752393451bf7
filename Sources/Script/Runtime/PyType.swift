/// A Python class: built-in (`int`, `ValueError`, ray value types) or defined by a script.
///
/// Guarantees: `mro` starts with the class itself and ends with `object` (C3 order for the
/// single- and simple multiple-inheritance cases scripts use).
final class PyType {
    let name: String
    var qualname: String
    let bases: [PyType]
    private(set) var mro: [PyType] = []
    var dict: [String: Value] = [:]
    /// Builds an instance when the class is called with no Python `__init__`/`__new__` path.
    var constructor: ((Interpreter, Arguments) throws -> Value)?
    var module: String
    /// Built-in value kind this type describes (`int`, `list`…), nil for classes of instances.
    let isBuiltinValueType: Bool

    init(name: String, bases: [PyType], module: String = "builtins", isBuiltinValueType: Bool = false) {
        self.name = name
        self.qualname = name
        self.bases = bases
        self.module = module
        self.isBuiltinValueType = isBuiltinValueType
        self.mro = [self] + PyType.linearize(bases)
    }

    private static func linearize(_ bases: [PyType]) -> [PyType] {
        var sequences = bases.map { $0.mro } + [bases]
        var result: [PyType] = []
        while true {
            sequences = sequences.filter { !$0.isEmpty }
            if sequences.isEmpty { return result }
            var chosen: PyType? = nil
            for seq in sequences {
                let head = seq[0]
                if !sequences.contains(where: { $0.dropFirst().contains { $0 === head } }) { chosen = head; break }
            }
            guard let next = chosen ?? sequences.first?.first else { return result }
            result.append(next)
            sequences = sequences.map { $0.first === next ? Array($0.dropFirst()) : $0 }
        }
    }

    func isSubclass(of other: PyType) -> Bool { mro.contains { $0 === other } }

    /// Finds an attribute along the MRO.
    func lookup(_ name: String) -> Value? {
        for t in mro { if let v = t.dict[name] { return v } }
        return nil
    }
}

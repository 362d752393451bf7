/// The built-in classes of one interpreter: value types and the exception hierarchy.
///
/// Guarantees: `typeOf` returns the class `type(x)` reports; every exception class named in
/// `exceptionTypes` derives from `BaseException`.
final class BuiltinTypes {
    let object: PyType
    let type: PyType
    let int: PyType, float: PyType, bool: PyType, str: PyType
    let list: PyType, tuple: PyType, dict: PyType, set: PyType, frozenset: PyType
    let noneType: PyType, range: PyType, slice: PyType
    let function: PyType, builtinFunction: PyType, method: PyType, module: PyType
    let iterator: PyType, coroutine: PyType, superType: PyType, ellipsis: PyType
    let staticMethod: PyType, classMethod: PyType, property: PyType
    let notImplementedType: PyType
    let baseException: PyType
    var exceptionTypes: [String: PyType] = [:]
    /// `list_iterator`, `generator`, `zip`, … created on first use.
    var iteratorTypes: [String: PyType] = [:]

    init(_ interp: Interpreter) {
        let root = PyType(name: "object", bases: [], isBuiltinValueType: true)
        object = root
        func value(_ name: String, _ base: PyType? = nil) -> PyType {
            PyType(name: name, bases: [base ?? root], isBuiltinValueType: true)
        }
        type = value("type")
        int = value("int"); float = value("float"); bool = value("bool", int); str = value("str")
        list = value("list"); tuple = value("tuple"); dict = value("dict"); set = value("set"); frozenset = value("frozenset")
        noneType = value("NoneType"); range = value("range"); slice = value("slice")
        function = value("function"); builtinFunction = value("builtin_function_or_method"); method = value("method")
        module = value("module"); iterator = value("iterator"); coroutine = value("coroutine")
        superType = PyType(name: "super", bases: [root]); ellipsis = value("ellipsis")
        staticMethod = value("staticmethod"); classMethod = value("classmethod"); property = value("property")
        notImplementedType = PyType(name: "NotImplementedType", bases: [root])
        let base = PyType(name: "BaseException", bases: [root])
        baseException = base
        exceptionTypes["BaseException"] = base
        let hierarchy: [(String, String)] = [
            ("SystemExit", "BaseException"), ("KeyboardInterrupt", "BaseException"), ("GeneratorExit", "BaseException"),
            ("Exception", "BaseException"),
            ("ArithmeticError", "Exception"), ("ZeroDivisionError", "ArithmeticError"), ("OverflowError", "ArithmeticError"),
            ("FloatingPointError", "ArithmeticError"),
            ("AssertionError", "Exception"), ("AttributeError", "Exception"), ("BufferError", "Exception"),
            ("EOFError", "Exception"), ("ImportError", "Exception"), ("ModuleNotFoundError", "ImportError"),
            ("LookupError", "Exception"), ("IndexError", "LookupError"), ("KeyError", "LookupError"),
            ("MemoryError", "Exception"), ("NameError", "Exception"), ("UnboundLocalError", "NameError"),
            ("OSError", "Exception"), ("ConnectionError", "OSError"), ("TimeoutError", "OSError"),
            ("FileNotFoundError", "OSError"), ("PermissionError", "OSError"),
            ("ConnectionRefusedError", "ConnectionError"),
            ("ReferenceError", "Exception"), ("RuntimeError", "Exception"), ("NotImplementedError", "RuntimeError"),
            ("RecursionError", "RuntimeError"), ("StopIteration", "Exception"), ("StopAsyncIteration", "Exception"),
            ("SyntaxError", "Exception"), ("IndentationError", "SyntaxError"), ("SystemError", "Exception"),
            ("TypeError", "Exception"), ("ValueError", "Exception"), ("UnicodeError", "ValueError"),
            ("Warning", "Exception"), ("UserWarning", "Warning"), ("DeprecationWarning", "Warning"),
            ("RuntimeWarning", "Warning"),
        ]
        for (name, base) in hierarchy {
            exceptionTypes[name] = PyType(name: name, bases: [exceptionTypes[base]!])
        }
        exceptionTypes["IOError"] = exceptionTypes["OSError"]
        exceptionTypes["EnvironmentError"] = exceptionTypes["OSError"]
    }

    func typeOf(_ v: Value) -> PyType {
        switch v {
        case .none: return noneType
        case .bool: return bool
        case .int: return int
        case .float: return float
        case .str: return str
        case .tuple: return tuple
        case .list: return list
        case .dict: return dict
        case .set(let s): return s.frozen ? frozenset : set
        case .range: return range
        case .slice: return slice
        case .function: return function
        case .builtin: return builtinFunction
        case .type: return type
        case .instance(let i): return i.type
        case .module: return module
        case .boundMethod: return method
        case .iterator(let it):
            if it.typeName == "iterator" { return iterator }
            if let t = iteratorTypes[it.typeName] { return t }
            let t = PyType(name: it.typeName, bases: [object], isBuiltinValueType: true)
            iteratorTypes[it.typeName] = t
            return t
        case .coroutine: return coroutine
        case .ellipsis: return ellipsis
        case .wrapper(let w):
            switch w.kind {
            case .staticMethod: return staticMethod
            case .classMethod: return classMethod
            case .property: return property
            }
        }
    }
}

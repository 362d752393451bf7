/// A remote function or actor call as the script asked for it (for the later task/actor
/// issues): the definition's source, the callable's name, arguments and `.options(...)`.
public struct RemoteCallSpec: Sendable, Equatable {
    /// The function or class name (`square`, `Counter`), or `Class.method` for actor methods.
    public var name: String
    /// The whole driver module source, for reference.
    public var moduleSource: String
    /// What a worker executes to define the callable: the driver module's imports, the data
    /// globals its definitions mention, and every top-level function and class (remote ones
    /// re-wrapped with their decorator's options). Exported to the GCS KV by the runtime;
    /// `Interpreter.executeTask` consumes it.
    public var definitionSource: String
    public var arguments: [ScriptData]
    public var keywordArguments: [ScriptDataEntry]
    /// Merged `@ray.remote(...)` and `.options(...)` keyword options.
    public var options: [ScriptDataEntry]
    /// The actor handle's id for actor method calls.
    public var actorID: String?
    /// Actor creation: the class's method names (what handles allow calling).
    public var methodNames: [String] = []

    public init(name: String, moduleSource: String, definitionSource: String = "", arguments: [ScriptData], keywordArguments: [ScriptDataEntry],
                options: [ScriptDataEntry], actorID: String? = nil) {
        self.name = name
        self.moduleSource = moduleSource
        self.definitionSource = definitionSource
        self.arguments = arguments
        self.keywordArguments = keywordArguments
        self.options = options
        self.actorID = actorID
    }
}

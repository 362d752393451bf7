/// What kind of actor an instance is, for the worker deciding how to order its calls.
extension Interpreter {
    /// True when the actor's class defines any `async def` method (Ray's async actor: its calls
    /// run concurrently on one event loop and are not held to submission order).
    public func actorIsAsync(_ actorID: String) -> Bool {
        guard case .instance(let instance)? = actorInstances[actorID] else { return false }
        for t in instance.type.mro {
            for value in t.dict.values {
                if case .function(let f) = value, f.code.isAsync { return true }
            }
        }
        return false
    }
}

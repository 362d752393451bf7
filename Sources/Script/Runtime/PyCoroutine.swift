/// A coroutine created by calling an `async def` function; runs to completion when awaited
/// (a simple cooperative model: awaiting runs the body synchronously).
final class PyCoroutine {
    let name: String
    let body: () throws -> Value
    var result: Value?
    init(name: String, body: @escaping () throws -> Value) {
        self.name = name
        self.body = body
    }

    func run() throws -> Value {
        if let r = result { return r }
        let r = try body()
        result = r
        return r
    }
}

/// Evaluated call arguments: positional values then keyword pairs in call order.
struct Arguments {
    var positional: [Value]
    var keywords: [(String, Value)]

    init(_ positional: [Value] = [], _ keywords: [(String, Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    func keyword(_ name: String) -> Value? { keywords.first { $0.0 == name }?.1 }
}

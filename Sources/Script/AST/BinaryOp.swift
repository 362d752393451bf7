/// A binary arithmetic or bitwise operator; the raw value is its Python spelling.
enum BinaryOp: String {
    case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", mod = "%", pow = "**"
    case matMul = "@", lshift = "<<", rshift = ">>", and = "&", or = "|", xor = "^"
}

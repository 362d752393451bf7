/// How a statement finished: normally, or by `return`, `break` or `continue`.
enum Flow {
    case normal
    case returned(Value)
    case broke
    case continued
}

/// One `except [type [as name]]:` clause.
struct ExceptHandler {
    var type: Expr?
    var name: String?
    var body: [Stmt]
    var line: Int
}

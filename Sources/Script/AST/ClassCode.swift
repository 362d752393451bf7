/// The code of a `class` statement.
final class ClassCode {
    let name: String
    let bases: [Argument]
    let body: [Stmt]
    let line: Int
    /// Last source line of the definition (for exporting its source to workers).
    var endLine = 0
    let docstring: String?

    init(name: String, bases: [Argument], body: [Stmt], line: Int, docstring: String?) {
        self.name = name
        self.bases = bases
        self.body = body
        self.line = line
        self.docstring = docstring
    }
}

/// The code of a `def` or `lambda`: parameters, body and static scope information.
///
/// A class so that every call of the same function shares one parsed body.
final class FunctionCode {
    let name: String
    let parameters: [Parameter]
    let body: [Stmt]
    let isAsync: Bool
    let isLambda: Bool
    let isGenerator: Bool
    let line: Int
    /// Last source line of the definition (for exporting its source to workers).
    var endLine = 0
    let docstring: String?
    let scope: ScopeInfo

    init(name: String, parameters: [Parameter], body: [Stmt], isAsync: Bool, isLambda: Bool,
         isGenerator: Bool, line: Int, docstring: String?, scope: ScopeInfo) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.isAsync = isAsync
        self.isLambda = isLambda
        self.isGenerator = isGenerator
        self.line = line
        self.docstring = docstring
        self.scope = scope
    }
}

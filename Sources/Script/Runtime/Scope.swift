/// A namespace for name resolution: the module, a class body, or one function call /
/// comprehension.
///
/// Guarantees (LEGB): function scopes resolve statically-local names only in themselves,
/// other names in enclosing function scopes (class bodies skipped), then module, then builtins.
final class Scope {
    enum Kind { case module, classBody, function(ScopeInfo) }
    var vars: [String: Value]
    let parent: Scope?
    let kind: Kind
    private let moduleRef: Scope?

    /// The module (global) scope this scope belongs to.
    var module: Scope { moduleRef ?? self }

    /// A module scope.
    init(moduleVars: [String: Value] = [:]) {
        vars = moduleVars
        parent = nil
        kind = .module
        moduleRef = nil
    }

    init(kind: Kind, parent: Scope) {
        vars = [:]
        self.kind = kind
        var p = parent
        if case .function = kind {
            // Functions and comprehensions never see class-body names.
            while case .classBody = p.kind, let up = p.parent { p = up }
        }
        self.parent = p
        moduleRef = parent.module
    }
}

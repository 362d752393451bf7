/// The statically known names of one function, lambda or comprehension scope.
///
/// Guarantees: `locals` holds every name bound in the scope (assignment, loop target, def,
/// class, import, except-as, parameter) minus those declared `global` or `nonlocal`.
final class ScopeInfo {
    var locals: Set<String> = []
    var globals: Set<String> = []
    var nonlocals: Set<String> = []
    init() {}
}

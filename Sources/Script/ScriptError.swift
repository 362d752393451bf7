/// The one error type the Script module throws.
///
/// Guarantees: every failure surfaces as one of these cases; Python-level exceptions are
/// carried as values (`PythonException`) so they can be caught by `try/except` in scripts.
public enum ScriptError: Error {
    /// The source could not be tokenized or parsed.
    case syntax(SyntaxErrorInfo)
    /// A Python exception was raised and not (yet) handled.
    case exception(PythonException)
    /// An internal invariant failed (a bug in the interpreter, never the script's fault).
    case internalError(String)
}

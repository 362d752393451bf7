/// The output stream a script writes to.
public enum ScriptStream: Sendable, Equatable {
    case stdout
    case stderr
}

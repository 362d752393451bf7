/// A failure reported by the `ClusterBridge`, raised in the script as the named Python
/// exception type (e.g. `ConnectionError`, `GetTimeoutError`, `RayTaskError`).
public struct BridgeError: Error, Sendable, Equatable {
    /// Python exception class name; unknown names become `RuntimeError`.
    public var pythonType: String
    public var message: String

    public init(_ pythonType: String, _ message: String) {
        self.pythonType = pythonType
        self.message = message
    }

    /// The feature is not available in this runtime yet.
    public static func notImplemented(_ feature: String) -> BridgeError {
        BridgeError("NotImplementedError", "\(feature) is not supported by swiftray yet")
    }
}

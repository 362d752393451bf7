import ClusterState

/// How a driver's job ends: SUCCEEDED when the script finished (or `sys.exit(0)`), FAILED with
/// the exception line when it raised, or with the exit status otherwise.
enum DriverEnding {
    static func finish(bridge: DriverBridge, status: Int32, lastErrorLine: String) {
        guard bridge.job != nil else { return }
        if status == 0 {
            bridge.finish(status: .succeeded, message: "The driver finished.", exitCode: 0)
            return
        }
        let exceptionType = lastErrorLine.split(separator: ":").first.map(String.init) ?? ""
        let looksLikeException = !exceptionType.isEmpty && !exceptionType.contains(" ")
        bridge.finish(status: .failed,
                      message: looksLikeException
                        ? "The driver raised \(lastErrorLine)"
                        : "The driver exited with status \(status).",
                      errorType: looksLikeException ? exceptionType : "",
                      exitCode: status)
    }
}

/// One `File "…", line N, in name` line of a traceback.
struct TracebackEntry {
    let filename: String
    let line: Int
    let name: String
}

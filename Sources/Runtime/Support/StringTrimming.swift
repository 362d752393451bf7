extension StringProtocol {
    /// The text without leading and trailing Unicode whitespace (newlines included), like
    /// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` but without bridging to
    /// NSString, whose first use costs a short-lived CLI call about half a millisecond.
    public func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

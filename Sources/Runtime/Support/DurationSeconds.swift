extension Duration {
    /// The duration in seconds as a double (for messages and fractional timers).
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

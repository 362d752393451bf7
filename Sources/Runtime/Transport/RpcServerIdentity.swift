/// What a daemon says about itself in the handshake and to `whois`, and the token it demands.
public struct RpcServerIdentity: Sendable {
    public var token: String
    public var sessionName: String
    public var tempDir: String
    /// `gcs` or `raylet`.
    public var component: String
    public var maxFrameSize: Int
    /// How long a new connection may take to authenticate (`hello`); a peer still silent or
    /// half-way through a frame by then is disconnected, so idle sockets cannot pile up.
    public var handshakeTimeout: Duration

    public init(token: String, sessionName: String, tempDir: String, component: String,
                maxFrameSize: Int = FrameCodec.defaultMaxFrameSize, handshakeTimeout: Duration = .seconds(10)) {
        self.token = token
        self.sessionName = sessionName
        self.tempDir = tempDir
        self.component = component
        self.maxFrameSize = maxFrameSize
        self.handshakeTimeout = handshakeTimeout
    }
}

/// How a GCS process is set up; built by `swiftray gcs-server` from its flags.
public struct GcsConfig: Sendable {
    public var host: String
    public var port: Int
    public var sessionDir: String
    public var sessionName: String
    public var tempDir: String
    public var token: String
    /// Path of the SQLite database (inside the session's `gcs/` folder).
    public var databasePath: String
    /// A node whose raylet sent no report for this long is declared DEAD.
    public var healthCheckTimeout: Duration
    /// How often the health checker looks.
    public var healthCheckPeriod: Duration
    /// How often raylets are asked to report.
    public var reportPeriod: Duration
    /// After a restart, how long a driver whose job was RUNNING has to reconnect and claim it
    /// (`gcs.ReattachJob`) before the job is FAILED.
    public var driverReconnectWindow: Duration

    public init(host: String, port: Int, sessionDir: String, sessionName: String, tempDir: String,
                token: String, databasePath: String, healthCheckTimeout: Duration = .seconds(2),
                healthCheckPeriod: Duration = .milliseconds(250), reportPeriod: Duration = .milliseconds(250),
                driverReconnectWindow: Duration = .seconds(60)) {
        self.host = host
        self.port = port
        self.sessionDir = sessionDir
        self.sessionName = sessionName
        self.tempDir = tempDir
        self.token = token
        self.databasePath = databasePath
        self.healthCheckTimeout = healthCheckTimeout
        self.healthCheckPeriod = healthCheckPeriod
        self.reportPeriod = reportPeriod
        self.driverReconnectWindow = driverReconnectWindow
    }
}

import Logging

/// Loggers for the daemons: one line per message on stderr (the daemon's log file).
public enum DaemonLogging {
    public static func logger(_ label: String) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        return logger
    }
}

import ArgumentParser
import Runtime

/// `--temp-dir`, shared by every command that touches a session.
struct TempDirOption: ParsableArguments {
    @Option(name: .customLong("temp-dir"),
            help: "Root folder for session files (default: $SWIFTRAY_TEMP_DIR, else /tmp/swiftray).")
    var tempDir: String?

    var paths: SessionPaths {
        SessionPaths(tempDir: tempDir ?? SessionPaths.defaultTempDir())
    }
}

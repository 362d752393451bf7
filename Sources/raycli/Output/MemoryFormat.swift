import Foundation

/// The two byte-count formats of Ray's CLI.
///
/// Guarantees: `status(bytes:)` is the autoscaler's `format_memory` (`%.2f` with binary units and
/// no space: `0B`, `512B`, `1.50KiB`, `3.46GiB`, `1.00TiB`; below 1 KiB the integer part of
/// the byte count); `humanify(bytes:)` is the state API's `Humanify.memory` (`%.3f` and a space:
/// `16.173 GiB`, `95.367 MiB`, `1.000 KiB`, `512.000 B`, `-1.000 B`; no TiB unit).
/// Rounding is printf's (exact binary value, ties to even), as Python's `%` formatting does.
public enum MemoryFormat {
    public static func status(bytes: Double) -> String {
        let units: [(Double, String)] = [(1099511627776, "TiB"), (1073741824, "GiB"), (1048576, "MiB"), (1024, "KiB")]
        for (size, unit) in units where bytes >= size {
            return String(format: "%.2f", bytes / size) + unit
        }
        return String(Int64(bytes)) + "B"
    }

    public static func humanify(bytes: Double) -> String {
        let units: [(Double, String)] = [(1073741824, "GiB"), (1048576, "MiB"), (1024, "KiB")]
        for (size, unit) in units where bytes >= size {
            return String(format: "%.3f", bytes / size) + " " + unit
        }
        return String(format: "%.3f", bytes) + " B"
    }
}

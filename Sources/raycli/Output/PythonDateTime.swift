import Foundation

/// Python's `str(datetime.fromtimestamp(t))`: local wall-clock time as
/// `YYYY-MM-DD HH:MM:SS.ffffff`, without the `.ffffff` part when the microsecond is exactly 0.
///
/// Guarantees: the time zone is a parameter (tests pass a fixed one, the CLI passes
/// `TimeZone.current`); the offset in force at that instant (DST included) is applied; years
/// are zero-padded to four digits; instants before the epoch round down (floor) like Python.
/// Pure: no clock is read here.
public enum PythonDateTime {
    /// From microseconds since the Unix epoch.
    public static func string(micros: Int64, timeZone: TimeZone) -> String {
        let (seconds, micro) = floorDivMod(micros, 1_000_000)
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let local = seconds + Int64(offset)
        let (days, secOfDay) = floorDivMod(local, 86_400)
        let (y, m, d) = civil(fromDays: days)
        var out = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + " "
        out += pad(secOfDay / 3600, 2) + ":" + pad(secOfDay / 60 % 60, 2) + ":" + pad(secOfDay % 60, 2)
        if micro != 0 { out += "." + pad(micro, 6) }
        return out
    }

    /// From milliseconds since the Unix epoch (`fromtimestamp(ms / 1000)`), as the state API
    /// humanises `*_time_ms` columns: `2026-11-21 16:48:05.836000`.
    public static func string(millis: Int64, timeZone: TimeZone) -> String {
        string(micros: millis.multipliedReportingOverflow(by: 1000).overflow ? .max : millis * 1000,
               timeZone: timeZone)
    }

    private static func floorDivMod(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        var q = a / b, r = a % b
        if r < 0 { q -= 1; r += b }
        return (q, r)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Howard Hinnant's days-from-civil inverse (proleptic Gregorian calendar).
    private static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `a ** b` for doubles (C `pow`).
func power(_ a: Double, _ b: Double) -> Double { pow(a, b) }
/// Natural logarithm, for `math.log`.
func naturalLog(_ a: Double) -> Double { log(a) }

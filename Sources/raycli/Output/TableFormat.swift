import Foundation

/// The tabulate arguments that set `ray list` and `ray summary` tables apart, for `TableRenderer`.
///
/// Guarantees:
/// - `.list` is `tabulate(showindex=True, tablefmt="plain", floatfmt=".3f")` (numbers
///   decimal-aligned) with swiftray's rule that numeric texts are ids; `.summary(style)` is
///   `tabulate(showindex=True, tablefmt=style, numalign="left")` with the default `floatfmt="g"`.
/// - Each field changes only what its doc says; the rest of the layout is `TableRenderer`'s.
public struct TableFormat: Sendable, Hashable {
    /// tabulate's `tablefmt`.
    public enum Style: Sendable, Hashable {
        /// No rules.
        case plain
        /// A line of dashes (one run per column, column-wide) under the header, or above and
        /// below the rows when there is no header.
        case simple
    }

    /// tabulate's `numalign`.
    public enum NumberAlignment: Sendable, Hashable {
        /// Right-aligned, floats lined up on the point; cells are not stripped.
        case decimal
        /// Left-aligned like texts, cells stripped of surrounding whitespace.
        case left
    }

    /// tabulate's `floatfmt`: how the cells of a float column print.
    public enum FloatFormat: Sendable, Hashable {
        /// Python `format(x, ".3f")`.
        case fixed3
        /// Python `format(x, "g")`: six significant digits, trailing zeros dropped.
        case general

        public func format(_ d: Double) -> String {
            if d.isNaN { return "nan" }
            if d.isInfinite { return d > 0 ? "inf" : "-inf" }
            switch self {
            case .fixed3: return String(format: "%.3f", d)
            case .general: return String(format: "%g", d)
            }
        }
    }

    /// How texts that Python's `int()`/`float()` accept take part in a column's type.
    public enum NumericTexts: Sendable, Hashable {
        /// swiftray deviation (DESIGN §8): they are ids — they make the column numeric (aligned
        /// as ints) but always print as they are, never reformatted nor decimal-aligned.
        case identifiers
        /// tabulate's own rule: int texts are ints, float texts (with only `inf`, `-inf`, `nan`
        /// among the special spellings) are floats and print with the float format.
        case numbers
    }

    public var showIndex: Bool
    public var style: Style
    public var numberAlignment: NumberAlignment
    public var floatFormat: FloatFormat
    public var numericTexts: NumericTexts

    public init(showIndex: Bool = true, style: Style = .plain, numberAlignment: NumberAlignment = .decimal,
                floatFormat: FloatFormat = .fixed3, numericTexts: NumericTexts = .identifiers) {
        self.showIndex = showIndex
        self.style = style
        self.numberAlignment = numberAlignment
        self.floatFormat = floatFormat
        self.numericTexts = numericTexts
    }

    /// The `ray list` tables.
    public static func list(showIndex: Bool = true) -> TableFormat { TableFormat(showIndex: showIndex) }

    /// The `ray summary` tables.
    public static func summary(_ style: Style) -> TableFormat {
        TableFormat(style: style, numberAlignment: .left, floatFormat: .general, numericTexts: .numbers)
    }
}

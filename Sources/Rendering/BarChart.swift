/// Horizontal bars for a terminal, drawn with `█` and the eighth blocks `▏▎▍▌▋▊▉`, so a bar
/// can end at an eighth of a column: 7.50 against a largest 7.50 over 12 columns is
/// `████████████`, 2.34 is `███▋` (3.74 columns).
///
/// Why eighths: with whole blocks only, 0.97 and 0.68 in a 12-column bar would both be one
/// block; eighths tell them apart at any width. Lengths are computed in integers (128-bit
/// intermediates), so the same values always draw the same bar on every machine.
///
/// Rules: a bar is `magnitude ÷ largest` of `width` columns, rounded half up to the nearest
/// eighth; zero draws nothing; any non-zero value draws at least `▏`, so a tiny figure is never
/// mistaken for zero; a value above `largest` is drawn full. The result is at most `width`
/// columns (each block character is one column wide, as `EastAsianWidth` measures it).
public struct BarChart: Sendable, Hashable {
    /// The most columns a bar takes; values below 1 draw nothing, values above
    /// `widestBar` count as `widestBar` (so no width can overflow the arithmetic).
    public var width: Int

    /// The widest bar ever drawn, in columns: far wider than any terminal.
    public static let widestBar = 1 << 16

    /// `▏` (one eighth) … `▉` (seven eighths).
    public static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    /// A whole column.
    public static let full: Character = "█"

    public init(width: Int) {
        self.width = width
    }

    /// The bar for `magnitude` when the longest bar stands for `largest` (both ≥ 0; negative
    /// inputs count by their absolute value).
    public func bar(_ magnitude: Int64, largest: Int64) -> String {
        let value = magnitude.magnitude
        let top = largest.magnitude
        guard width > 0, value > 0, top > 0 else { return "" }
        let columns = min(width, Self.widestBar)
        let total = UInt64(columns) * 8
        let units: UInt64
        if value >= top {
            units = total
        } else {
            // round(value × total ÷ top), half up: (2 × value × total + top) ÷ (2 × top).
            let product = value.multipliedFullWidth(by: total * 2)
            let (low, carry) = product.low.addingReportingOverflow(top)
            let high = product.high &+ (carry ? 1 : 0)
            let twoTop = top.multipliedFullWidth(by: 2)
            if twoTop.high != 0 {
                // top ≥ 2⁶³: halve everything first; precision far beyond an eighth remains.
                return BarChart(width: columns).bar(Int64(max(1, value >> 1)), largest: Int64(top >> 1))
            }
            units = twoTop.low.dividingFullWidth((high: high, low: low)).quotient
        }
        let eighthsCount = max(1, min(total, units))
        var text = String(repeating: Self.full, count: Int(eighthsCount / 8))
        let rest = Int(eighthsCount % 8)
        if rest > 0 { text.append(Self.eighths[rest - 1]) }
        return text
    }
}

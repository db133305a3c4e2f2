/// An exact quotient, kept as a fraction until it is printed.
///
/// Derived shares (`project_share` = 875.26 / 1271.25 × 100) are computed from amounts and
/// rounded half-up only when printed, as METRICS.md asks; comparisons use cross-multiplication
/// in 128 bits, so ranking never depends on rounding.
public struct Ratio: Hashable, Sendable, Comparable {
    public let numerator: Int64
    public let denominator: Int64

    /// nil when the denominator is zero: a share of nothing is not disclosed, not 0.
    public init?(_ numerator: Int64, _ denominator: Int64) {
        guard denominator != 0 else { return nil }
        if denominator < 0 {
            guard numerator != .min, denominator != .min else { return nil }
            self.numerator = -numerator
            self.denominator = -denominator
        } else {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    /// `part / whole × 100`, nil when `whole` is zero.
    public static func percent(_ part: Amount, of whole: Amount) -> Ratio? {
        let (n, o) = part.fen.multipliedReportingOverflow(by: 100)
        guard !o else { return nil }
        return Ratio(n, whole.fen)
    }

    /// The value rounded half away from zero to `decimals` places, as an integer with
    /// `decimals` implied decimals; nil if it does not fit in 64 bits.
    public func scaled(to decimals: Int) -> Int64? {
        var factor: Int64 = 1
        for _ in 0..<decimals {
            let (f, o) = factor.multipliedReportingOverflow(by: 10)
            if o { return nil }
            factor = f
        }
        let negative = numerator < 0
        let n = numerator.magnitude
        let d = denominator.magnitude
        // (n × factor × 2 + d) / (2d): half-up on the magnitude, 128-bit intermediate.
        let wide = n.multipliedFullWidth(by: factor.magnitude)
        let doubled = (high: (wide.high << 1) | (wide.low >> 63), low: wide.low << 1)
        let (low, carry) = doubled.low.addingReportingOverflow(d)
        let high = doubled.high &+ (carry ? 1 : 0)
        let twoD = d.multipliedFullWidth(by: 2)
        guard twoD.high == 0, high < twoD.low else { return nil }
        let (q, _) = twoD.low.dividingFullWidth((high: high, low: low))
        guard q <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(q) : Int64(q)
    }

    /// The value rounded outward (toward −∞ when `up` is false, +∞ when true) to `decimals`
    /// places: the bounds of an interval stay bounds once printed (68.8497 → `68.849`).
    ///
    /// Computed in 128 bits, so every ratio of two 64-bit amounts prints, however large
    /// (`9000000000000 万元` of `0.01 元` is a share of 9 × 10²⁰ %); empty only for more than 18
    /// decimals.
    public func formatted(decimals: Int, roundingUp up: Bool) -> String {
        guard let factor = Self.powerOfTen(decimals) else { return "" }
        let n = UInt128(numerator.magnitude) * factor
        let d = UInt128(denominator.magnitude)
        var q = n / d
        let negative = numerator < 0
        // Truncation went toward zero; move outward where needed.
        if n % d != 0 && negative != up { q += 1 }
        return formatFixed(magnitude: q, negative: negative, scale: decimals)
    }

    /// `68.85` for 875.26 / 1271.25 × 100 at two decimals: rounded half away from zero, in 128
    /// bits (so a share too large for `scaled(to:)` still prints); empty only for more than 18
    /// decimals.
    public func formatted(decimals: Int) -> String {
        guard let factor = Self.powerOfTen(decimals) else { return "" }
        let n = UInt128(numerator.magnitude) * factor
        let d = UInt128(denominator.magnitude)
        // (2n + d) / 2d: half-up on the magnitude. n < 2⁶³ × 10¹⁸ < 2¹²³, so 2n + d fits.
        let q = (2 * n + d) / (2 * d)
        return formatFixed(magnitude: q, negative: numerator < 0, scale: decimals)
    }

    /// 10^`decimals` for 0 … 18 decimals; nil otherwise.
    static func powerOfTen(_ decimals: Int) -> UInt128? {
        guard decimals >= 0, decimals <= 18 else { return nil }
        var factor: UInt128 = 1
        for _ in 0..<decimals { factor *= 10 }
        return factor
    }

    public static func < (a: Ratio, b: Ratio) -> Bool {
        // a.n / a.d < b.n / b.d with positive denominators ⇔ a.n × b.d < b.n × a.d
        let l = a.numerator.multipliedFullWidth(by: b.denominator)
        let r = b.numerator.multipliedFullWidth(by: a.denominator)
        return (l.high, l.low) < (r.high, r.low)
    }

    public static func == (a: Ratio, b: Ratio) -> Bool {
        !(a < b) && !(b < a)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(scaled(to: 9))
    }
}

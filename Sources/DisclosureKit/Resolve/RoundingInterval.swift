/// The interval a stated, rounded figure stands for: `0.82` means 0.815 … 0.825.
///
/// METRICS.md: every amount is rounded to its last written decimal, so a check (parts add
/// up, a stated share equals the computed one) fails only when the stated result lies
/// outside the interval implied by its inputs.
public struct RoundingInterval: Sendable, Hashable {
    /// Bounds in 分 (for amounts).
    public let lower: Int64
    public let upper: Int64

    /// The interval of an observation's amount: ± half a unit of the last written decimal;
    /// nil for a percentage and for an amount within half a unit of the 64-bit limits
    /// (`9223372036854.775807 万元` parses, but its interval does not fit).
    ///
    /// Borrowed, not taken: an initializer's argument is otherwise a copy, and copying a statement
    /// retains its four strings (the checks take the interval of statements in an array).
    public init?(_ o: borrowing Observation) {
        self.init(amount: o.amount, unit: o.unit, scale: o.stated.scale)
    }

    /// `init(_:)` of the statement at `position`, read field by field: handing over
    /// `observations[position]` whole made a copy of it, which retained its strings.
    init?(_ observations: [Observation], at position: Int) {
        self.init(amount: observations[position].amount, unit: observations[position].unit,
                  scale: observations[position].stated.scale)
    }

    /// The interval of an amount written with `scale` decimals in `unit`; nil as `init(_:)`.
    init?(amount: Amount?, unit: AmountUnit?, scale: Int) {
        guard let amount, let unit else { return nil }
        let half = Self.halfUnit(scale: scale, unit: unit)
        let (low, underflow) = amount.fen.subtractingReportingOverflow(half)
        let (high, overflow) = amount.fen.addingReportingOverflow(half)
        guard !underflow, !overflow else { return nil }
        lower = low
        upper = high
    }

    public init(lower: Int64, upper: Int64) {
        self.lower = lower
        self.upper = upper
    }

    /// Half a unit of the last decimal, in 分: 5000 for `0.82 万元`, 50 for `9700 元`.
    ///
    /// Amounts in 万元 are kept to 0.01 万元 by the template, and authors drop trailing zeros
    /// (`2.5`, `146`, `0`): such a figure stands for 2.50, 146.00, 0.00, so its precision is at
    /// least two decimals. Amounts in 元 keep their written precision.
    public static func halfUnit(scale: Int, unit: AmountUnit) -> Int64 {
        var unitFen = unit.fen
        let decimals = unit == .wanYuan ? max(scale, 2) : scale
        for _ in 0..<min(decimals, 12) { unitFen /= 10 }
        return max(unitFen / 2, 0)
    }

    public func contains(_ fen: Int64) -> Bool { fen >= lower && fen <= upper }

    /// Whether two intervals share more than an end point: a stated `0.82` is
    /// [0.815, 0.825) under half-up rounding, so touching intervals do not agree.
    public func overlaps(_ other: RoundingInterval) -> Bool {
        if lower == upper || other.lower == other.upper {
            return lower <= other.upper && other.lower <= upper
        }
        return lower < other.upper && other.lower < upper
    }

    /// The interval of a sum; nil on overflow. Of any sequence: the checks sum the intervals
    /// they hold without gathering them into an array first.
    public static func sum(_ parts: some Sequence<RoundingInterval>) -> RoundingInterval? {
        var total = RoundingInterval(lower: 0, upper: 0)
        for p in parts {
            guard let s = total.adding(p) else { return nil }
            total = s
        }
        return total
    }

    /// The interval of `self + other`; nil on overflow.
    func adding(_ other: RoundingInterval) -> RoundingInterval? {
        let (l, o1) = lower.addingReportingOverflow(other.lower)
        let (h, o2) = upper.addingReportingOverflow(other.upper)
        return o1 || o2 ? nil : RoundingInterval(lower: l, upper: h)
    }

    /// Whether a stated percentage `stated` (with its own rounding) can be `part / whole × 100`.
    public static func shareHolds(stated: FixedDecimal, part: RoundingInterval, whole: RoundingInterval) -> Bool {
        guard whole.lower > 0 || whole.upper < 0 else { return true }
        let partLow = max(part.lower, 0)
        guard let minShare = Ratio.percentFen(partLow, of: whole.upper),
              let maxShare = Ratio.percentFen(part.upper, of: whole.lower) else { return true }
        // Stated interval: stated ± half unit, as a ratio with denominator 10^(scale+1).
        var denom: Int64 = 10
        for _ in 0..<min(stated.scale, 12) { denom *= 10 }
        let (m, o) = stated.mantissa.multipliedReportingOverflow(by: 10)
        let (mLow, o1) = m.subtractingReportingOverflow(5)
        let (mHigh, o2) = m.addingReportingOverflow(5)
        guard !o, !o1, !o2, let lowStated = Ratio(mLow, denom), let highStated = Ratio(mHigh, denom) else { return true }
        // Half-up rounding: the stated value covers [low, high). Exact inputs give a point,
        // which may sit on `low` (12.625 → 12.63); rounded inputs give an open range, which
        // must reach into the stated interval, not merely touch it.
        if minShare == maxShare { return !(minShare < lowStated) && minShare < highStated }
        return lowStated < maxShare && minShare < highStated
    }
}

extension Ratio {
    /// `part / whole × 100` for amounts in 分.
    static func percentFen(_ part: Int64, of whole: Int64) -> Ratio? {
        let (n, o) = part.multipliedReportingOverflow(by: 100)
        guard !o else { return nil }
        return Ratio(n, whole)
    }
}

import DisclosureKit

extension FigureValue {
    /// The absolute value in millionths of its unit (万元 or percentage points), saturating at
    /// `Int64.max`: 7.50 万元 → 7_500_000, 68.85 % → 68_849_… .
    ///
    /// Why: a bar's length is value ÷ the table's largest value, and amounts (exact 分, which
    /// are millionths of 万元) and exact fractions need one integer scale to be divided in; six
    /// decimals are far finer than an eighth of a terminal column. Only bars use this; ranking
    /// compares the exact values.
    public var magnitude: Int64 {
        switch self {
        case .amount(let amount):
            return amount.fen == .min ? .max : abs(amount.fen)
        case .percent(let ratio):
            guard let scaled = ratio.scaled(to: 6) else { return .max }
            return scaled == .min ? .max : abs(scaled)
        }
    }
}

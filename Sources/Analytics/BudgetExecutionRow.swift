import DisclosureKit

/// One bureau-year in a budget-against-final table: the budgeted amount, the final amount and
/// how much of the budget was spent.
///
/// `甲市工业和信息化局 2024, “三公”经费合计: budget 3.77, final 0.97, execution 25.73 %`
/// (0.97 ÷ 3.77 × 100, kept as the exact fraction 97/377 × 100).
public struct BudgetExecutionRow: Sendable {
    public let pair: BudgetFinalPair
    /// The figure in the budget report.
    public let budget: CompactFigure
    /// The figure in the final accounts.
    public let final: CompactFigure

    public init(pair: BudgetFinalPair, budget: CompactFigure, final: CompactFigure) {
        self.pair = pair
        self.budget = budget
        self.final = final
    }

    /// final ÷ budget × 100, exact; nil when either is undisclosed or the budget is zero
    /// (spending against a zero budget has no rate, and is not 0 %).
    public var execution: Ratio? {
        guard case .amount(let b)? = budget.value, case .amount(let f)? = final.value else { return nil }
        return Ratio.percent(f, of: b)
    }

    /// Whether both reports disclose the figure, so the row compares something.
    public var isComplete: Bool { budget.isDisclosed && final.isDisclosed }
}

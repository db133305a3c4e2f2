import Analytics
import DisclosureKit
import Rendering

extension BudgetExecution {
    /// One budget-against-final table for a terminal:
    ///
    /// ```
    /// 部门                  地区    年度  预算  决算  执行率%
    /// 甲市工业和信息化局  甲市  2024  3.77  0.97    25.73
    /// ```
    ///
    /// `—` where a report does not disclose the figure or the budget is zero (no rate).
    func textTable(_ labels: ComparisonLabels) -> TextTable {
        let titles = labels.budgetColumns
        let rows = self.rows.map { row -> [String] in
            [
                row.pair.bureau.name,
                row.pair.final.region,
                String(row.pair.fiscalYear),
                Self.cell(row.budget.formattedValue),
                Self.cell(row.final.formattedValue),
                row.execution.map { $0.formatted(decimals: 2) } ?? "—",
            ]
        }
        return TextTable(columns: [
            .init(titles.bureau),
            .init(titles.region),
            .init(titles.year, alignment: .right),
            .init(titles.budget, alignment: .right),
            .init(titles.final, alignment: .right),
            .init(titles.execution, alignment: .right),
        ], rows: rows)
    }

    /// A value, or `—` when there is none.
    static func cell(_ value: String) -> String { value.isEmpty ? "—" : value }
}

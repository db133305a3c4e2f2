import DisclosureKit

/// Budget against final accounts for one amount, one row per bureau-year that has both a
/// budget and a final report.
///
/// For the datasets, `BudgetExecution(metric: .sangongTotal, pairs:)` has one row:
/// 甲市工业和信息化局 2024, budget 3.77 万元, final 0.97 万元, execution 25.73 %. The two
/// reports cover different scopes (the budget the department's 4 units, the final accounts
/// the bureau's own unit), which `BudgetFinalPair.scopesDiffer` flags and the comparison's
/// notes say.
public struct BudgetExecution: Sendable {
    public let metric: MetricID
    /// In bureau, then year order.
    public let rows: [BudgetExecutionRow]

    public init(metric: MetricID, rows: [BudgetExecutionRow]) {
        self.metric = metric
        self.rows = rows
    }

    /// The rows of `metric` for `pairs`.
    public init(metric: MetricID, pairs: [BudgetFinalPair]) {
        self.init(metric: metric, rows: pairs.map { pair in
            BudgetExecutionRow(pair: pair, budget: pair.budget[metric], final: pair.final[metric])
        })
    }

    /// The tables for `metrics` (amounts only), leaving out a metric that no pair discloses in
    /// both its reports: a table of dashes compares nothing (授予中小企业合同金额 is never in
    /// a budget report).
    public static func tables(for metrics: [MetricID], pairs: [BudgetFinalPair]) -> [BudgetExecution] {
        metrics.filter { $0.metric.unit == .wanYuan }
            .map { BudgetExecution(metric: $0, pairs: pairs) }
            .filter { $0.rows.contains(where: \.isComplete) }
    }
}

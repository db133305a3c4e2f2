import DisclosureKit

/// One ranked table: a metric, the figures shown beside it, and every compared report
/// ranked by it, with the notes that belong under it.
///
/// For `project_share` on the datasets: 丙市 87.61, 乙市 72.54, 丁区 68.85,
/// 甲市 52.31, each beside its 项目支出 and 本年支出合计.
public struct MetricTable: Sendable {
    public let metric: MetricID
    public let context: [MetricID]
    public let order: RankOrder
    /// Ranked entries first (in order), then the undisclosed ones.
    public let entries: [RankedEntry]

    public init(metric: MetricID, context: [MetricID], order: RankOrder, entries: [RankedEntry]) {
        self.metric = metric
        self.context = context
        self.order = order
        self.entries = entries
    }

    /// Ranks `reports` by `metric`, with `MetricContext.figures(for:)` beside it.
    public init(metric: MetricID, reports: [AlignedReport], order: RankOrder) {
        let context = MetricContext.figures(for: metric)
        self.init(metric: metric, context: context, order: order,
                  entries: Ranking.rank(reports, by: metric, order: order, context: context))
    }

    /// The entries without a value, listed last.
    public var notDisclosed: [RankedEntry] { entries.filter { !$0.isDisclosed } }

    /// The largest magnitude among the values (0 when none): bars are scaled to it, so the
    /// longest bar in each table is full width and zero draws none.
    public var largestMagnitude: Int64 {
        entries.compactMap { $0.value?.magnitude }.max() ?? 0
    }

    /// What must be said under the table: which reports do not disclose the figure.
    public var notes: [ComparisonNote] {
        let missing = notDisclosed
        guard !missing.isEmpty else { return [] }
        return [.notDisclosed(metric: metric, bureaus: missing.map(\.report.bureau.name))]
    }
}

import DisclosureKit

/// One row of a ranked table: a report, its rank, its value and the figures shown beside it.
///
/// `rank 1 · 丙市工业和信息化局 · 2024 · final · 7.50 万元`, with 因公出国（境）费 0.00,
/// 公务用车 7.50, 公务接待费 0.00 and the execution rate 100.00 as context. A report that
/// does not disclose the figure has no rank (`rank == nil`): it is listed last and shown
/// as `—` / 未公开, never as 0.
///
/// Why the figures are looked up rather than stored: a comparison has one entry per report in
/// every table; storing each entry's value and context figures would copy them per table, while
/// the report already holds them.
public struct RankedEntry: Sendable {
    /// 1-based competition rank (ties share it: 1, 2, 2, 4); nil when not disclosed.
    public let rank: Int?
    public let report: AlignedReport
    /// The metric ranked on.
    public let metric: MetricID
    /// The metrics shown beside it, in the table's context order.
    public let contextMetrics: [MetricID]

    public init(rank: Int?, report: AlignedReport, metric: MetricID, context: [MetricID]) {
        self.rank = rank
        self.report = report
        self.metric = metric
        self.contextMetrics = context
    }

    /// The figure ranked on, with where it was read.
    public var figure: CompactFigure { report[metric] }
    /// The context figures, in the table's context order.
    public var context: [CompactFigure] { contextMetrics.map { report[$0] } }

    public var value: FigureValue? { figure.value }
    public var isDisclosed: Bool { figure.value != nil }
}

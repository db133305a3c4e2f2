import DisclosureKit

/// One row of a ranked table: a report, its rank, its value and the figures shown beside it.
///
/// `rank 1 · 丙市工业和信息化局 · 2024 · final · 7.50 万元`, with 因公出国（境）费 0.00,
/// 公务用车 7.50, 公务接待费 0.00 and the execution rate 100.00 as context. A report that
/// does not disclose the figure has no rank (`rank == nil`): it is listed last and shown
/// as `—` / 未公开, never as 0.
public struct RankedEntry: Sendable {
    /// 1-based competition rank (ties share it: 1, 2, 2, 4); nil when not disclosed.
    public let rank: Int?
    public let report: AlignedReport
    /// The figure ranked on, with its provenance.
    public let figure: Figure
    /// The context figures, in the table's context order.
    public let context: [Figure]

    public init(rank: Int?, report: AlignedReport, figure: Figure, context: [Figure]) {
        self.rank = rank
        self.report = report
        self.figure = figure
        self.context = context
    }

    public var value: FigureValue? { figure.value }
    public var isDisclosed: Bool { figure.value != nil }
}

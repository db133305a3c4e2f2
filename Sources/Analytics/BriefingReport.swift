import DisclosureKit

/// One report as a briefing presents it: its figures with their sources, the changes against
/// the previous year it states, and its audit summary.
///
/// `甲市工业和信息化局 2024 决算`: all 22 catalog figures disclosed, each with its lines;
/// 公务接待费 减少 0.01 万元 / 下降 1.02 % (line 287) and 机关运行经费 增加 55.79 万元 /
/// 增长 81.24 % (line 301); 3 findings, completeness 72.
public struct BriefingReport: Sendable {
    public let report: AlignedReport
    /// One per `YearOnYear.metrics`, in that order, stated or not.
    public let changes: [YearOnYear]
    /// The disclosed figures, in catalog order.
    public let sources: [BriefingSource]
    public let audit: AuditSummary
    /// The sentence each figure was read from, for the figures that have one (a share the
    /// report states but that cannot be computed has a sentence and no value).
    public let sourceTexts: [MetricID: String]

    /// `report` as a briefing presents it; `extracted` is its whole extraction, from which the
    /// stated changes, the sentences and the audit are taken (the compact `report` has none).
    public init(_ report: AlignedReport, extracted: ExtractedReport) {
        self.report = report
        changes = YearOnYear.metrics.map { YearOnYear(extracted, metric: $0) }
        sources = MetricID.allCases.compactMap { BriefingSource(report: report, metric: $0) }
        audit = AuditSummary(extracted)
        var texts: [MetricID: String] = [:]
        for metric in MetricID.allCases {
            if let snippet = extracted[metric].source?.snippet { texts[metric] = snippet }
        }
        sourceTexts = texts
    }

    /// The stated change of `metric` (an unstated one when it is not a year-on-year metric).
    public func change(_ metric: MetricID) -> YearOnYear {
        changes.first { $0.metric == metric } ?? YearOnYear(metric: metric, amountStatement: nil, percentStatement: nil)
    }
}

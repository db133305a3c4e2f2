import DisclosureKit

/// Where one figure of a briefing comes from: the document, the lines and the sentence.
///
/// `丙市工业和信息化局 2024 决算 · 项目支出占比 87.61 — city-c-2024-final.txt, lines 324, 326`:
/// a derived share names the lines of both amounts it is computed from; a total summed from
/// its parts names the parts' lines.
///
/// Why: every number in a briefing must be traceable to the text it was read from, and a
/// share has no line of its own — its amounts do.
public struct BriefingSource: Sendable {
    public let report: AlignedReport
    public let figure: CompactFigure
    /// The original file's lines the figure rests on, ascending, without repeats.
    public let lines: [Int]

    public init(report: AlignedReport, figure: CompactFigure, lines: [Int]) {
        self.report = report
        self.figure = figure
        self.lines = lines
    }

    /// The source of `report`'s figure for `metric`; nil when the report does not disclose it.
    public init?(report: AlignedReport, metric: MetricID) {
        let figure = report[metric]
        guard figure.isDisclosed else { return nil }
        var lines = Set<Int>()
        if let line = figure.source?.line { lines.insert(line) }
        for input in Self.inputs(of: metric) {
            if let line = report[input].source?.line { lines.insert(line) }
        }
        if figure.flags.contains(.summedFromParts) {
            for relation in Relation.all where relation.total == metric {
                for part in relation.parts {
                    if let line = report[part].source?.line { lines.insert(line) }
                }
            }
        }
        self.init(report: report, figure: figure, lines: lines.sorted())
    }

    public var metric: MetricID { figure.metric }

    /// The amounts a derived figure is computed from (METRICS.md), none for a reported one:
    /// `project_share` → 项目支出, 本年支出合计.
    public static func inputs(of metric: MetricID) -> [MetricID] {
        switch metric {
        case .projectShare: return [.projectExpenditure, .totalExpenditure]
        case .procurementSMEShare: return [.procurementSME, .procurementTotal]
        case .sangongExecution: return [.sangongTotal, .sangongBudget]
        case .sangongIntensity: return [.sangongTotal, .totalExpenditure]
        case .adminCostIntensity: return [.adminOperatingCost, .totalExpenditure]
        default: return []
        }
    }
}

import DisclosureKit

/// A metric family as a briefing ranks and charts it: “三公”经费, 机关运行经费, 支出, 政府采购,
/// each with the figures ranked under it.
///
/// `BriefingFamily.all[2]` is 支出 (`expenditure`): 本年支出合计, 基本支出, 项目支出 and
/// 项目支出占比 — the amounts and the share a reader compares bureaus on.
///
/// Why families: leadership reads a briefing by subject (what did 三公 cost, how is spending
/// split), so ranked tables and the chart of a subject stand together; amounts and shares of
/// one family share a chart, each figure in its own panel with its own scale.
public struct BriefingFamily: Sendable, Hashable {
    public let family: Metric.Family
    /// The figures ranked and charted, in the order shown.
    public let metrics: [MetricID]

    public init(family: Metric.Family, metrics: [MetricID]) {
        self.family = family
        self.metrics = metrics
    }

    /// The four families in the template's order.
    public static let all: [BriefingFamily] = [
        BriefingFamily(family: .sangong, metrics: [
            .sangongTotal, .sangongOutbound, .sangongVehicle, .sangongReception, .sangongExecution, .sangongIntensity,
        ]),
        BriefingFamily(family: .admin, metrics: [.adminOperatingCost, .adminCostIntensity]),
        BriefingFamily(family: .expenditure, metrics: [.totalExpenditure, .basicExpenditure, .projectExpenditure, .projectShare]),
        BriefingFamily(family: .procurement, metrics: [.procurementTotal, .procurementSME, .procurementSMEShare]),
    ]

    /// `“三公”经费`, `机关运行经费`, `支出`, `政府采购`; English names for `--lang en`.
    public func name(_ language: Language) -> String {
        switch (family, language) {
        case (.sangong, .zh): return "“三公”经费"
        case (.admin, .zh): return "机关运行经费"
        case (.expenditure, .zh): return "支出"
        case (.procurement, .zh): return "政府采购"
        case (.sangong, .en): return "Three public expenses"
        case (.admin, .en): return "Administrative operating costs"
        case (.expenditure, .en): return "Expenditure"
        case (.procurement, .en): return "Government procurement"
        }
    }
}

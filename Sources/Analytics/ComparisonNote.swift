import DisclosureKit

/// A sentence printed under the tables, as a value: what a reader must know to read them.
///
/// - `notLikeForLike`: the compared reports span years (2020, 2023, 2024), scopes (本级 and
///   部门) or kinds, so amounts are not like for like and the shares and intensities are
///   the figures to compare;
/// - `notDisclosed`: who does not disclose a table's figure (listed last as — / 未公开);
/// - `scopesDiffer`: a budget and the final accounts it is set against cover different units
///   (`city-a-2024-budget.txt` 4 units, `city-a-2024-final.txt` 1);
/// - `nothingCompared`: the selection left no report.
///
/// The command layer prints `text(_:)` under tables, or to stderr for data formats, and
/// writes `code` and the text into comparison.json.
public enum ComparisonNote: Sendable, Hashable {
    case notLikeForLike(years: [Int], scopes: [ReportScope], kinds: [ReportKind])
    case notDisclosed(metric: MetricID, bureaus: [String])
    case scopesDiffer(ScopeDifference)
    case nothingCompared(year: Int?, kinds: ReportSelection.Kinds)

    /// The two sides of a budget-against-final pair whose scopes differ.
    public struct ScopeDifference: Sendable, Hashable {
        public let bureau: String
        public let fiscalYear: Int
        public let budgetDocument: String
        public let budgetScope: ReportScope?
        public let budgetUnits: Int?
        public let finalDocument: String
        public let finalScope: ReportScope?
        public let finalUnits: Int?

        public init(_ pair: BudgetFinalPair) {
            bureau = pair.bureau.name
            fiscalYear = pair.fiscalYear
            budgetDocument = pair.budget.document
            budgetScope = pair.budget.scope
            budgetUnits = pair.budget.unitCount
            finalDocument = pair.final.document
            finalScope = pair.final.scope
            finalUnits = pair.final.unitCount
        }
    }

    /// The figures that stay comparable across years and scopes: shares and intensities.
    public static let comparableMetrics: [MetricID] = [.projectShare, .procurementSMEShare, .sangongIntensity, .adminCostIntensity]

    /// A stable code for machine readers.
    public var code: String {
        switch self {
        case .notLikeForLike: return "not_like_for_like"
        case .notDisclosed: return "not_disclosed"
        case .scopesDiffer: return "budget_final_scopes_differ"
        case .nothingCompared: return "nothing_compared"
        }
    }

    /// The note in `language`, one paragraph without a line break.
    public func text(_ language: Language) -> String {
        switch self {
        case .notLikeForLike(let years, let scopes, let kinds):
            return Self.notLikeForLikeText(years: years, scopes: scopes, kinds: kinds, language)
        case .notDisclosed(let metric, let bureaus):
            switch language {
            case .zh:
                return "— 未公开：\(bureaus.joined(separator: "、"))未披露\(metric.metric.chinese)，列于末尾，不参与排名（未公开不等于 0）。"
            case .en:
                return "— not disclosed (未公开): \(bureaus.joined(separator: ", ")) \(bureaus.count == 1 ? "does" : "do") not disclose \(metric.metric.english); listed last, unranked (not disclosed is not zero)."
            }
        case .scopesDiffer(let d):
            switch language {
            case .zh:
                return "注：\(d.bureau) \(d.fiscalYear) 年预算（\(d.budgetDocument)）为\(Self.scopeText(d.budgetScope, units: d.budgetUnits, .zh))；决算（\(d.finalDocument)）为\(Self.scopeText(d.finalScope, units: d.finalUnits, .zh))。两者范围不同，执行率不是同口径的比较。"
            case .en:
                return "Note: \(d.bureau) \(d.fiscalYear): the budget (\(d.budgetDocument)) covers \(Self.scopeText(d.budgetScope, units: d.budgetUnits, .en)); the final accounts (\(d.finalDocument)) cover \(Self.scopeText(d.finalScope, units: d.finalUnits, .en)). The scopes differ, so the execution rates are not like for like."
            }
        case .nothingCompared(let year, let kinds):
            let yearText = year.map { String($0) }
            switch language {
            case .zh:
                return "没有可比较的报告（--kind \(kinds.rawValue)\(yearText.map { "，--year \($0)" } ?? "")）。"
            case .en:
                return "No report to compare (--kind \(kinds.rawValue)\(yearText.map { ", --year \($0)" } ?? ""))."
            }
        }
    }

    static func notLikeForLikeText(years: [Int], scopes: [ReportScope], kinds: [ReportKind], _ language: Language) -> String {
        let comparable = comparableMetrics.map { language == .zh ? $0.metric.chinese : $0.metric.english }
        switch language {
        case .zh:
            var parts: [String] = []
            if years.count > 1 { parts.append("分属不同年度（\(years.map(String.init).joined(separator: "、"))）") }
            if scopes.count > 1 { parts.append("口径不同（\(scopes.map { $0 == .unit ? "本级" : "部门" }.joined(separator: "与"))）") }
            if kinds.count > 1 { parts.append("决算与预算并列（预算是计划数，不是支出）") }
            return "注：所比较的报告\(parts.joined(separator: "，"))，金额不是同口径的比较；可比的是占比和强度：\(comparable.joined(separator: "、"))。"
        case .en:
            var parts: [String] = []
            if years.count > 1 { parts.append("fiscal years \(years.map(String.init).joined(separator: ", "))") }
            if scopes.count > 1 { parts.append("scopes \(scopes.map { scopeName($0, .en) }.joined(separator: " and "))") }
            if kinds.count > 1 { parts.append("final accounts and budgets (a budget is a plan, not spending)") }
            return "Note: the compared reports span \(parts.joined(separator: "; ")): amounts are not like for like; shares and intensities are the comparable figures: \(comparable.joined(separator: ", "))."
        }
    }

    /// `单位（本级）`, `部门`; `unit (本级)`, `department (部门)`.
    public static func scopeName(_ scope: ReportScope, _ language: Language) -> String {
        switch (scope, language) {
        case (.unit, .zh): return "单位（本级）"
        case (.department, .zh): return "部门"
        case (.unit, .en): return "unit (本级)"
        case (.department, .en): return "department (部门)"
        }
    }

    /// `部门口径，含 4 家单位`; `the department, 4 units`.
    static func scopeText(_ scope: ReportScope?, units: Int?, _ language: Language) -> String {
        switch language {
        case .zh:
            let name = scope.map { scopeName($0, .zh) + "口径" } ?? "口径未说明"
            return name + (units.map { "，含 \($0) 家单位" } ?? "")
        case .en:
            let name: String
            switch scope {
            case .unit?: name = "the unit itself (本级)"
            case .department?: name = "the department (部门)"
            case nil: name = "an unstated scope"
            }
            return name + (units.map { ", \($0) unit\($0 == 1 ? "" : "s")" } ?? "")
        }
    }
}

import Analytics
import DisclosureKit

/// The words of a comparison's tables in one language: metric names, short column titles,
/// kinds, scopes, headings.
///
/// Why short titles: a context column titled `公务用车购置及运行维护费` (24 columns) would
/// leave no room on a 100-column terminal, so context columns use `用车`, `执行率%`, while the
/// ranked metric's full name heads its table. Stable IDs never change with the language.
struct ComparisonLabels: Sendable {
    let language: Language

    /// `“三公”经费合计` or `Three public expenses, total`.
    func name(_ metric: MetricID) -> String {
        language == .zh ? metric.metric.chinese : metric.metric.english
    }

    /// `万元` or `%`: the unit as the reports write it, in both languages.
    func unit(_ metric: MetricID) -> String { metric.metric.unit.rawValue }

    /// A context column's title: `出国`, `执行率%`; `abroad`, `exec. %`.
    func short(_ metric: MetricID) -> String {
        let (zh, en): (String, String)
        switch metric {
        case .sangongTotal: (zh, en) = ("三公合计", "sangong")
        case .sangongOutbound: (zh, en) = ("出国", "abroad")
        case .sangongVehicle: (zh, en) = ("用车", "vehicles")
        case .sangongVehiclePurchase: (zh, en) = ("购车", "purchase")
        case .sangongVehicleOperation: (zh, en) = ("用车运维", "operation")
        case .sangongReception: (zh, en) = ("接待", "hospitality")
        case .sangongBudget: (zh, en) = ("三公预算", "budget")
        case .adminOperatingCost: (zh, en) = ("机关运行", "operating")
        case .totalExpenditure: (zh, en) = ("支出合计", "expenditure")
        case .basicExpenditure: (zh, en) = ("基本支出", "basic")
        case .projectExpenditure: (zh, en) = ("项目支出", "project")
        case .procurementTotal: (zh, en) = ("采购总额", "procurement")
        case .procurementGoods: (zh, en) = ("货物", "goods")
        case .procurementWorks: (zh, en) = ("工程", "works")
        case .procurementServices: (zh, en) = ("服务", "services")
        case .procurementSME: (zh, en) = ("中小企业", "SME")
        case .procurementSmallMicro: (zh, en) = ("小微企业", "small/micro")
        case .projectShare: (zh, en) = ("项目占比%", "project %")
        case .procurementSMEShare: (zh, en) = ("中小占比%", "SME %")
        case .sangongExecution: (zh, en) = ("执行率%", "exec. %")
        case .sangongIntensity: (zh, en) = ("三公/支出%", "sangong/exp. %")
        case .adminCostIntensity: (zh, en) = ("运行/支出%", "operating/exp. %")
        }
        return language == .zh ? zh : en
    }

    /// `决算` / `final`.
    func kind(_ kind: ReportKind) -> String {
        language == .zh ? kind.chinese : kind.rawValue
    }

    /// `本级` / `部门`, `unit` / `department`; `?` when the report did not say.
    func scope(_ scope: ReportScope?) -> String {
        switch (scope, language) {
        case (.unit?, .zh): return "本级"
        case (.department?, .zh): return "部门"
        case (.unit?, .en): return "unit"
        case (.department?, .en): return "department"
        case (nil, _): return "?"
        }
    }

    /// What an undisclosed figure says where its bar would be.
    var notDisclosed: String { language == .zh ? "未公开" : "not disclosed" }

    /// Titles of the leading columns of a ranked table.
    var rankColumns: (rank: String, bureau: String, region: String, year: String, kind: String, scope: String,
                      completeness: String, value: String) {
        language == .zh
            ? ("名次", "部门", "地区", "年度", "类型", "口径", "完整度", "数值")
            : ("#", "bureau", "region", "year", "kind", "scope", "complete", "value")
    }

    /// `“三公”经费合计（万元） sangong_total · 从大到小`.
    func title(_ table: MetricTable) -> String {
        let order: String
        switch (table.order, language) {
        case (.descending, .zh): order = "从大到小"
        case (.ascending, .zh): order = "从小到大"
        case (.descending, .en): order = "largest first"
        case (.ascending, .en): order = "smallest first"
        }
        return "\(withUnit(table.metric)) \(table.metric.rawValue) · \(order)"
    }

    /// `“三公”经费合计（万元）`, `Project share of expenditure (%)`.
    func withUnit(_ metric: MetricID) -> String {
        language == .zh ? "\(name(metric))（\(unit(metric))）" : "\(name(metric)) (\(unit(metric)))"
    }

    /// `预算与决算：“三公”经费合计（万元）`.
    func budgetTitle(_ table: BudgetExecution) -> String {
        language == .zh
            ? "预算与决算：\(withUnit(table.metric)) \(table.metric.rawValue)"
            : "Budget against final: \(withUnit(table.metric)) \(table.metric.rawValue)"
    }

    /// Titles of a budget-against-final table.
    var budgetColumns: (bureau: String, region: String, year: String, budget: String, final: String, execution: String) {
        language == .zh
            ? ("部门", "地区", "年度", "预算", "决算", "执行率%")
            : ("bureau", "region", "year", "budget", "final", "execution %")
    }

    /// The line above all tables: `4 份报告 · 每个部门最新的决算`.
    func summary(_ comparison: Comparison) -> String {
        let selection = comparison.options.selection
        let count = comparison.reports.count
        switch language {
        case .zh:
            let kinds: String
            switch selection.kinds {
            case .final: kinds = "决算"
            case .budget: kinds = "预算"
            case .all: kinds = "决算和预算"
            }
            let which = selection.year.map { "\($0) 年度的\(kinds)" } ?? "每个部门最新的\(kinds)"
            return "比较 \(count) 份报告 · \(which)"
        case .en:
            let kinds: String
            switch selection.kinds {
            case .final: kinds = "final accounts"
            case .budget: kinds = "budgets"
            case .all: kinds = "final accounts and budgets"
            }
            let which = selection.year.map { "\(kinds) of \($0)" } ?? "each bureau's latest \(kinds)"
            return "Comparing \(count) report\(count == 1 ? "" : "s") · \(which)"
        }
    }
}

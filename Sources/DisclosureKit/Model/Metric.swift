/// One entry of the metric catalog: what a figure is, how it is labelled and printed.
public struct Metric: Sendable, Hashable {
    /// Whether a figure is read from the text or computed from other figures.
    public enum Origin: String, Sendable { case reported, derived }
    /// How a value is expressed.
    public enum Unit: String, Sendable {
        case wanYuan = "万元"
        case percent = "%"
    }
    /// The family a figure belongs to; a family is compared and checked together.
    public enum Family: String, Sendable, CaseIterable {
        case sangong, admin, expenditure, procurement
    }

    public let id: MetricID
    public let chinese: String
    public let english: String
    public let unit: Unit
    public let origin: Origin
    public let family: Family
    /// Decimals when printed: amounts 2, shares 2, 三公 intensity 3 (see docs/decisions.md).
    public let decimals: Int
    public let definition: String
}

extension Metric {
    /// The catalog, in `MetricID.allCases` order.
    public static let catalog: [Metric] = [
        Metric(id: .sangongTotal, chinese: "“三公”经费合计", english: "Three public expenses, total", unit: .wanYuan, origin: .reported, family: .sangong, decimals: 2,
               definition: "因公出国（境）费、公务用车购置及运行维护费、公务接待费之和：决算报告为支出决算数，预算报告为预算数"),
        Metric(id: .sangongOutbound, chinese: "因公出国（境）费", english: "Official travel abroad", unit: .wanYuan, origin: .reported, family: .sangong, decimals: 2,
               definition: "因公出国（境）费"),
        Metric(id: .sangongVehicle, chinese: "公务用车购置及运行维护费", english: "Official vehicles", unit: .wanYuan, origin: .reported, family: .sangong, decimals: 2,
               definition: "公务用车购置费与运行维护费之和"),
        Metric(id: .sangongVehiclePurchase, chinese: "公务用车购置费", english: "Vehicle purchase", unit: .wanYuan, origin: .reported, family: .sangong, decimals: 2,
               definition: "公务用车购置费"),
        Metric(id: .sangongVehicleOperation, chinese: "公务用车运行维护费", english: "Vehicle operation and maintenance", unit: .wanYuan, origin: .reported, family: .sangong, decimals: 2,
               definition: "公务用车运行维护费"),
        Metric(id: .sangongReception, chinese: "公务接待费", english: "Official hospitality", unit: .wanYuan, origin: .reported, family: .sangong, decimals: 2,
               definition: "公务接待费"),
        Metric(id: .sangongBudget, chinese: "“三公”经费全年预算", english: "Three public expenses, full-year budget", unit: .wanYuan, origin: .reported, family: .sangong, decimals: 2,
               definition: "决算报告所述“三公”经费全年预算数（预算报告无此项）"),
        Metric(id: .adminOperatingCost, chinese: "机关运行经费", english: "Administrative operating costs", unit: .wanYuan, origin: .reported, family: .admin, decimals: 2,
               definition: "机关运行经费（亦称机构运行经费）；报告同时给出公用经费与机关运行经费时取后者"),
        Metric(id: .totalExpenditure, chinese: "本年支出合计", english: "Expenditure of the year", unit: .wanYuan, origin: .reported, family: .expenditure, decimals: 2,
               definition: "本年支出合计，不含年末结转和结余（不是支出总计）"),
        Metric(id: .basicExpenditure, chinese: "基本支出", english: "Basic expenditure", unit: .wanYuan, origin: .reported, family: .expenditure, decimals: 2,
               definition: "基本支出（人员经费与公用经费）"),
        Metric(id: .projectExpenditure, chinese: "项目支出", english: "Project expenditure", unit: .wanYuan, origin: .reported, family: .expenditure, decimals: 2,
               definition: "项目支出"),
        Metric(id: .procurementTotal, chinese: "政府采购支出总额", english: "Government procurement, total", unit: .wanYuan, origin: .reported, family: .procurement, decimals: 2,
               definition: "政府采购支出总额（预算报告为预算数）"),
        Metric(id: .procurementGoods, chinese: "政府采购货物支出", english: "Procurement of goods", unit: .wanYuan, origin: .reported, family: .procurement, decimals: 2,
               definition: "政府采购货物支出"),
        Metric(id: .procurementWorks, chinese: "政府采购工程支出", english: "Procurement of works", unit: .wanYuan, origin: .reported, family: .procurement, decimals: 2,
               definition: "政府采购工程支出"),
        Metric(id: .procurementServices, chinese: "政府采购服务支出", english: "Procurement of services", unit: .wanYuan, origin: .reported, family: .procurement, decimals: 2,
               definition: "政府采购服务支出"),
        Metric(id: .procurementSME, chinese: "授予中小企业合同金额", english: "Contracts awarded to SMEs", unit: .wanYuan, origin: .reported, family: .procurement, decimals: 2,
               definition: "政府采购授予中小企业合同金额（仅决算报告）；分项列示时取其和"),
        Metric(id: .procurementSmallMicro, chinese: "授予小微企业合同金额", english: "Contracts awarded to small and micro enterprises", unit: .wanYuan, origin: .reported, family: .procurement, decimals: 2,
               definition: "授予中小企业合同金额中授予小微企业的部分"),
        Metric(id: .projectShare, chinese: "项目支出占比", english: "Project share of expenditure", unit: .percent, origin: .derived, family: .expenditure, decimals: 2,
               definition: "project_expenditure / total_expenditure × 100"),
        Metric(id: .procurementSMEShare, chinese: "中小企业合同占比", english: "SME share of procurement", unit: .percent, origin: .derived, family: .procurement, decimals: 2,
               definition: "procurement_sme / procurement_total × 100"),
        Metric(id: .sangongExecution, chinese: "“三公”经费预算执行率", english: "Three public expenses, budget execution", unit: .percent, origin: .derived, family: .sangong, decimals: 2,
               definition: "sangong_total / sangong_budget × 100（仅决算报告）"),
        Metric(id: .sangongIntensity, chinese: "“三公”经费占支出比", english: "Three public expenses per expenditure", unit: .percent, origin: .derived, family: .sangong, decimals: 3,
               definition: "sangong_total / total_expenditure × 100"),
        Metric(id: .adminCostIntensity, chinese: "机关运行经费占支出比", english: "Operating costs per expenditure", unit: .percent, origin: .derived, family: .admin, decimals: 2,
               definition: "admin_operating_cost / total_expenditure × 100"),
    ]
}

import DisclosureKit

/// Which metrics get a ranked table by default, and which figures stand beside each.
///
/// Why context: a rank alone hides what drives it. The 三公 total is shown with its three
/// parts and the execution rate; a share with the amounts it is computed from
/// (`项目支出占比 87.61` beside 项目支出 4649.76 and 本年支出合计 5307.63), so a reader can see
/// whether a high share comes from a large project budget or a small total.
public enum MetricContext {
    /// The default tables, in this order: 三公 (total, parts, execution rate), 机关运行经费,
    /// 项目支出占比, 中小企业合同 amount and share, then the two intensities.
    public static let defaultRanked: [MetricID] = [
        .sangongTotal, .sangongOutbound, .sangongVehicle, .sangongReception, .sangongExecution,
        .adminOperatingCost,
        .projectShare,
        .procurementSME, .procurementSMEShare,
        .sangongIntensity, .adminCostIntensity,
    ]

    /// The figures shown beside `metric` in its ranked table, for every catalog metric.
    public static func figures(for metric: MetricID) -> [MetricID] {
        switch metric {
        case .sangongTotal: return [.sangongOutbound, .sangongVehicle, .sangongReception, .sangongExecution]
        case .sangongOutbound, .sangongReception: return [.sangongTotal]
        case .sangongVehicle: return [.sangongVehiclePurchase, .sangongVehicleOperation, .sangongTotal]
        case .sangongVehiclePurchase, .sangongVehicleOperation: return [.sangongVehicle]
        case .sangongBudget: return [.sangongTotal, .sangongExecution]
        case .sangongExecution: return [.sangongTotal, .sangongBudget]
        case .adminOperatingCost: return [.totalExpenditure, .adminCostIntensity]
        case .totalExpenditure: return [.basicExpenditure, .projectExpenditure]
        case .basicExpenditure: return [.totalExpenditure]
        case .projectExpenditure: return [.totalExpenditure, .projectShare]
        case .procurementTotal: return [.procurementGoods, .procurementWorks, .procurementServices]
        case .procurementGoods, .procurementWorks, .procurementServices: return [.procurementTotal]
        case .procurementSME: return [.procurementTotal, .procurementSMEShare]
        case .procurementSmallMicro: return [.procurementSME]
        case .projectShare: return [.projectExpenditure, .totalExpenditure]
        case .procurementSMEShare: return [.procurementSME, .procurementTotal]
        case .sangongIntensity: return [.sangongTotal, .totalExpenditure]
        case .adminCostIntensity: return [.adminOperatingCost, .totalExpenditure]
        }
    }

    /// The amounts a budget-against-final table is drawn for when `ranked` are compared:
    /// each ranked amount itself, and for a share or rate the amounts behind it
    /// (`project_share` → 项目支出, 本年支出合计), in catalog order, without repeats.
    /// `sangong_budget` is left out: it is the budget *inside* a final report, not a budget
    /// report's figure.
    public static func budgetAmounts(for ranked: [MetricID]) -> [MetricID] {
        var wanted = Set<MetricID>()
        for metric in ranked {
            if metric.metric.unit == .wanYuan {
                wanted.insert(metric)
            } else {
                wanted.formUnion(figures(for: metric).filter { $0.metric.unit == .wanYuan })
            }
        }
        wanted.remove(.sangongBudget)
        return wanted.sorted()
    }
}

/// The stable ID of a shared figure, as used in CSV, JSON and on the command line.
///
/// The order of the cases is the catalog order of `../shared/METRICS.md`: reported figures
/// first (三公, 机关运行经费, expenditure, procurement), then the derived ones.
public enum MetricID: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case sangongTotal = "sangong_total"
    case sangongOutbound = "sangong_outbound"
    case sangongVehicle = "sangong_vehicle"
    case sangongVehiclePurchase = "sangong_vehicle_purchase"
    case sangongVehicleOperation = "sangong_vehicle_operation"
    case sangongReception = "sangong_reception"
    case sangongBudget = "sangong_budget"
    case adminOperatingCost = "admin_operating_cost"
    case totalExpenditure = "total_expenditure"
    case basicExpenditure = "basic_expenditure"
    case projectExpenditure = "project_expenditure"
    case procurementTotal = "procurement_total"
    case procurementGoods = "procurement_goods"
    case procurementWorks = "procurement_works"
    case procurementServices = "procurement_services"
    case procurementSME = "procurement_sme"
    case procurementSmallMicro = "procurement_small_micro"
    case projectShare = "project_share"
    case procurementSMEShare = "procurement_sme_share"
    case sangongExecution = "sangong_execution"
    case sangongIntensity = "sangong_intensity"
    case adminCostIntensity = "admin_cost_intensity"

    public static func < (a: MetricID, b: MetricID) -> Bool {
        a.catalogIndex < b.catalogIndex
    }

    var catalogIndex: Int { MetricID.allCases.firstIndex(of: self) ?? 0 }

    public var metric: Metric { Metric.catalog[catalogIndex] }
}

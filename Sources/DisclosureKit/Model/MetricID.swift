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

    /// The position in `allCases`. A switch, not `allCases.firstIndex(of:)`: sorting observations
    /// by metric compared through this, and the search compared raw-value strings case by case.
    var catalogIndex: Int {
        switch self {
        case .sangongTotal: 0
        case .sangongOutbound: 1
        case .sangongVehicle: 2
        case .sangongVehiclePurchase: 3
        case .sangongVehicleOperation: 4
        case .sangongReception: 5
        case .sangongBudget: 6
        case .adminOperatingCost: 7
        case .totalExpenditure: 8
        case .basicExpenditure: 9
        case .projectExpenditure: 10
        case .procurementTotal: 11
        case .procurementGoods: 12
        case .procurementWorks: 13
        case .procurementServices: 14
        case .procurementSME: 15
        case .procurementSmallMicro: 16
        case .projectShare: 17
        case .procurementSMEShare: 18
        case .sangongExecution: 19
        case .sangongIntensity: 20
        case .adminCostIntensity: 21
        }
    }

    // Equality and hashing by case. A `String` raw-value enum otherwise takes the standard
    // library's `RawRepresentable` hashing, which hashes the raw string (Unicode-normalized):
    // every `[MetricID: …]` lookup of the resolver and the checks cost a thousand instructions.
    public static func == (a: MetricID, b: MetricID) -> Bool { a.catalogIndex == b.catalogIndex }

    public func hash(into hasher: inout Hasher) { hasher.combine(catalogIndex) }

    public var metric: Metric { Metric.catalog[catalogIndex] }
}

import Testing
@testable import DisclosureKit

/// Reports of other bureaus, regions, years and wordings than the five datasets: the rules are
/// the template's language, so these must read as well as the datasets do.
@Suite("Reports the tool has never seen")
struct UnseenReportTests {
    static let districtFinal = """
    广东省深圳市南山区教育局2022年度部门决算
    第一部分 部门概况
    一、部门职责
    深圳市南山区教育局是南山区人民政府工作部门。
    第二部分 2022年度部门决算情况说明
    三、支出决算情况说明
    2022年度本年支出合计12,345.67万元，其中：基本支出8,000.00万元，占64.80%；项目支出4,345.67万元，占35.20%。
    八、财政拨款“三公”经费支出决算情况说明
    2022年度财政拨款“三公”经费支出决算为12.34万元，完成预算的80.00%，全年预算为15.43万元。其中：因公出国（境）费0万元，公务用车购置及运行维护费10.00万元（其中：公务用车购置费0万元，公务用车运行维护费10.00万元），公务接待费2.34万元。
    十一、机关运行经费支出决算情况说明
    2022年度机关运行经费支出决算数为45.67万元，比上年减少3.21万元，下降6.57%。
    十二、政府采购支出决算情况说明
    2022年度政府采购支出总额1,000.00万元，其中：政府采购货物支出300.00万元、政府采购工程支出200.00万元、政府采购服务支出500.00万元。授予中小企业合同金额800.00万元，占政府采购支出总额的80.00%，其中：授予小微企业合同金额600.00万元，占授予中小企业合同金额的75.00%。
    """

    static let bannerBudget = """
    达拉特旗农牧局
    2023年部门预算公开说明
    一、收支预算总体情况说明
    达拉特旗农牧局2023年收入、支出预算总计5,678.90万元。
    三、支出预算情况说明
    达拉特旗农牧局2023年支出预算合计5,678.90万元，其中：基本支出1,234.56万元，占21.74%；项目支出4,444.34万元，占78.26%。
    七、“三公”经费支出预算情况说明
    达拉特旗农牧局2023年“三公”经费预算数为8.00万元，比上年减少1.00万元。其中：因公出国（境）费0万元；公务用车购置及运行维护费6.00万元，其中公务用车购置费0万元、公务用车运行维护费6.00万元；公务接待费2.00万元。
    十一、机关运行经费支出预算情况说明
    2023年本部门机关运行经费预算为55.55万元。
    十二、政府采购支出预算情况说明
    2023年度政府采购预算总额100.00万元，其中：货物采购支出40.00万元，工程采购支出0万元，服务采购支出60.00万元。
    """

    @Test func aDistrictEducationBureausFinalAccounts() throws {
        let r = try TestSupport.extract(Self.districtFinal)
        #expect(r.metadata.bureau == "深圳市南山区教育局")
        #expect(r.metadata.region == "南山区")
        #expect(r.metadata.fiscalYear == 2022)
        #expect(r.metadata.kind == .final)
        let expected: [MetricID: String] = [
            .sangongTotal: "12.34", .sangongBudget: "15.43", .sangongVehicle: "10.00", .sangongVehicleOperation: "10.00",
            .sangongReception: "2.34", .adminOperatingCost: "45.67", .totalExpenditure: "12345.67",
            .projectExpenditure: "4345.67", .procurementSME: "800.00", .procurementSmallMicro: "600.00",
            .projectShare: "35.20", .procurementSMEShare: "80.00", .sangongExecution: "79.97",
        ]
        for (metric, value) in expected { #expect(r[metric].formattedValue == value, "\(metric)") }
        #expect(r[.sangongExecution].reported?.description == "80.00")
        #expect(r.findings.filter { $0.severity == .error }.isEmpty)
    }

    @Test func aBannersBudgetWithOtherProcurementWording() throws {
        let r = try TestSupport.extract(Self.bannerBudget)
        #expect(r.metadata.bureau == "达拉特旗农牧局")
        #expect(r.metadata.region == "达拉特旗")
        #expect(r.metadata.kind == .budget)
        #expect(r.metadata.fiscalYear == 2023)
        #expect(r[.sangongTotal].formattedValue == "8.00")
        #expect(r[.adminOperatingCost].formattedValue == "55.55")
        #expect(r[.totalExpenditure].formattedValue == "5678.90")
        #expect(r[.procurementGoods].formattedValue == "40.00")
        #expect(r[.procurementServices].formattedValue == "60.00")
        // A budget discloses no 三公 budget and no awarded contracts: empty, not 0.
        #expect(!r[.sangongBudget].isDisclosed)
        #expect(!r[.procurementSME].isDisclosed)
    }
}

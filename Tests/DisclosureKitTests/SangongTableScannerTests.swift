import Testing
@testable import DisclosureKit

/// The template's fixed-layout “三公” table: 12 columns (budget, final) or 6 (the report's own).
@Suite struct SangongTableScannerTests {
    static let twelve = """
    2023年度部门决算公开
    财政拨款“三公”经费支出决算表
    金额单位：万元
    预算数\t\t\t\t\t\t决算数
    合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费
    1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12
    6.00\t\t5.00\t\t5.00\t1.00\t4.20\t\t3.90\t\t3.90\t0.30
    """

    @Test func twelveColumnsGiveBudgetThenFinalFigures() throws {
        let report = try TestSupport.extract(Self.twelve)
        #expect(report[.sangongTotal].formattedValue == "4.20")
        #expect(report[.sangongBudget].formattedValue == "6.00")
        #expect(report[.sangongVehicle].formattedValue == "3.90")
        #expect(report[.sangongVehicleOperation].formattedValue == "3.90")
        #expect(report[.sangongReception].formattedValue == "0.30")
        #expect(report[.sangongTotal].flags.contains(.fromTable))
        #expect(report[.sangongTotal].source?.line == 7)
        // Empty cells state nothing: not disclosed, not zero.
        #expect(!report[.sangongOutbound].isDisclosed)
        #expect(!report[.sangongVehiclePurchase].isDisclosed)
        #expect(report[.sangongExecution].formattedValue == "70.00")
    }

    @Test func sixColumnsInYuanAreTheReportsOwnFigures() throws {
        let text = """
        2024年度部门预算公开
        一般公共预算“三公”经费支出预算表
        单位：元
        合计\t因公出国（境）费\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费
        1\t2\t3\t4\t5\t6
        37700\t0\t25000\t0\t25000\t12700
        """
        let report = try TestSupport.extract(text)
        #expect(report.metadata.kind == .budget)
        #expect(report[.sangongTotal].formattedValue == "3.77")
        #expect(report[.sangongOutbound].formattedValue == "0.00")
        #expect(report[.sangongReception].formattedValue == "1.27")
        #expect(report[.sangongTotal].flags.contains(.convertedFromYuan))
        #expect(!report[.sangongBudget].isDisclosed)
    }

    @Test func aNumberRowWithoutThreeExpensesAboveIsNotRead() throws {
        let text = """
        2024年度部门决算公开
        收入决算表
        1\t2\t3\t4\t5\t6
        6.00\t1\t5.00\t2\t5.00\t1.00
        """
        let report = try TestSupport.extract(text)
        #expect(!report[.sangongTotal].isDisclosed)
    }
}

import Testing
import Analytics
import DisclosureKit

/// Budget against final accounts: 包头市 2024 on the datasets, and the edge cases.
@Suite struct BudgetExecutionTests {
    let comparison = Fixtures.defaultComparison

    @Test func baotou2024IsTheOnlyPair() throws {
        #expect(comparison.pairs.count == 1)
        let pair = try #require(comparison.pairs.first)
        #expect(pair.bureau.name == "包头市工业和信息化局")
        #expect(pair.fiscalYear == 2024)
        #expect(pair.budget.document == "baotou-2024-budget.txt")
        #expect(pair.final.document == "baotou-2024-final.txt")
        #expect(pair.budget.unitCount == 4 && pair.final.unitCount == 1)
        #expect(pair.scopesDiffer)
    }

    @Test func onePerAmountWithBudgetFinalAndExecution() throws {
        #expect(comparison.budgetExecution.map(\.metric) == [
            .sangongTotal, .sangongOutbound, .sangongVehicle, .sangongReception,
            .adminOperatingCost, .totalExpenditure, .projectExpenditure, .procurementTotal,
        ])
        let sangong = try #require(comparison.budgetExecution.first?.rows.first)
        #expect(sangong.budget.formattedValue == "3.77")
        #expect(sangong.final.formattedValue == "0.97")
        #expect(sangong.execution?.formatted(decimals: 2) == "25.73")
        // Exact: 97 / 377 × 100, not a rounded float.
        #expect(sangong.execution == Ratio(9_700, 377))
        let admin = try #require(comparison.budgetExecution.first { $0.metric == .adminOperatingCost }?.rows.first)
        #expect(admin.execution?.formatted(decimals: 2) == "178.46")
    }

    @Test func zeroBudgetHasNoRate() throws {
        let outbound = try #require(comparison.budgetExecution.first { $0.metric == .sangongOutbound }?.rows.first)
        #expect(outbound.budget.formattedValue == "0.00")
        #expect(outbound.execution == nil)
    }

    @Test func scopeNoteNamesBothFilesAndTheirUnits() {
        #expect(comparison.budgetNotes.count == 1)
        let zh = comparison.budgetNotes[0].text(.zh)
        #expect(zh.contains("baotou-2024-budget.txt"))
        #expect(zh.contains("含 4 家单位"))
        #expect(zh.contains("baotou-2024-final.txt"))
        #expect(zh.contains("含 1 家单位"))
        #expect(zh.contains("执行率不是同口径的比较"))
        let en = comparison.budgetNotes[0].text(.en)
        #expect(en.contains("4 units") && en.contains(", 1 unit."))
    }

    @Test func sameScopeNeedsNoNoteAndMissingBudgetsDropATable() {
        let budget = Fixtures.report("甲局", kind: .budget, amounts: [.sangongTotal: "4.00", .adminOperatingCost: "0.00"], units: 2)
        let final = Fixtures.report("甲局", kind: .final, amounts: [.sangongTotal: "3.00", .procurementSME: "1.00", .adminOperatingCost: "5.00"], units: 2)
        let comparison = Comparison([budget, final], options: ComparisonOptions(metrics: [.sangongTotal, .procurementSME, .adminOperatingCost]))
        #expect(comparison.budgetNotes.isEmpty)
        // procurement_sme is in no budget: no table of dashes.
        #expect(comparison.budgetExecution.map(\.metric) == [.sangongTotal, .adminOperatingCost])
        #expect(comparison.budgetExecution[0].rows[0].execution?.formatted(decimals: 2) == "75.00")
        #expect(comparison.budgetExecution[1].rows[0].execution == nil)
    }

    @Test func yearRestrictsThePairs() {
        let none = Comparison(Fixtures.datasetSources, options: ComparisonOptions(selection: ReportSelection(year: 2023)))
        #expect(none.pairs.isEmpty && none.budgetExecution.isEmpty && none.budgetNotes.isEmpty)
        let some = Comparison(Fixtures.datasetSources, options: ComparisonOptions(selection: ReportSelection(year: 2024)))
        #expect(some.pairs.count == 1)
        #expect(some.reports.map(\.document) == ["baotou-2024-final.txt", "huairen-2024-final.txt"])
    }
}

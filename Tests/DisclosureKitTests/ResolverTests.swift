import Testing
@testable import DisclosureKit

/// Resolve: one figure per metric from hand-made observations; and the whole pipeline's
/// verdict on texts that are not, or only partly, reports.
@Suite("Resolver")
struct ResolverTests {
    static func resolve(_ observations: [Observation], kind: ReportKind? = .final) -> [Figure] {
        Resolver().resolve(observations, kind: kind)
    }

    @Test("one statement is the figure, with its source and no flags")
    func single() throws {
        let o = Stage.obs(.sangongReception, "0.97", line: 12)
        let f = Self.resolve([o])[stage: .sangongReception]
        #expect(f.stageAmount == Stage.wan("0.97"))
        #expect(f.formattedValue == "0.97")
        #expect(f.source == o)
        #expect(f.flags.isEmpty)
    }

    @Test("an undisclosed figure stays nil, never 0; so do the shares built on it")
    func undisclosed() {
        let figures = Self.resolve([Stage.obs(.sangongReception, "0.97")])
        #expect(figures.count == MetricID.allCases.count)
        for f in figures where f.metric != .sangongReception {
            #expect(f.value == nil, "\(f.metric)")
            #expect(!f.isDisclosed)
            #expect(f.formattedValue == "")
        }
        #expect(Self.resolve([]).allSatisfy { $0.value == nil })
    }

    @Test("a stated 0 is a disclosed zero")
    func statedZero() {
        let f = Self.resolve([Stage.obs(.sangongOutbound, "0")])[stage: .sangongOutbound]
        #expect(f.isDisclosed)
        #expect(f.stageAmount == .zero)
        #expect(f.formattedValue == "0.00")
    }

    struct Conflict: Sendable, CustomStringConvertible {
        let first, second, total, expected: String
        var description: String { "\(first) then \(second), total \(total) → \(expected)" }
    }

    @Test("of two conflicting values the one that makes 三公 = 出国 + 用车 + 接待 hold is chosen and flagged", arguments: [
        Conflict(first: "1.38", second: "1.27", total: "6.38", expected: "1.38"),
        Conflict(first: "1.38", second: "1.27", total: "6.27", expected: "1.27"),
        Conflict(first: "1.27", second: "1.38", total: "6.38", expected: "1.38"),
    ])
    func conflictResolvedByRelation(_ c: Conflict) {
        let figures = Self.resolve([
            Stage.obs(.sangongTotal, c.total, line: 1),
            Stage.obs(.sangongOutbound, "0", line: 2),
            Stage.obs(.sangongVehicle, "5.00", line: 3),
            Stage.obs(.sangongReception, c.first, line: 4),
            Stage.obs(.sangongReception, c.second, line: 9),
        ])
        let f = figures[stage: .sangongReception]
        #expect(f.formattedValue == c.expected)
        #expect(f.flags.contains(.conflictingStatements))
        #expect(f.alternatives.count == 1)
        #expect(figures[stage: .sangongTotal].flags.isEmpty)
    }

    @Test("a conflict no relation decides keeps the earlier statement, still flagged")
    func conflictTie() {
        let f = Self.resolve([Stage.obs(.sangongReception, "1.27", line: 4), Stage.obs(.sangongReception, "1.38", line: 9)])[stage: .sangongReception]
        #expect(f.formattedValue == "1.27")
        #expect(f.flags == [.conflictingStatements])
    }

    @Test("the same value stated twice is no conflict")
    func repeatedValue() {
        let f = Self.resolve([Stage.obs(.sangongReception, "0.97", line: 4), Stage.obs(.sangongReception, "0.970", line: 9)])[stage: .sangongReception]
        #expect(f.flags.isEmpty)
        #expect(f.source?.line == 4)
    }

    @Test("own section beats a table, a table beats elsewhere; neither is a conflict")
    func placeRanks() {
        let own = Self.resolve([Stage.obs(.totalExpenditure, "5307.63", place: .elsewhere, line: 1),
                                Stage.obs(.totalExpenditure, "5000.00", place: .table, line: 2),
                                Stage.obs(.totalExpenditure, "5307.63", place: .ownSection, line: 3)])[stage: .totalExpenditure]
        #expect(own.source?.line == 3)
        #expect(own.flags.isEmpty)
        #expect(own.alternatives.count == 2)
        let table = Self.resolve([Stage.obs(.totalExpenditure, "4000.00", place: .elsewhere, line: 1),
                                  Stage.obs(.totalExpenditure, "5000.00", place: .table, line: 2)])[stage: .totalExpenditure]
        #expect(table.formattedValue == "5000.00")
        #expect(table.flags == [.fromTable])
        let elsewhere = Self.resolve([Stage.obs(.totalExpenditure, "4000.00", place: .elsewhere)])[stage: .totalExpenditure]
        #expect(elsewhere.flags == [.outsideSection])
    }

    @Test("机关运行经费 beats 公用经费 in the same section")
    func labelPreference() {
        let f = Self.resolve([Stage.obs(.adminOperatingCost, "124.46", line: 1, labelRank: 1, label: "公用经费"),
                              Stage.obs(.adminOperatingCost, "100.00", line: 2, labelRank: 0)])[stage: .adminOperatingCost]
        #expect(f.formattedValue == "100.00")
        #expect(f.flags.isEmpty)
    }

    @Test("an unstated total is the sum of its stated parts: vehicle, then 三公")
    func summedFromParts() throws {
        let figures = Self.resolve([
            Stage.obs(.sangongOutbound, "0", line: 384),
            Stage.obs(.sangongVehiclePurchase, "0", line: 386),
            Stage.obs(.sangongVehicleOperation, "7.50", line: 388),
            Stage.obs(.sangongReception, "0", line: 390),
        ])
        let vehicle = figures[stage: .sangongVehicle]
        #expect(vehicle.formattedValue == "7.50")
        #expect(vehicle.flags == [.summedFromParts])
        #expect(vehicle.source?.line == 386)
        #expect(vehicle.source?.stated.description == "7.50")
        let total = figures[stage: .sangongTotal]
        #expect(total.formattedValue == "7.50")
        #expect(total.flags == [.summedFromParts])
    }

    @Test("basic + project make an unstated total expenditure exactly")
    func summedExpenditure() {
        let figures = Self.resolve([Stage.obs(.basicExpenditure, "657.87"), Stage.obs(.projectExpenditure, "4649.76")])
        #expect(figures[stage: .totalExpenditure].stageAmount == Stage.wan("5307.63"))
        #expect(figures[stage: .totalExpenditure].flags.contains(.summedFromParts))
    }

    @Test("a total needs every part; a part is never inferred from a total")
    func noPartialSums() {
        let figures = Self.resolve([Stage.obs(.sangongVehicle, "7.50"), Stage.obs(.sangongVehiclePurchase, "0")])
        #expect(figures[stage: .sangongVehicleOperation].value == nil)
        let onlyOne = Self.resolve([Stage.obs(.procurementGoods, "2.85"), Stage.obs(.procurementServices, "139.14")])
        #expect(onlyOne[stage: .procurementTotal].value == nil)
    }

    @Test("changes, shares and executions are never the figure")
    func otherRolesAreNotValues() {
        let figures = Self.resolve([Stage.obs(.sangongReception, "0.01", role: .change),
                                    Stage.obs(.sangongReception, "1.02", role: .changePercent, unit: nil),
                                    Stage.obs(.projectExpenditure, "87.61", role: .share, unit: nil)])
        #expect(figures[stage: .sangongReception].value == nil)
        #expect(figures[stage: .projectExpenditure].value == nil)
    }

    @Test("amounts in 元 convert exactly: 9700元 is 0.97 万元, flagged converted_from_yuan")
    func convertedFromYuan() {
        let f = Self.resolve([Stage.obs(.sangongReception, "9700", unit: .yuan)])[stage: .sangongReception]
        #expect(f.stageAmount == Stage.wan("0.97"))
        #expect(f.formattedValue == "0.97")
        #expect(f.flags == [.convertedFromYuan])
    }

    @Test("in a final report the 三公 budget is sangong_budget and execution is computed, the stated rate kept")
    func executionWithinRounding() throws {
        let figures = Self.resolve([
            Stage.obs(.sangongTotal, "0.98", role: .budget),
            Stage.obs(.sangongTotal, "0.97"),
            Stage.obs(.sangongTotal, "99.31", role: .execution, unit: nil),
        ])
        #expect(figures[stage: .sangongTotal].formattedValue == "0.97")
        #expect(figures[stage: .sangongBudget].formattedValue == "0.98")
        let execution = figures[stage: .sangongExecution]
        #expect(execution.formattedValue == "98.98")
        #expect(execution.reported?.description == "99.31")
        #expect(!execution.flags.contains(.statedDiffers))
    }

    @Test("a stated share outside the rounding interval is stated_differs; inside it is not")
    func statedShare() throws {
        let outside = Self.resolve([Stage.obs(.totalExpenditure, "1271.25"), Stage.obs(.projectExpenditure, "875.26"),
                                    Stage.obs(.projectExpenditure, "68.90", role: .share, unit: nil)])[stage: .projectShare]
        #expect(outside.formattedValue == "68.85")
        #expect(outside.reported?.description == "68.90")
        #expect(outside.flags == [.statedDiffers])
        let inside = Self.resolve([Stage.obs(.procurementTotal, "141.99"), Stage.obs(.procurementSME, "140.14"),
                                   Stage.obs(.procurementSME, "98.69", role: .share, unit: nil, shareOf: "政府采购支出总额")])[stage: .procurementSMEShare]
        #expect(inside.formattedValue == "98.70")
        #expect(inside.reported?.description == "98.69")
        #expect(inside.flags.isEmpty)
    }

    @Test("a correctly rounded share of exact 元 amounts is not stated_differs: 2525.00 / 20000.00 = 12.625 % → 12.63")
    func exactShareNotFlagged() {
        let f = Self.resolve([Stage.obs(.procurementTotal, "20000.00", unit: .yuan), Stage.obs(.procurementSME, "2525.00", unit: .yuan),
                              Stage.obs(.procurementSME, "12.63", role: .share, unit: nil, shareOf: "政府采购支出总额")])[stage: .procurementSMEShare]
        #expect(f.formattedValue == "12.63")
        #expect(f.reported?.description == "12.63")
        #expect(!f.flags.contains(.statedDiffers))
    }

    @Test("a share of one category is not the overall share")
    func categoryShareIgnored() {
        let f = Self.resolve([Stage.obs(.procurementTotal, "141.99"), Stage.obs(.procurementSME, "140.14"),
                              Stage.obs(.procurementSME, "0.00", role: .share, unit: nil, shareOf: "货物支出金额")])[stage: .procurementSMEShare]
        #expect(f.reported == nil)
        #expect(f.flags.isEmpty)
    }

    @Test("a stated share without its amounts is kept as reported, with no value")
    func reportedWithoutValue() {
        let f = Self.resolve([Stage.obs(.projectExpenditure, "52.31", role: .share, unit: nil)])[stage: .projectShare]
        #expect(f.value == nil)
        #expect(f.reported?.description == "52.31")
    }

    @Test("a zero denominator gives no share, not 0 %")
    func zeroDenominator() {
        let figures = Self.resolve([Stage.obs(.totalExpenditure, "0"), Stage.obs(.sangongTotal, "0.97"), Stage.obs(.adminOperatingCost, "1.00")])
        #expect(figures[stage: .sangongIntensity].value == nil)
        #expect(figures[stage: .adminCostIntensity].value == nil)
    }

    @Test("the intensities are exact fractions printed with the catalog's decimals")
    func intensities() throws {
        let figures = Self.resolve([Stage.obs(.totalExpenditure, "5307.63"), Stage.obs(.sangongTotal, "7.50"), Stage.obs(.adminOperatingCost, "19.07")])
        #expect(figures[stage: .sangongIntensity].formattedValue == "0.141")
        #expect(figures[stage: .adminCostIntensity].formattedValue == "0.36")
        #expect(figures[stage: .sangongIntensity].stageRatio == Ratio(7_500_000 * 100, 5_307_630_000))
    }

    @Test("in a budget report the budgeted amount is the figure; budget and execution are left undisclosed")
    func budgetReport() {
        let figures = Self.resolve([Stage.obs(.sangongTotal, "3.77", role: .budget),
                                    Stage.obs(.sangongTotal, "100.00", role: .execution, unit: nil)], kind: .budget)
        #expect(figures[stage: .sangongTotal].formattedValue == "3.77")
        #expect(figures[stage: .sangongBudget].value == nil)
        #expect(figures[stage: .sangongExecution].value == nil)
        #expect(figures[stage: .sangongExecution].reported == nil)
    }

    // MARK: The whole pipeline

    @Test("a non-report text fails with .notAReport")
    func notAReport() {
        let novel = """
            那天傍晚，雨下得很大。她撑着伞走过长长的巷子，心里想着远方的家。
            巷口的灯亮了，卖馄饨的老人收起了摊子，街上只剩下雨声。
            """
        let result = ReportExtractor().extract(text: novel, document: "novel.txt")
        guard case .failure(.notAReport) = result else {
            Issue.record("expected .notAReport, got \(result)")
            return
        }
    }

    @Test("a truncated report succeeds, its unstated figures undisclosed")
    func truncatedReport() throws {
        let report = try TestSupport.extract("""
            内蒙古自治区包头市工业和信息化局（本级）2024年度决算公开报告
            八、财政拨款“三公”经费支出决算情况说明
            2024年度财政拨款“三公”经费全年预算0.98万元，支出决算0.97万元，完成预算的99.31%。其中：因公出国（境）费全年预算
            """)
        #expect(report.metadata.bureau == "包头市工业和信息化局")
        #expect(report.metadata.kind == .final)
        #expect(report[.sangongTotal].formattedValue == "0.97")
        #expect(report[.sangongBudget].formattedValue == "0.98")
        #expect(report[.sangongOutbound].value == nil)
        #expect(report[.procurementTotal].value == nil)
        #expect(report[.totalExpenditure].value == nil)
        #expect(report[.sangongIntensity].value == nil)
    }

    @Test("a report cut before any figure is still a report, with every figure undisclosed")
    func headerOnly() throws {
        let report = try TestSupport.extract("包头市工业和信息化局2024年度决算公开报告\n第一部分 单位概况\n")
        #expect(report.figures.allSatisfy { $0.value == nil })
        #expect(report.metadata.fiscalYear == 2024)
    }

    @Test("a bare figure without report wording is accepted; the empty text is not a report")
    func figureWithoutWording() {
        #expect((try? ReportExtractor().extract(text: "公务接待费支出0.97万元。", document: "x.txt").get()) != nil)
        guard case .failure(.notAReport) = ReportExtractor().extract(text: "", document: "empty.txt") else {
            Issue.record("empty text should not be a report")
            return
        }
    }

    @Test("conflicting statements in a text resolve by the relation, end to end")
    func conflictEndToEnd() throws {
        let report = try TestSupport.extract("""
            某市工业和信息化局2024年度部门决算公开
            八、财政拨款“三公”经费支出决算情况说明
            2024年度“三公”经费支出决算6.38万元。因公出国（境）费支出0万元，公务用车购置及运行维护费支出5.00万元，公务接待费支出1.27万元。
            公务接待费支出1.38万元，共接待10批次。
            """)
        let f = report[.sangongReception]
        #expect(f.formattedValue == "1.38")
        #expect(f.flags.contains(.conflictingStatements))
        #expect(f.source?.line == 4)
    }
}

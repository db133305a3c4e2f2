import Testing
import Analytics
import DisclosureKit

/// The yearly briefing model on the datasets: which reports, in which order, ranked how,
/// the changes each report states, the notes, the sources — and hand-made cases for the
/// rules the datasets cannot show.
@Suite("Briefing")
struct BriefingTests {
    static let alignment = Alignment(Fixtures.datasetSources)
    static let b2024 = Briefing(alignment: alignment, year: 2024, extracted: Fixtures.datasetExtractions)
    static let b2020 = Briefing(alignment: alignment, year: 2020, extracted: Fixtures.datasetExtractions)

    // MARK: Reports and order

    @Test func yearsAreThoseTheReportsCover() {
        #expect(Briefing.years(in: Self.alignment) == [2020, 2023, 2024])
    }

    @Test func finalAccountsAndBudgetsOfTheYearInBureauOrder() {
        let b = Self.b2024
        #expect(b.finals.map(\.report.document) == ["baotou-2024-final.txt", "huairen-2024-final.txt"])
        #expect(b.budgets.map(\.report.document) == ["baotou-2024-budget.txt"])
        #expect(b.reports.map(\.report.kind) == [.final, .final, .budget])
        #expect(b.rankedKind == .final)
        #expect(b.ranked.map(\.report.region) == ["包头市", "怀仁市"])
    }

    @Test func familiesInTemplateOrderWithTheirFigures() {
        let b = Self.b2024
        #expect(b.families.map(\.family.family) == [.sangong, .admin, .expenditure, .procurement])
        #expect(b.families[2].tables.map(\.metric) == [.totalExpenditure, .basicExpenditure, .projectExpenditure, .projectShare])
        #expect(b.families[0].family.name(.zh) == "“三公”经费")
    }

    @Test func rankedTablesAreLargestFirstWithExactFigures() throws {
        let share = try #require(Self.b2024.tables.first { $0.metric == .projectShare })
        #expect(share.summary == ["怀仁市 87.61", "包头市 52.31"])
        #expect(share.ranks == [1, 2])
        let sangong = try #require(Self.b2024.tables.first { $0.metric == .sangongTotal })
        #expect(sangong.summary == ["怀仁市 7.50", "包头市 0.97"])
        let outbound = try #require(Self.b2024.tables.first { $0.metric == .sangongOutbound })
        #expect(outbound.ranks == [1, 1], "two disclosed zeros tie")
    }

    @Test func budgetAgainstFinalForTheBureauWithBoth() throws {
        let b = Self.b2024
        #expect(b.pairs.map(\.bureau.name) == ["包头市工业和信息化局"])
        let sangong = try #require(b.budgetExecution.first { $0.metric == .sangongTotal })
        let row = try #require(sangong.rows.first)
        #expect(row.budget.formattedValue == "3.77" && row.final.formattedValue == "0.97")
        #expect(row.execution?.formatted(decimals: 2) == "25.73")
        #expect(!b.budgetExecution.contains { $0.metric == .procurementSME }, "never in a budget: no table of dashes")
        #expect(Self.b2020.budgetExecution.isEmpty && Self.b2020.pairs.isEmpty)
    }

    // MARK: Notes

    @Test func notesSayScopesDifferAndWhoDoesNotDisclose() {
        let notes = Self.b2024.notes
        #expect(notes.contains(.notLikeForLike(years: [2024], scopes: [.unit, .department], kinds: [.final])))
        #expect(notes.contains { if case .scopesDiffer(let d) = $0 { return d.budgetDocument == "baotou-2024-budget.txt" } else { return false } })
        let text = notes.map { $0.text(.zh) }.joined(separator: "\n")
        #expect(text.contains("口径不同（本级与部门）"))

        let old = Self.b2020.notes
        #expect(old.contains(.notDisclosed(metric: .procurementSME, bureaus: ["包头市昆都仑区工业和信息化局"])))
        #expect(old.contains(.notDisclosed(metric: .procurementSMEShare, bureaus: ["包头市昆都仑区工业和信息化局"])))
        #expect(!old.contains { $0.code == "not_like_for_like" }, "one report: nothing to mix")
    }

    // MARK: Year on year, as stated

    func change(_ document: String, _ metric: MetricID) throws -> YearOnYear {
        let report = try #require(Fixtures.datasetExtractions.values.first { $0.document == document })
        return YearOnYear(report, metric: metric)
    }

    @Test func baotouStatesReceptionDownAndOperatingCostsUp() throws {
        let reception = try change("baotou-2024-final.txt", .sangongReception)
        #expect(reception.amount == Amount(fen: -10_000), "减少 0.01 万元")
        #expect(reception.percent?.description == "-1.02", "下降 1.02%")
        #expect(reception.direction == .decrease)
        #expect(reception.lines == [287])

        let admin = try change("baotou-2024-final.txt", .adminOperatingCost)
        #expect(admin.amount == Amount(fen: 55_790_000), "增加 55.79 万元")
        #expect(admin.percent?.description == "81.24", "增长 81.24%")
        #expect(admin.direction == .increase)
        #expect(admin.lines == [301])
        #expect(admin.amountStatement?.label == "机关运行经费", "the sentence after 机关运行经费支出决算124.46万元")

        let outbound = try change("baotou-2024-final.txt", .sangongOutbound)
        #expect(outbound.amount == Amount(fen: -4_360_000) && outbound.percent?.description == "-100.00")
        let total = try change("baotou-2024-final.txt", .totalExpenditure)
        #expect(total.amount?.wanYuan() == "-1304.71" && total.percent?.description == "-28.14" && total.lines == [137])
        let sangong = try change("baotou-2024-final.txt", .sangongTotal)
        #expect(!sangong.isStated, "the report states no change of the 三公 total")
    }

    @Test func briefingReportCarriesTheChangesInOrder() throws {
        let baotou = try #require(Self.b2024.finals.first)
        #expect(baotou.changes.map(\.metric) == YearOnYear.metrics)
        #expect(baotou.change(.sangongReception).percent?.description == "-1.02")
        #expect(baotou.change(.adminOperatingCost).percent?.description == "81.24")
    }

    @Test func aWrittenMinusWithADecreaseWordIsOneDecrease() throws {
        // 公务用车运行维护费支出较上年减少-0.32万元
        let vehicle = try change("kundulun-2020-final.txt", .sangongVehicleOperation)
        #expect(vehicle.amountStatement?.stated.description == "-0.32")
        #expect(vehicle.amount == Amount(fen: -320_000))
        #expect(vehicle.direction == .decrease)
        #expect(vehicle.percent == nil)
    }

    @Test func otherBureausAndKinds() throws {
        let huairen = try change("huairen-2024-final.txt", .adminOperatingCost)
        #expect(huairen.amount?.wanYuan() == "-0.04" && huairen.percent?.description == "-0.21" && huairen.lines == [406])
        let unchanged = try change("huairen-2024-final.txt", .sangongOutbound)
        #expect(unchanged.isUnchanged && unchanged.isStated && unchanged.amount == nil && unchanged.lines == [384], "与上年相同")
        let budget = try change("baotou-2024-budget.txt", .sangongTotal)
        #expect(budget.amount?.wanYuan() == "-3.88" && budget.percent?.description == "-11", "比上年预算减少 3.88万元，减少 11%")
        let budgetAdmin = try change("baotou-2024-budget.txt", .adminOperatingCost)
        #expect(budgetAdmin.amount?.wanYuan() == "13.06", "the comparison after the list of 机关运行经费 items")
        let wuhai = try change("wuhai-2023-final.txt", .sangongReception)
        #expect(wuhai.amount?.wanYuan() == "-0.07" && wuhai.percent?.description == "-71.48")
    }

    @Test("the sign follows the words", arguments: [
        ("0.01", Observation.Direction?.some(.decrease), "-0.01"),
        ("-0.32", .some(.decrease), "-0.32"),
        ("55.79", .some(.increase), "55.79"),
        ("-0.32", .some(.increase), "-0.32"),
        ("-5", nil, "-5.00"),
        ("5", nil, "5.00"),
    ])
    func signFromWords(_ stated: String, _ direction: Observation.Direction?, _ expected: String) throws {
        let number = try #require(FixedDecimal(stated))
        let o = Observation(metric: .adminOperatingCost, role: .change, stated: number, unit: .wanYuan,
                            amount: Amount(number, unit: .wanYuan), line: 1, snippet: "", place: .ownSection,
                            label: "机关运行经费", direction: direction)
        let change = YearOnYear(metric: .adminOperatingCost, amountStatement: o, percentStatement: nil)
        #expect(change.amount?.wanYuan() == expected)
    }

    @Test func aStatedZeroKeepsItsWordAndNothingTraps() throws {
        let zero = try #require(FixedDecimal("0"))
        let o = Observation(metric: .sangongOutbound, role: .changePercent, stated: zero, unit: nil, amount: nil,
                            line: 3, snippet: "", place: .ownSection, label: "x", direction: .increase)
        let change = YearOnYear(metric: .sangongOutbound, amountStatement: nil, percentStatement: o)
        #expect(change.direction == .increase && change.percent?.description == "0")
        let extreme = Observation(metric: .sangongOutbound, role: .change, stated: FixedDecimal(mantissa: .min, scale: 0),
                                  unit: .wanYuan, amount: Amount(fen: .min), line: 1, snippet: "", place: .ownSection,
                                  label: "x", direction: .decrease)
        #expect(YearOnYear(metric: .sangongOutbound, amountStatement: extreme, percentStatement: nil).amount == nil)
    }

    @Test("与上年相同 and its wordings", arguments: [
        ("因公出国（境）费支出0万元，与上年相同，主要原因是：无支出；", true),
        ("支出决算7.50万元，与上年“三公”经费财政拨款支出决算相同。", true),
        ("公务接待费 0 万元，和上年持平。", true),
        ("公务接待费 0 万元，与上年决算相比，减少 0.01 万元。", false),
        ("与上年相比增加 2 万元，相同口径下", false),
        ("", false),
    ])
    func unchangedWording(_ text: String, _ expected: Bool) {
        #expect(YearOnYear.saysUnchanged(text) == expected)
    }

    // MARK: Sources and audit

    @Test func everyDisclosedFigureHasItsLines() throws {
        let huairen = try #require(Self.b2024.finals.last)
        let share = try #require(huairen.sources.first { $0.metric == .projectShare })
        #expect(share.lines == [324, 326], "项目支出 and 本年支出合计")
        #expect(huairen.sources.count == MetricID.allCases.filter { huairen.report[$0].isDisclosed }.count)
        #expect(huairen.sources.allSatisfy { !$0.lines.isEmpty })
        let kundulun = try #require(Self.b2020.finals.first)
        #expect(!kundulun.sources.contains { $0.metric == .procurementSME }, "not disclosed: no source")
    }

    @Test func auditSummaryCountsTheReportsFindings() throws {
        for entry in Self.b2024.reports {
            let report = try #require(Fixtures.datasetExtractions[entry.report.path])
            #expect(entry.audit.findings == report.findings.count)
            #expect(entry.audit.errors == report.findings.filter { $0.severity == .error }.count)
            #expect(entry.audit.completeness == report.completeness)
        }
    }

    // MARK: Hand-made years

    @Test func aYearWithBudgetsOnlyRanksTheBudgets() {
        let made = [
            Fixtures.extracted("甲市财政局", year: 2025, kind: .budget, amounts: [.sangongTotal: "2.00"]),
            Fixtures.extracted("乙市财政局", year: 2025, kind: .budget, amounts: [.sangongTotal: "3.00"]),
        ]
        let alignment = Alignment(made.map { SourceReport(report: $0.report, path: $0.path) })
        let b = Briefing(alignment: alignment, year: 2025, extracted: Dictionary(uniqueKeysWithValues: made.map { ($0.path, $0.report) }))
        #expect(b.rankedKind == .budget && b.finals.isEmpty)
        #expect(b.tables.first?.summary == ["乙市财政局 3.00", "甲市财政局 2.00"])
    }

    @Test func aYearWithoutReportsIsEmptyAndDoesNotTrap() {
        let b = Briefing(alignment: Self.alignment, year: 1999, extracted: Fixtures.datasetExtractions)
        #expect(b.reports.isEmpty && b.ranked.isEmpty)
        #expect(b.tables.allSatisfy { $0.entries.isEmpty })
        #expect(b.notes.isEmpty)
    }
}

import Testing
import Analytics
import DisclosureKit

/// Alignment: one report per bureau × year × kind, the selection of --year/--kind, duplicates.
@Suite struct AlignmentTests {
    @Test func bureauIdentityIgnoresSpacesAndScopeSuffixes() {
        let names = ["包头市工业和信息化局", "包头市工业和信息化局（本级）", " 包头市 工业和信息化局 ", "包头市工业和信息化局(本级)",
                     "包头市工业和信息化局\u{3000}（部门）", "包头市工业和信息化局（本级）（汇总）"]
        #expect(Set(names.compactMap(BureauIdentity.init)).count == 1)
        #expect(BureauIdentity("包头市工业和信息化局（本级）")?.name == "包头市工业和信息化局")
        #expect(BureauIdentity("包头市昆都仑区工业和信息化局") != BureauIdentity("包头市工业和信息化局"))
        #expect(BureauIdentity("（本级）")?.name == "（本级）")
        #expect(BureauIdentity("   ") == nil)
        #expect(BureauIdentity("某局（本级")?.name == "某局（本级")
        #expect(BureauIdentity("某局)")?.name == "某局)")
    }

    @Test func budgetAndFinalOfOneBureauAlignOnItsName() {
        let alignment = Alignment(Fixtures.datasetSources)
        let baotou = alignment.reports.filter { $0.bureau.name == "包头市工业和信息化局" }
        #expect(baotou.map(\.kind) == [.final, .budget])
        #expect(baotou.map(\.fiscalYear) == [2024, 2024])
        #expect(alignment.reports.count == 5)
    }

    @Test func latestFinalPerBureauByDefault() {
        let sources = [
            Fixtures.report("甲局", year: 2022, amounts: [.sangongTotal: "1.00"]),
            Fixtures.report("甲局（本级）", year: 2023, scope: .unit, amounts: [.sangongTotal: "2.00"]),
            Fixtures.report("甲局", year: 2024, kind: .budget, amounts: [.sangongTotal: "3.00"]),
            Fixtures.report("乙局", year: 2021, amounts: [.sangongTotal: "4.00"]),
        ]
        let chosen = Alignment(sources).selected(ReportSelection())
        #expect(chosen.map { "\($0.bureau) \($0.fiscalYear) \($0.kind.rawValue)" } == ["乙局 2021 final", "甲局 2023 final"])

        let budgets = Alignment(sources).selected(ReportSelection(kinds: .budget))
        #expect(budgets.map(\.fiscalYear) == [2024])
        let all = Alignment(sources).selected(ReportSelection(kinds: .all))
        #expect(all.map { "\($0.bureau) \($0.fiscalYear) \($0.kind.rawValue)" } == ["乙局 2021 final", "甲局 2023 final", "甲局 2024 budget"])
        let year = Alignment(sources).selected(ReportSelection(year: 2022))
        #expect(year.map { "\($0.bureau) \($0.fiscalYear)" } == ["甲局 2022"])
    }

    @Test func kindAllOnTheDatasetsAddsTheBudget() {
        let comparison = Comparison(Fixtures.datasetSources, options: ComparisonOptions(selection: ReportSelection(kinds: .all)))
        #expect(comparison.reports.count == 5)
        #expect(comparison.kinds == [.final, .budget])
        guard case .notLikeForLike(_, _, let kinds)? = comparison.rankingNotes.first else {
            Issue.record("no note"); return
        }
        #expect(kinds == [.final, .budget])
    }

    @Test func duplicatesWarnAndTheMoreCompleteReportWins() {
        let sparse = Fixtures.report("甲局", path: "a/first.txt", amounts: [.sangongTotal: "1.00"])
        let fuller = Fixtures.report("甲局（本级）", path: "b/second.txt", amounts: [.sangongTotal: "2.00", .adminOperatingCost: "9.00"])
        let alignment = Alignment([sparse, fuller])
        #expect(alignment.reports.map(\.path) == ["b/second.txt"])
        let key = ReportKey(bureau: BureauIdentity("甲局")!, fiscalYear: 2024, kind: .final)
        #expect(alignment.warnings == [.duplicate(key: key, chosen: "b/second.txt", ignored: ["a/first.txt"])])
        #expect(alignment.warnings[0].text(.zh).contains("采用 b/second.txt"))
        #expect(alignment.warnings[0].text(.en).hasPrefix("2 reports for 甲局 2024 final: using b/second.txt"))
    }

    @Test func duplicatesWithEqualFiguresTakeTheFirstPathWhateverTheInputOrder() {
        let x = Fixtures.report("甲局", path: "z/x.txt", amounts: [.sangongTotal: "1.00"])
        let y = Fixtures.report("甲局", path: "a/y.txt", amounts: [.sangongTotal: "2.00"])
        #expect(Alignment([x, y]).reports.map(\.path) == ["a/y.txt"])
        #expect(Alignment([y, x]).reports.map(\.path) == ["a/y.txt"])
        #expect(Alignment([x, y]).warnings.count == 1)
    }

    @Test func reportsWithoutBureauYearOrKindAreNotAligned() {
        let anonymous = Fixtures.report(nil, path: "anon.txt")
        let undated = Fixtures.report("甲局", year: nil, kind: nil, path: "undated.txt")
        let alignment = Alignment([anonymous, undated])
        #expect(alignment.reports.isEmpty)
        #expect(alignment.warnings == [
            .unaligned(path: "anon.txt", missing: [.bureau]),
            .unaligned(path: "undated.txt", missing: [.fiscalYear, .kind]),
        ])
        let comparison = Comparison([anonymous, undated])
        #expect(comparison.rankingNotes == [.nothingCompared(year: nil, kinds: .final)])
        #expect(comparison.tables.allSatisfy { $0.entries.isEmpty })
    }
}

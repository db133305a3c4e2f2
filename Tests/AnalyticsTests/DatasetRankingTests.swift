import Testing
import Analytics
import DisclosureKit

/// The acceptance rankings of the issue, on `Datasets/` with default options (each bureau's
/// latest final accounts, largest first).
@Suite struct DatasetRankingTests {
    let comparison = Fixtures.defaultComparison

    @Test func comparesEachBureausLatestFinalAccounts() {
        #expect(Fixtures.datasetSources.count == 5)
        #expect(comparison.reports.map(\.document) == [
            "wuhai-2023-final.txt", "baotou-2024-final.txt", "kundulun-2020-final.txt", "huairen-2024-final.txt",
        ])
        #expect(comparison.reports.allSatisfy { $0.kind == .final })
        #expect(comparison.warnings.isEmpty)
    }

    @Test func sangongTotal() throws {
        let table = try #require(comparison.table(.sangongTotal))
        #expect(table.summary == ["怀仁市 7.50", "乌海市 2.34", "包头市 0.97", "昆都仑区 0.68"])
        #expect(table.ranks == [1, 2, 3, 4])
        #expect(table.context == [.sangongOutbound, .sangongVehicle, .sangongReception, .sangongExecution])
    }

    @Test func projectShare() throws {
        let table = try #require(comparison.table(.projectShare))
        #expect(table.summary == ["怀仁市 87.61", "乌海市 72.54", "昆都仑区 68.85", "包头市 52.31"])
        #expect(table.ranks == [1, 2, 3, 4])
        // The amounts behind the share stand beside it.
        #expect(table.context == [.projectExpenditure, .totalExpenditure])
        #expect(table.entries[0].context.map(\.formattedValue) == ["4649.76", "5307.63"])
    }

    @Test func smeShareWithTheUndisclosedLast() throws {
        let table = try #require(comparison.table(.procurementSMEShare))
        #expect(table.summary == ["乌海市 100.00", "包头市 98.70", "怀仁市 0.00", "昆都仑区 —"])
        #expect(table.ranks == [1, 2, 3, nil])
        #expect(table.notes == [.notDisclosed(metric: .procurementSMEShare, bureaus: ["包头市昆都仑区工业和信息化局"])])
        let amounts = try #require(comparison.table(.procurementSME))
        #expect(amounts.summary == ["包头市 140.14", "乌海市 8.92", "怀仁市 0.00", "昆都仑区 —"])
    }

    @Test func adminOperatingCost() throws {
        let table = try #require(comparison.table(.adminOperatingCost))
        #expect(table.summary == ["包头市 124.46", "乌海市 54.64", "昆都仑区 23.17", "怀仁市 19.07"])
        #expect(table.ranks == [1, 2, 3, 4])
    }

    @Test func defaultTablesCoverEveryFamilyInOrder() {
        #expect(comparison.tables.map(\.metric) == [
            .sangongTotal, .sangongOutbound, .sangongVehicle, .sangongReception, .sangongExecution,
            .adminOperatingCost, .projectShare, .procurementSME, .procurementSMEShare,
            .sangongIntensity, .adminCostIntensity,
        ])
    }

    @Test func zerosTieAndShareTheFirstRank() throws {
        // 因公出国（境）费 is 0.00 everywhere: four-way tie at rank 1.
        let table = try #require(comparison.table(.sangongOutbound))
        #expect(table.ranks == [1, 1, 1, 1])
        // 公务接待费: 0.97, 0.03, then two zeros tied at 3.
        let reception = try #require(comparison.table(.sangongReception))
        #expect(reception.ranks == [1, 2, 3, 3])
    }

    @Test func mixedYearsAndScopesGiveTheNotLikeForLikeNote() {
        #expect(comparison.years == [2020, 2023, 2024])
        #expect(comparison.scopes == [.unit, .department])
        #expect(comparison.rankingNotes == [.notLikeForLike(years: [2020, 2023, 2024], scopes: [.unit, .department], kinds: [.final])])
        let zh = comparison.rankingNotes[0].text(.zh)
        #expect(zh.contains("2020、2023、2024"))
        #expect(zh.contains("金额不是同口径的比较"))
        #expect(zh.contains("项目支出占比"))
        let en = comparison.rankingNotes[0].text(.en)
        #expect(en.contains("not like for like"))
        #expect(en.contains("shares and intensities are the comparable figures"))
    }

    @Test func oneYearOneScopeHasNoSuchNote() {
        let one = Comparison(Fixtures.datasetSources, options: ComparisonOptions(selection: ReportSelection(year: 2023)))
        #expect(one.reports.map(\.document) == ["wuhai-2023-final.txt"])
        #expect(one.rankingNotes.isEmpty)
    }

    @Test func unitCountsAreReadFromTheScopeSentence() {
        let counts = Dictionary(uniqueKeysWithValues: Fixtures.datasetSources.map { ($0.document, $0.unitCount) })
        #expect(counts["baotou-2024-budget.txt"] == 4)
        #expect(counts["baotou-2024-final.txt"] == 1)
        #expect(counts["wuhai-2023-final.txt"] == 2)
        // 昆都仑区 describes only its organisation (下设独立预算单位共有1家), not the compilation scope.
        #expect(counts["kundulun-2020-final.txt"] == .some(nil))
    }
}

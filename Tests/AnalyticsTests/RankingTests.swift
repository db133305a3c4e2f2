import Testing
import Analytics
import DisclosureKit

/// The ranking rules on hand-made reports: ties, order, undisclosed last, exact comparison.
@Suite struct RankingTests {
    func reports(_ values: [(String, String?)]) -> [AlignedReport] {
        Alignment(values.map { name, value in
            Fixtures.report(name, amounts: value.map { [.sangongTotal: $0] } ?? [:])
        }).reports
    }

    @Test func tiesShareARankAndTheNextSkips() {
        let ranked = Ranking.rank(reports([("甲局", "9.00"), ("乙局", "7.00"), ("丙局", "7.00"), ("丁局", "5.00")]), by: .sangongTotal)
        #expect(ranked.map(\.rank) == [1, 2, 2, 4])
        #expect(ranked.map(\.report.bureau.name) == ["甲局", "丙局", "乙局", "丁局"].sorted { a, b in
            // 9 first, then the tie in Unicode scalar order of the name, then 5.
            let order = ["甲局": 0, "丁局": 3]
            let x = order[a] ?? 1, y = order[b] ?? 1
            return x != y ? x < y : a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        })
    }

    @Test func threeWayTieAtTheTop() {
        let ranked = Ranking.rank(reports([("a", "1.00"), ("b", "1.00"), ("c", "1.00"), ("d", "0.50")]), by: .sangongTotal)
        #expect(ranked.map(\.rank) == [1, 1, 1, 4])
    }

    @Test func notDisclosedIsLastInBothOrdersAndUnranked() {
        let input = reports([("a", nil), ("b", "2.00"), ("c", "0.00"), ("d", "5.00")])
        let desc = Ranking.rank(input, by: .sangongTotal, order: .descending)
        #expect(desc.map(\.report.bureau.name) == ["d", "b", "c", "a"])
        #expect(desc.map(\.rank) == [1, 2, 3, nil])
        let asc = Ranking.rank(input, by: .sangongTotal, order: .ascending)
        #expect(asc.map(\.report.bureau.name) == ["c", "b", "d", "a"])
        #expect(asc.map(\.rank) == [1, 2, 3, nil])
    }

    @Test func zeroIsDisclosedAndRanked() {
        let ranked = Ranking.rank(reports([("a", "0.00"), ("b", nil)]), by: .sangongTotal)
        #expect(ranked.map(\.rank) == [1, nil])
        #expect(ranked[0].isDisclosed)
    }

    @Test func ascendingReversesTheDatasetsRanking() throws {
        let asc = Comparison(Fixtures.datasetSources, options: ComparisonOptions(order: .ascending))
        let table = try #require(asc.table(.sangongTotal))
        #expect(table.summary == ["昆都仑区 0.68", "包头市 0.97", "乌海市 2.34", "怀仁市 7.50"])
        let sme = try #require(asc.table(.procurementSMEShare))
        #expect(sme.summary == ["怀仁市 0.00", "包头市 98.70", "乌海市 100.00", "昆都仑区 —"])
    }

    @Test func sharesThatPrintAlikeDoNotTie() {
        // 68.8496… % and 68.8504… % both print as 68.85, but are not equal.
        let low = Fixtures.percentReport("低", .projectShare, 688_496, 10_000)
        let high = Fixtures.percentReport("高", .projectShare, 688_504, 10_000)
        let ranked = Ranking.rank(Alignment([low, high]).reports, by: .projectShare)
        #expect(ranked.map(\.rank) == [1, 2])
        #expect(ranked.map(\.report.bureau.name) == ["高", "低"])
        #expect(ranked.map(\.figure.formattedValue) == ["68.85", "68.85"])
    }

    @Test func equalFractionsWrittenDifferentlyTie() {
        let a = Fixtures.percentReport("a", .projectShare, 1, 3)
        let b = Fixtures.percentReport("b", .projectShare, 2, 6)
        #expect(Ranking.rank(Alignment([a, b]).reports, by: .projectShare).map(\.rank) == [1, 1])
    }

    @Test func extremeValuesNeverTrap() {
        let huge = Fixtures.percentReport("a", .projectShare, .max, 1)
        let tiny = Fixtures.percentReport("b", .projectShare, .min + 1, .max)
        let neg = Fixtures.percentReport("c", .projectShare, -1, .max)
        let table = MetricTable(metric: .projectShare, reports: Alignment([huge, tiny, neg]).reports, order: .descending)
        #expect(table.ranks == [1, 2, 3])
        #expect(table.entries.first?.report.bureau.name == "a")
        #expect(table.largestMagnitude == .max)
        #expect(Ranking.compare(.amount(Amount(fen: .min)), .amount(Amount(fen: .max))) == -1)
        #expect(Ranking.compare(.amount(.zero), .percent(Ratio(0, 1)!)) == -1)
    }

    @Test func metricOptionLimitsTheTablesInTheOrderGiven() {
        let options = ComparisonOptions(metrics: [.projectShare, .sangongTotal, .projectShare])
        let comparison = Comparison(Fixtures.datasetSources, options: options)
        #expect(comparison.tables.map(\.metric) == [.projectShare, .sangongTotal])
        // Budget against final follows the chosen metrics: the amounts behind them.
        #expect(comparison.budgetExecution.map(\.metric) == [.sangongTotal, .totalExpenditure, .projectExpenditure])
    }

    @Test func anyCatalogMetricCanBeRanked() {
        let comparison = Comparison(Fixtures.datasetSources, options: ComparisonOptions(metrics: [.totalExpenditure]))
        #expect(comparison.table(.totalExpenditure)?.summary == ["怀仁市 5307.63", "乌海市 4499.46", "包头市 3332.37", "昆都仑区 1271.25"])
        #expect(comparison.table(.totalExpenditure)?.context == [.basicExpenditure, .projectExpenditure])
    }
}

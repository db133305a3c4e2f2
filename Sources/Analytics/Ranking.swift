import DisclosureKit

/// Competition ranking ("1224") of reports by one figure, compared exactly.
///
/// Values are compared as what they are — amounts as integer 分, shares as exact fractions
/// (cross-multiplied in 128 bits) — never through `Double` or a rounded string, so two
/// bureaus tie only when their figures are exactly equal, and 68.849 % never ties 68.851 %
/// because both print as 68.85.
///
/// Ties share the best rank and the next rank skips: values 9, 7, 7, 5 rank 1, 2, 2, 4.
/// Within a tie, and among the undisclosed, rows are ordered by bureau (Unicode scalar
/// order), then the later year first, then final before budget, so output is deterministic.
/// Undisclosed figures come last, unranked, in either order.
public enum Ranking {
    /// The reports ranked by `metric` in `order`, each with its `context` figures.
    public static func rank(_ reports: [AlignedReport], by metric: MetricID, order: RankOrder = .descending,
                            context: [MetricID] = []) -> [RankedEntry] {
        // Each report's value read once, and positions sorted rather than reports: a report moved
        // or read by the comparison is copied (its name and record retained and released).
        let values = reports.map { $0[metric].value }
        let disclosed = reports.indices.filter { values[$0] != nil }.sorted { i, j in
            guard let x = values[i], let y = values[j] else { return false }
            let c = compare(x, y)
            if c != 0 { return order == .descending ? c > 0 : c < 0 }
            return rowOrder(reports[i], reports[j])
        }
        let undisclosed = reports.indices.filter { values[$0] == nil }.sorted { rowOrder(reports[$0], reports[$1]) }

        var entries: [RankedEntry] = []
        entries.reserveCapacity(reports.count)
        var previous: FigureValue?
        var rank = 0
        for (index, position) in disclosed.enumerated() {
            if let value = values[position] {
                if previous.map({ compare($0, value) != 0 }) ?? true { rank = index + 1 }
                previous = value
            }
            entries.append(RankedEntry(rank: rank, report: reports[position], metric: metric, context: context))
        }
        for position in undisclosed {
            entries.append(RankedEntry(rank: nil, report: reports[position], metric: metric, context: context))
        }
        return entries
    }

    /// -1, 0 or 1 as `a` is less than, equal to or greater than `b`, exactly.
    ///
    /// An amount and a percentage never meet in one metric; should they, amounts sort below
    /// percentages so the order is still total and nothing traps.
    public static func compare(_ a: FigureValue, _ b: FigureValue) -> Int {
        switch (a, b) {
        case (.amount(let x), .amount(let y)):
            return x == y ? 0 : (x < y ? -1 : 1)
        case (.percent(let x), .percent(let y)):
            return x == y ? 0 : (x < y ? -1 : 1)
        case (.amount, .percent):
            return -1
        case (.percent, .amount):
            return 1
        }
    }

    /// The order of rows that tie or are undisclosed: bureau, later year first, final first.
    static func rowOrder(_ a: AlignedReport, _ b: AlignedReport) -> Bool {
        if a.bureau != b.bureau { return a.bureau < b.bureau }
        if a.fiscalYear != b.fiscalYear { return a.fiscalYear > b.fiscalYear }
        if a.kind != b.kind { return a.kind.sortIndex < b.kind.sortIndex }
        return ScalarOrder.precedes(a.path, b.path)
    }
}

import DisclosureKit

/// The yearly briefing for leadership as a value: every report of one fiscal year, its
/// figures side by side, ranked per family, budget against final, the changes against the
/// previous year the reports state, audit results, notes and sources.
///
/// For 2024 on the datasets: final accounts of 甲市 (本级) and 丙市 (部门), the budget of
/// 甲市; four families ranked over the two final accounts (项目支出占比: 丙市 87.61, 甲市
/// 52.31); budget against final for 甲市 (三公 3.77 against 0.97); changes such as
/// 公务接待费 下降 1.02 % and 机关运行经费 增长 81.24 % (city-a-2024-final.txt); a note that
/// the scopes differ (本级 and 部门), one per undisclosed figure, one on the budget's scope.
///
/// Which reports are ranked and charted: the year's final accounts; when the year has none,
/// its budgets. A year's budgets otherwise appear in their own headline table, against the
/// final accounts, and with their stated changes — a budget is a plan, and ranking a plan
/// against spending would mix the two.
public struct Briefing: Sendable {
    public let fiscalYear: Int
    /// The year's final accounts, in key (bureau) order.
    public let finals: [BriefingReport]
    /// The year's budgets, in key (bureau) order.
    public let budgets: [BriefingReport]
    /// Which kind the family tables rank: `.final`, or `.budget` for a year without final accounts.
    public let rankedKind: ReportKind
    /// Per family, one ranked table per metric, largest first.
    public let families: [(family: BriefingFamily, tables: [MetricTable])]
    /// Budget against final for every amount of the families that some bureau discloses in both.
    public let budgetExecution: [BudgetExecution]
    /// The bureaus with both a budget and final accounts this year (none when no amount of
    /// theirs can be set against the other).
    public let pairs: [BudgetFinalPair]

    /// The briefing of `year` from the reports `alignment` placed (one per bureau × year × kind).
    ///
    /// `extracted` holds each report's whole extraction by path: a briefing shows the sentences
    /// and the stated changes, which the compact reports of an alignment do not keep. A report
    /// missing from it is left out (it cannot be when both come from one reading).
    public init(alignment: Alignment, year: Int, extracted: [String: ExtractedReport]) {
        fiscalYear = year
        let ofYear = alignment.reports.filter { $0.fiscalYear == year }
        func briefed(_ kind: ReportKind) -> [BriefingReport] {
            ofYear.filter { $0.kind == kind }.compactMap { report in
                extracted[report.path].map { BriefingReport(report, extracted: $0) }
            }
        }
        finals = briefed(.final)
        budgets = briefed(.budget)
        rankedKind = finals.isEmpty && !budgets.isEmpty ? .budget : .final
        let ranked = (rankedKind == .final ? finals : budgets).map(\.report)
        families = BriefingFamily.all.map { family in
            (family, family.metrics.map { MetricTable(metric: $0, reports: ranked, order: .descending) })
        }
        let pairs = alignment.budgetFinalPairs(year: year)
        let amounts = MetricContext.budgetAmounts(for: BriefingFamily.all.flatMap(\.metrics))
        budgetExecution = BudgetExecution.tables(for: amounts, pairs: pairs)
        self.pairs = budgetExecution.isEmpty ? [] : pairs
    }

    /// The fiscal years of the aligned reports, ascending: `[2020, 2023, 2024]`.
    public static func years(in alignment: Alignment) -> [Int] {
        Set(alignment.reports.map(\.fiscalYear)).sorted()
    }

    /// Final accounts first, then budgets.
    public var reports: [BriefingReport] { finals + budgets }

    /// The reports the family tables rank.
    public var ranked: [BriefingReport] { rankedKind == .final ? finals : budgets }

    /// The sentence `report`'s figure for `metric` was read from, nil when it has none.
    public func sourceText(_ report: AlignedReport, _ metric: MetricID) -> String? {
        reports.first { $0.report.path == report.path }?.sourceTexts[metric]
    }

    /// The ranked tables, family by family.
    public var tables: [MetricTable] { families.flatMap(\.tables) }

    /// The notes a reader needs: scopes that differ among the ranked reports (amounts are not
    /// like for like, shares are), who does not disclose a ranked figure, and budgets set
    /// against final accounts of another scope.
    public var notes: [ComparisonNote] {
        var notes: [ComparisonNote] = []
        let scopes = Set(ranked.compactMap(\.report.scope))
        if scopes.count > 1 {
            notes.append(.notLikeForLike(years: [fiscalYear], scopes: ReportScope.allCases.filter(scopes.contains), kinds: [rankedKind]))
        }
        notes += tables.flatMap(\.notes)
        notes += pairs.filter(\.scopesDiffer).map { .scopesDiffer(ComparisonNote.ScopeDifference($0)) }
        return notes
    }
}

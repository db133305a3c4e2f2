import DisclosureKit

/// The whole comparison as a value: the reports compared, one ranked table per metric,
/// the budget-against-final tables, the notes and the warnings. Renderers turn it into a
/// terminal table, CSV, JSON or Markdown; nothing here prints or touches a file.
///
/// On the five datasets with default options: four final accounts (乙市 2023, 甲市 2024,
/// 丁区 2020, 丙市 2024), eleven ranked tables (`“三公”经费合计` first: 丙市 7.50,
/// 乙市 2.34, 甲市 0.97, 丁区 0.68), budget-against-final tables for 甲市 2024, a
/// note that years and scopes differ and one that 甲市's budget and final cover
/// different units.
public struct Comparison: Sendable {
    public let options: ComparisonOptions
    /// Every report placed under a key, compared or not.
    public let alignment: Alignment
    /// The reports ranked, in key order.
    public let reports: [AlignedReport]
    public let tables: [MetricTable]
    /// Bureau-years that have both a budget and final accounts (within `--year`).
    public let pairs: [BudgetFinalPair]
    public let budgetExecution: [BudgetExecution]

    public init(_ sources: [SourceReport], options: ComparisonOptions = ComparisonOptions()) {
        self.init(alignment: Alignment(sources), options: options)
    }

    public init(alignment: Alignment, options: ComparisonOptions = ComparisonOptions()) {
        self.options = options
        self.alignment = alignment
        let reports = alignment.selected(options.selection)
        self.reports = reports
        let ranked = options.rankedMetrics
        tables = ranked.map { MetricTable(metric: $0, reports: reports, order: options.order) }
        let pairs = alignment.budgetFinalPairs(year: options.selection.year)
        budgetExecution = BudgetExecution.tables(for: MetricContext.budgetAmounts(for: ranked), pairs: pairs)
        self.pairs = budgetExecution.isEmpty ? [] : pairs
    }

    public var warnings: [AlignmentWarning] { alignment.warnings }

    /// The fiscal years of the compared reports, ascending: `[2020, 2023, 2024]`.
    public var years: [Int] { Set(reports.map(\.fiscalYear)).sorted() }
    /// The scopes of the compared reports, unit first.
    public var scopes: [ReportScope] {
        let present = Set(reports.compactMap(\.scope))
        return ReportScope.allCases.filter(present.contains)
    }
    public var kinds: [ReportKind] {
        let present = Set(reports.map(\.kind))
        return ReportKind.allCases.filter(present.contains)
    }

    /// The notes about the rankings as a whole: nothing compared, or not like for like.
    public var rankingNotes: [ComparisonNote] {
        if reports.isEmpty {
            return [.nothingCompared(year: options.selection.year, kinds: options.selection.kinds)]
        }
        if years.count > 1 || scopes.count > 1 || kinds.count > 1 {
            return [.notLikeForLike(years: years, scopes: scopes, kinds: kinds)]
        }
        return []
    }

    /// The notes under the budget-against-final tables: each pair whose scopes differ.
    public var budgetNotes: [ComparisonNote] {
        pairs.filter(\.scopesDiffer).map { .scopesDiffer(ComparisonNote.ScopeDifference($0)) }
    }

    /// Every note: the ranking notes, each table's, then the budget-against-final ones.
    public var notes: [ComparisonNote] {
        rankingNotes + tables.flatMap(\.notes) + budgetNotes
    }
}

import DisclosureKit

/// Reports placed under their keys (bureau × fiscal year × kind), one per key, with the
/// warnings that placing them produced.
///
/// Given the five datasets, `Alignment(sources).reports` is
/// `乙市… 2023 final`, `甲市… 2024 final`, `甲市… 2024 budget`, `甲市丁区… 2020 final`,
/// `丙市… 2024 final` (in key order), and there are no warnings.
///
/// Duplicates (two files with one key) are resolved deterministically: the report that
/// discloses more catalog figures wins, since it is the more complete reading; on a tie the
/// path that sorts first (by Unicode scalars) wins. Either way a `.duplicate` warning names
/// all files. Reports without a bureau, year or kind get an `.unaligned` warning.
public struct Alignment: Sendable {
    /// One report per key, in key order.
    public let reports: [AlignedReport]
    /// In the order met: unaligned reports in input order, then duplicates in key order.
    public let warnings: [AlignmentWarning]

    public init(_ sources: [SourceReport]) {
        var warnings: [AlignmentWarning] = []
        var groups: [ReportKey: [SourceReport]] = [:]
        for source in sources {
            let metadata = source.metadata
            guard let key = ReportKey(metadata: metadata) else {
                var missing: [AlignmentWarning.MissingFact] = []
                if metadata.bureau.flatMap(BureauIdentity.init) == nil { missing.append(.bureau) }
                if metadata.fiscalYear == nil { missing.append(.fiscalYear) }
                if metadata.kind == nil { missing.append(.kind) }
                warnings.append(.unaligned(path: source.path, missing: missing))
                continue
            }
            groups[key, default: []].append(source)
        }
        var reports: [AlignedReport] = []
        for key in groups.keys.sorted() {
            let group = (groups[key] ?? []).sorted(by: Self.preferred)
            guard let chosen = group.first else { continue }
            if group.count > 1 {
                warnings.append(.duplicate(key: key, chosen: chosen.path, ignored: group.dropFirst().map(\.path)))
            }
            reports.append(AlignedReport(key: key, source: chosen))
        }
        self.reports = reports
        self.warnings = warnings
    }

    /// Whether `a` is preferred over `b` among duplicates: more figures disclosed, then the
    /// path first in Unicode scalar order, then the document name (for identical paths).
    static func preferred(_ a: SourceReport, _ b: SourceReport) -> Bool {
        if a.disclosedCount != b.disclosedCount { return a.disclosedCount > b.disclosedCount }
        if a.path != b.path { return ScalarOrder.precedes(a.path, b.path) }
        return ScalarOrder.precedes(a.document, b.document)
    }

    /// The reports `selection` chooses, in key order.
    public func selected(_ selection: ReportSelection) -> [AlignedReport] {
        selection.apply(to: reports)
    }

    /// Every bureau and year with both a budget and final accounts, restricted to `year`
    /// when given, in bureau then year order.
    public func budgetFinalPairs(year: Int? = nil) -> [BudgetFinalPair] {
        var budgets: [BudgetFinalPair.Slot: AlignedReport] = [:]
        for report in reports where report.kind == .budget {
            budgets[BudgetFinalPair.Slot(bureau: report.bureau, fiscalYear: report.fiscalYear)] = report
        }
        return reports.compactMap { final in
            guard final.kind == .final, year == nil || final.fiscalYear == year,
                  let budget = budgets[BudgetFinalPair.Slot(bureau: final.bureau, fiscalYear: final.fiscalYear)]
            else { return nil }
            return BudgetFinalPair(budget: budget, final: final)
        }
    }
}

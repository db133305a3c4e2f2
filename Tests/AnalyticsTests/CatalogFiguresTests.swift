import Testing
import Analytics
import DisclosureKit

/// The figures taken in place are the figures looked up metric by metric, whatever order or
/// gaps the extractor's list has.
@Suite struct CatalogFiguresTests {
    static func report(_ figures: [Figure]) -> ExtractedReport {
        ExtractedReport(document: "a.txt", metadata: ReportMetadata(), observations: [], figures: figures)
    }

    @Test func inPlaceEqualsLookedUp() {
        let ids = MetricID.allCases
        let full = ids.enumerated().map { index, id in
            Figure(metric: id, value: index % 3 == 0 ? nil : .amount(Amount(fen: Int64(index * 101))))
        }
        let lists: [[Figure]] = [
            full,
            full.reversed(),
            Array(full.dropFirst()),
            Array(full.dropLast()) + [full[0]],
            full.enumerated().map { $0.offset == 5 ? Figure(metric: ids[4], value: nil) : $0.element },
            full + [Figure(metric: ids[0], value: nil)],
            [],
        ]
        for figures in lists {
            let report = Self.report(figures)
            #expect(report.catalogFigures == ids.map { report[$0] })
        }
    }
}

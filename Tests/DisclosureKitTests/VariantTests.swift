import Foundation
import Testing
@testable import DisclosureKit

/// The same figures must come out when a dataset is re-shaped the way other converters and
/// bureaus write: full-width digits, amounts in 元, hard wrapping, CRLF — under a neutral name.
@Suite("Dataset variants give the same figures")
struct VariantTests {
    static let rows: [TestSupport.Expected] = (try? TestSupport.expectedRows()) ?? []

    enum Variant: String, CaseIterable, Sendable {
        case fullWidth, inYuan, hardWrapped, crlf

        func apply(_ text: String) -> String {
            switch self {
            case .fullWidth: return ReportVariants.fullWidth(text)
            case .inYuan: return ReportVariants.inYuan(text)
            case .hardWrapped: return ReportVariants.hardWrapped(text)
            case .crlf: return ReportVariants.crlf(text)
            }
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        let document: String
        let variant: Variant
        var description: String { "\(document) \(variant.rawValue)" }
    }

    static let cases: [Case] = TestSupport.datasetNames.flatMap { d in Variant.allCases.map { Case(document: d, variant: $0) } }

    @Test("variant reproduces every expected row", arguments: cases)
    func variant(_ c: Case) throws {
        let text = c.variant.apply(try TestSupport.text(c.document))
        let report = try TestSupport.extract(text, document: "report.txt")
        try VariantTests.assertMatchesOracle(report, document: c.document)
    }

    /// Asserts metadata and every figure of `document`'s expected rows.
    static func assertMatchesOracle(_ report: ExtractedReport, document: String) throws {
        let expected = rows.filter { $0.document == document }
        #expect(expected.count == 22)
        for e in expected {
            #expect(report.metadata.bureau == e.bureau, "\(e)")
            #expect(report.metadata.region == e.region, "\(e)")
            #expect(report.metadata.fiscalYear.map(String.init) == e.fiscalYear, "\(e)")
            #expect(report.metadata.kind?.rawValue == e.kind, "\(e)")
            #expect(report.metadata.scope?.rawValue == e.scope, "\(e)")
            let metric = try #require(MetricID(rawValue: e.metric))
            let f = report[metric]
            #expect(TestSupport.sameNumber(f.formattedValue, e.value), "\(e): value \(f.formattedValue) expected \(e.value)")
            #expect(TestSupport.sameNumber(f.reported?.description ?? "", e.reported),
                    "\(e): reported \(f.reported?.description ?? "") expected \(e.reported)")
        }
    }
}

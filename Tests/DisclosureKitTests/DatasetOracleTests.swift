import Foundation
import Testing
@testable import DisclosureKit

/// The acceptance oracle: every row of `expected-metrics.csv` must come out of the five datasets.
@Suite("Datasets against expected-metrics.csv")
struct DatasetOracleTests {
    static let rows: [TestSupport.Expected] = (try? TestSupport.expectedRows()) ?? []

    @Test("the oracle file is loaded") func oracleLoaded() {
        #expect(Self.rows.count == 110)
    }

    @Test("each expected row is reproduced", arguments: rows)
    func row(_ expected: TestSupport.Expected) throws {
        let report = try TestSupport.extract(try TestSupport.text(expected.document), document: expected.document)
        let meta = report.metadata
        #expect(meta.bureau == expected.bureau)
        #expect(meta.region == expected.region)
        #expect(meta.fiscalYear.map(String.init) == expected.fiscalYear)
        #expect(meta.kind?.rawValue == expected.kind)
        #expect(meta.scope?.rawValue == expected.scope)
        guard let metric = MetricID(rawValue: expected.metric) else {
            Issue.record("unknown metric \(expected.metric)")
            return
        }
        let figure = report[metric]
        #expect(TestSupport.sameNumber(figure.formattedValue, expected.value),
                "value \(figure.formattedValue) expected \(expected.value)")
        #expect(TestSupport.sameNumber(figure.reported?.description ?? "", expected.reported),
                "reported \(figure.reported?.description ?? "") expected \(expected.reported)")
        if figure.isDisclosed, metric.metric.origin == .reported {
            // Every reported figure carries the line it came from.
            let source = try #require(figure.source)
            #expect(source.line > 0)
            #expect(!source.snippet.isEmpty)
        }
    }
}

/// Provenance: the line a figure cites holds the figure's number.
@Suite("Every figure carries its source line")
struct ProvenanceTests {
    @Test("the cited line of each stated amount contains the stated number", arguments: TestSupport.datasetNames)
    func citedLineHoldsNumber(_ name: String) throws {
        let text = try TestSupport.text(name)
        let lines = text.components(separatedBy: "\n")
        let report = try TestSupport.extract(text, document: name)
        var checked = 0
        for figure in report.figures where figure.metric.metric.origin == .reported && figure.isDisclosed {
            guard !figure.flags.contains(.summedFromParts) else { continue }
            let source = try #require(figure.source)
            let line = lines[source.line - 1].replacingOccurrences(of: ",", with: "")
            #expect(line.contains(source.stated.description), "\(name) \(figure.metric.rawValue): line \(source.line)")
            #expect(source.snippet.contains(source.stated.description))
            checked += 1
        }
        #expect(checked >= 14)
    }
}

import Foundation
import TestHelpers
@testable import DisclosureKit

/// Paths and small helpers shared by the DisclosureKit tests.
enum TestSupport {
    /// The repository's `Datasets/` folder, found from this file's path.
    static let datasets: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets")

    static let datasetNames = [
        "baotou-2024-budget.txt", "baotou-2024-final.txt", "huairen-2024-final.txt",
        "kundulun-2020-final.txt", "wuhai-2023-final.txt",
    ]

    static func text(_ name: String) throws -> String {
        try String(contentsOf: datasets.appendingPathComponent(name), encoding: .utf8)
    }

    static func extract(_ text: String, document: String = "report.txt") throws -> ExtractedReport {
        try ReportExtractor().extract(text: text, document: document).get()
    }

    /// One row of `expected-metrics.csv`.
    struct Expected: Sendable, CustomStringConvertible {
        let document, bureau, region, fiscalYear, kind, scope, metric, value, reported, note: String
        var description: String { "\(document) \(metric)" }
    }

    static func expectedRows() throws -> [Expected] {
        guard let url = Bundle.module.url(forResource: "expected-metrics", withExtension: "csv") else {
            throw CocoaError(.fileNoSuchFile)
        }
        let rows = CSVRecords.parse(try String(contentsOf: url, encoding: .utf8))
        return rows.dropFirst().filter { $0.count >= 9 }.map {
            Expected(document: $0[0], bureau: $0[1], region: $0[2], fiscalYear: $0[3], kind: $0[4], scope: $0[5],
                     metric: $0[6], value: $0[7], reported: $0[8], note: $0.count > 9 ? $0[9] : "")
        }
    }

    /// Compares two decimal texts numerically ("0" == "0.00", "2.5" == "2.50"); empty only equals empty.
    static func sameNumber(_ a: String, _ b: String) -> Bool {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty }
        guard let x = FixedDecimal(a), let y = FixedDecimal(b) else { return a == b }
        let scale = max(x.scale, y.scale)
        return x.scaled(to: scale) == y.scaled(to: scale)
    }
}

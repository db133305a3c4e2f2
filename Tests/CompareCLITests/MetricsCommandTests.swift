import TestHelpers
import Foundation
import Testing
import DisclosureKit
@testable import CompareCLI

/// `metrics` in every format.
@Suite struct MetricsCommandTests {
    @Test func csvListsTheCatalog() {
        let run = ToolRun(["metrics", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let records = CSVRecords.parse(run.stdout)
        #expect(records.first == ["metric", "chinese", "english", "unit", "origin", "decimals", "definition"])
        #expect(records.dropFirst().map { $0[0] } == MetricID.allCases.map(\.rawValue))
        #expect(records.dropFirst().first?[1] == "“三公”经费合计")
        #expect(records.last?[5] == "2")
    }

    @Test func csvIsTheDefaultOffATerminal() {
        #expect(ToolRun(["metrics"]).stdout == ToolRun(["metrics", "--format=csv"]).stdout)
    }

    @Test func jsonParses() throws {
        let run = ToolRun(["metrics", "--format", "json"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(objects.count == Metric.catalog.count)
        #expect(objects.first?["metric"] as? String == "sangong_total")
        #expect((objects.first?["decimals"] as? NSNumber)?.intValue == 2)
    }

    @Test func tableFitsTheTerminal() {
        let terminal = Terminal(stdoutIsTTY: true, columns: 120, colorAllowed: true)
        let run = ToolRun(["metrics"], terminal: terminal)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("metric"))
        #expect(run.stdout.contains("sangong_intensity"))
    }

    @Test func tsvHasSevenColumns() {
        let lines = ToolRun(["metrics", "--format", "tsv"]).stdout.split(separator: "\n")
        #expect(lines.count == 1 + Metric.catalog.count)
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 7 })
    }
}

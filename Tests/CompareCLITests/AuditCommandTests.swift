import TestHelpers
import Foundation
import Testing
@testable import CompareCLI

/// `audit` run in-process on the datasets.
@Suite struct AuditCommandTests {
    @Test func findingsCSVHasTheContractColumnsAndTheKnownFindings() {
        let run = ToolRun(["audit", Repository.datasets.path, "--format", "csv"])
        #expect(run.status == 0, "findings are not failures: \(run.stderr)")
        let records = CSVRecords.parse(run.stdout)
        #expect(records.first == ["document", "severity", "check", "metric", "stated", "expected", "source_lines", "source_pages", "message"])
        let rows = records.dropFirst()
        #expect(rows.contains { $0[0] == "kundulun-2020-final.txt" && $0[1] == "error" && $0[3] == "project_share" && $0[5] == "68.849–68.851" })
        #expect(rows.contains { $0[0] == "baotou-2024-budget.txt" && $0[2] == "conflicting_statements" && $0[3] == "sangong_reception" })
        #expect(rows.contains { $0[0] == "baotou-2024-budget.txt" && $0[2] == "conflicting_statements" && $0[3] == "sangong_vehicle" })
        #expect(rows.contains { $0[0] == "baotou-2024-final.txt" && $0[1] == "error" && $0[3] == "procurement_small_micro" })
        #expect(!rows.contains { $0[1] == "error" && $0[2] == "execution_rate" })
    }

    @Test func strictExitsOneWhenAnErrorIsFound() {
        let run = ToolRun(["audit", Repository.datasets.path, "--format", "csv", "--strict"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("--strict"))
        let clean = ToolRun(["audit", Repository.datasets.appendingPathComponent("wuhai-2023-final.txt").path, "--strict", "--format", "csv"])
        #expect(clean.status == 0, "wuhai has no error-level finding: \(clean.stdout)")
    }

    @Test func englishMessages() {
        let run = ToolRun(["audit", Repository.datasets.appendingPathComponent("kundulun-2020-final.txt").path, "--format", "csv", "--lang", "en"])
        #expect(run.stdout.contains("is stated as 68.90% of Expenditure of the year"))
    }

    @Test func completenessRowPerReport() {
        let run = ToolRun(["audit", Repository.datasets.path, "--completeness", "--format", "csv"])
        let records = CSVRecords.parse(run.stdout)
        #expect(records.first == ["document", "bureau", "fiscal_year", "kind", "score", "disclosed", "required", "missing"])
        #expect(records.count == 6)
        let kundulun = records.first { $0.first == "kundulun-2020-final.txt" }
        #expect(kundulun?[7].contains("procurement_sme") == true)
        for row in records.dropFirst() {
            let score = Int(row[4]) ?? -1
            #expect((0...100).contains(score))
            #expect(Int(row[5]).map { $0 <= Int(row[6]) ?? 0 } == true)
        }
    }

    @Test func jsonParses() throws {
        let run = ToolRun(["audit", Repository.datasets.path, "--format", "json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 5)
        #expect(parsed?.first?["findings"] is [Any])
    }
}

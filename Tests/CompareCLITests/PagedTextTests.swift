import TestHelpers
import Foundation
import Testing
import DisclosureKit
@testable import CompareCLI

/// A text that keeps pdftotext's page breaks (a form feed at the start of every 50th line, as a text
/// saved from `pdftotext file.pdf` has them) has pages: every output that cites a line gives its page too;
/// a text without form feeds gives none. In-process, so no pdftotext is needed.
@Suite struct PagedTextTests {
    static let name = "wuhai-2023-final.txt"
    static let linesPerPage = 50

    /// The dataset with `\f` before lines 51, 101, …: line n is on page (n − 1) / 50 + 1.
    func pagedCopy(in folder: TemporaryFolder) throws -> String {
        let text = try String(contentsOf: Repository.datasets.appendingPathComponent(Self.name), encoding: .utf8)
        let paged = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset > 0 && $0.offset % Self.linesPerPage == 0 ? "\u{0C}" + $0.element : String($0.element) }
            .joined(separator: "\n")
        let path = folder.file("paged.txt")
        try Data(paged.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func expectedPage(_ line: String) -> String {
        Int(line).map { String(($0 - 1) / Self.linesPerPage + 1) } ?? ""
    }

    @Test func extractCSVGivesThePageOfEveryLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = ToolRun(["extract", try pagedCopy(in: folder), "--format", "csv"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let records = CSVRecords.parse(run.stdout)
        let header = try #require(records.first)
        let line = try #require(header.firstIndex(of: "source_line"))
        let page = try #require(header.firstIndex(of: "source_page"))
        #expect(page == line + 1)
        let rows = records.dropFirst()
        #expect(rows.count == MetricID.allCases.count)
        #expect(rows.filter { !$0[page].isEmpty }.count >= 14)
        for row in rows { #expect(row[page] == expectedPage(row[line]), "\(row[6]) line \(row[line])") }
        // The same figures as the text without page breaks.
        let plain = CSVRecords.parse(ToolRun(["extract", Repository.datasets.appendingPathComponent(Self.name).path, "--format", "csv"]).stdout)
        #expect(rows.map { $0[7] } == plain.dropFirst().map { $0[7] })
    }

    @Test func extractTableShowsAPageColumnOnlyForPagedInput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let terminal = Terminal(stdoutIsTTY: true, columns: 120, colorAllowed: false)
        let paged = ToolRun(["extract", try pagedCopy(in: folder)], terminal: terminal)
        let plain = ToolRun(["extract", Repository.datasets.appendingPathComponent(Self.name).path], terminal: terminal)
        let pagedHeader = try #require(paged.stdoutLines.dropFirst().first)
        let plainHeader = try #require(plain.stdoutLines.dropFirst().first)
        #expect(pagedHeader.contains("line  page"))
        #expect(!plainHeader.contains("page"))
    }

    @Test func extractJSONGivesPagesForTheFigureAndItsOtherStatements() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = ToolRun(["extract", try pagedCopy(in: folder), "--format", "json"])
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let figures = try #require(reports.first?["figures"] as? [[String: Any]])
        for figure in figures {
            if let line = figure["source_line"] as? Int {
                #expect(figure["source_page"] as? Int == (line - 1) / Self.linesPerPage + 1)
            } else {
                #expect(figure["source_page"] is NSNull)
            }
            for other in (figure["other_statements"] as? [[String: Any]]) ?? [] {
                #expect(other["page"] as? Int == ((other["line"] as? Int ?? 0) - 1) / Self.linesPerPage + 1)
            }
        }
        let plain = ToolRun(["extract", Repository.datasets.appendingPathComponent(Self.name).path, "--format", "json"])
        #expect(plain.stdout.contains("\"source_page\" : null") || plain.stdout.contains("\"source_page\": null"))
    }

    @Test func auditPairsEachLineWithItsPage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = ToolRun(["audit", try pagedCopy(in: folder), "--format", "csv"])
        let records = CSVRecords.parse(run.stdout)
        let header = try #require(records.first)
        let lines = try #require(header.firstIndex(of: "source_lines"))
        let pages = try #require(header.firstIndex(of: "source_pages"))
        #expect(records.count > 1)
        for finding in records.dropFirst() {
            let expected = finding[lines].split(separator: ";").map { expectedPage(String($0)) }.joined(separator: ";")
            #expect(finding[pages] == expected)
        }
        let table = ToolRun(["audit", try pagedCopy(in: folder)], terminal: Terminal(stdoutIsTTY: true, columns: 120, colorAllowed: false))
        #expect(table.stdout.contains("lines") && table.stdout.contains("pages"))
    }

    @Test func briefingAndCompareCarryPages() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let input = try pagedCopy(in: folder)
        let out = folder.file("briefing")
        #expect(ToolRun(["briefing", input, "--out", out]).status == 0)
        let markdown = try String(contentsOfFile: out + "/2023/briefing.md", encoding: .utf8)
        #expect(markdown.contains("| 行 | 页 |"))
        let csv = CSVRecords.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/2023/briefing.csv")).dropFirst(3), as: UTF8.self))
        let header = try #require(csv.first)
        let lines = try #require(header.firstIndex(of: "source_lines"))
        let pages = try #require(header.firstIndex(of: "source_pages"))
        let figureRows = csv.dropFirst().filter { $0[0] == "figure" && !$0[lines].isEmpty }
        #expect(!figureRows.isEmpty)
        for row in figureRows {
            #expect(row[pages] == row[lines].split(separator: ";").map { expectedPage(String($0)) }.joined(separator: ";"))
        }

        let compared = folder.file("compare")
        #expect(ToolRun(["compare", input, "--out", compared, "--format", "csv"]).status == 0)
        let json = try String(contentsOfFile: compared + "/comparison.json", encoding: .utf8)
        #expect(json.contains("\"source_page\""))
        let metrics = CSVRecords.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: compared + "/metrics.csv")).dropFirst(3), as: UTF8.self))
        let page = try #require(metrics.first?.firstIndex(of: "source_page"))
        #expect(metrics.dropFirst().contains { !$0[page].isEmpty })
    }
}

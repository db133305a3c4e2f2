import TestHelpers
import Foundation
import Rendering
import Testing
import DisclosureKit
@testable import CompareCLI

/// `extract` run in-process on the datasets and on hand-made folders.
@Suite struct ExtractCommandTests {
    static let header = "document,bureau,region,fiscal_year,kind,scope,metric,value,reported,source_line,source_page,source_text,flags"

    @Test func csvHeaderIsTheContractsColumnsThenExtras() {
        let run = ToolRun(["extract", Repository.datasets.path, "--format", "csv"])
        let first = run.stdoutLines.first.map(String.init) ?? ""
        #expect(first.hasPrefix(Self.header + ","))
        #expect(first == Self.header + ",unit,label")
    }

    @Test func csvHasOneRowPerReportAndMetricInCatalogOrder() throws {
        let run = ToolRun(["extract", Repository.datasets.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty)
        let records = CSVRecords.parse(run.stdout)
        let files = try Repository.datasetFiles().map(\.lastPathComponent)
        #expect(records.count == 1 + files.count * MetricID.allCases.count)
        for (index, file) in files.enumerated() {
            let rows = records.dropFirst(1 + index * MetricID.allCases.count).prefix(MetricID.allCases.count)
            #expect(rows.allSatisfy { $0.first == file })
            #expect(rows.map { $0[6] } == MetricID.allCases.map(\.rawValue))
            #expect(rows.allSatisfy { $0.count == 15 })
            // Text without page breaks has no pages: source_page is empty.
            #expect(rows.allSatisfy { $0[10].isEmpty })
        }
    }

    @Test func unreadableFileIsNamedAndTheRestStillRuns() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let report = try #require(Repository.datasetFiles().first)
        try FileManager.default.copyItem(atPath: report.path, toPath: folder.file("a-report.txt"))
        #expect(FileManager.default.createFile(atPath: folder.file("b-empty.txt"), contents: Data()))

        let run = ToolRun(["extract", folder.path, "--format", "csv"])
        #expect(run.status == 1)
        #expect(run.stderrLines == ["bureau-compare: \(folder.file("b-empty.txt")): empty file"])
        let records = CSVRecords.parse(run.stdout)
        #expect(records.first?.prefix(13).joined(separator: ",") == Self.header)
        #expect(records.count == 1 + MetricID.allCases.count)
        #expect(records.dropFirst().allSatisfy { $0.first == "a-report.txt" })
    }

    @Test func missingPathIsExitOneWithAWellFormedDocument() {
        let run = ToolRun(["extract", "/nonexistent/compare-cli-test"])
        #expect(run.status == 1)
        #expect(run.stderr == "bureau-compare: /nonexistent/compare-cli-test: no such file or folder\n")
        #expect(run.stdout == CSVWriter.csvHeaderLine)
    }

    @Test func jsonParsesAndHoldsEveryFigure() throws {
        let run = ToolRun(["extract", Repository.datasets.path, "--format", "json"])
        #expect(run.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        let reports = try #require(parsed as? [[String: Any]])
        #expect(reports.count == (try Repository.datasetFiles().count))
        for report in reports {
            #expect(report["document"] is String)
            #expect(report["observations"] is NSNumber)
            for key in ["bureau", "region", "fiscal_year", "kind", "scope"] {
                #expect(report.keys.contains(key))
            }
            let figures = try #require(report["figures"] as? [[String: Any]])
            #expect(figures.compactMap { $0["metric"] as? String } == MetricID.allCases.map(\.rawValue))
            for figure in figures {
                let value = figure["value"]
                #expect(value is NSNull || value is NSNumber)
            }
        }
    }

    @Test("rows and tables print figures only: the same from an audited and an unaudited extraction")
    func figureFormatsNeedNoAudit() throws {
        for file in try Repository.datasetFiles() {
            let reportFile = ReportFile(path: file.path)
            let audited = try ReportLoader(extractor: ReportExtractor()).load(reportFile).get()
            let figuresOnly = try ReportLoader(extractor: ReportExtractor(audits: false)).load(reportFile).get()
            #expect(audited.isAudited && !figuresOnly.isAudited && figuresOnly.findings.isEmpty)
            #expect(!audited.findings.isEmpty || audited.completeness.score > 0, "\(file.lastPathComponent) was audited")
            for format in [OutputFormat.csv, .tsv, .table] {
                let document = ExtractDocument(format: format, terminal: .captured)
                #expect(!document.printsAudit)
                #expect(document.render(audited) == document.render(figuresOnly), "\(format) of \(file.lastPathComponent)")
            }
            #expect(ExtractDocument(format: .json, terminal: .captured).printsAudit)
        }
    }

    @Test func tsvHasTheSameColumnsSeparatedByTabs() {
        let run = ToolRun(["extract", Repository.datasets.path, "--format", "tsv"])
        #expect(run.stdout.hasPrefix(Self.header.replacingOccurrences(of: ",", with: "\t") + "\tunit\tlabel\n"))
        #expect(run.stdoutLines.dropLast().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 15 })
    }

    @Test func tableIsTheDefaultOnATerminalAndFitsItsWidth() throws {
        let report = try #require(Repository.datasetFiles().first)
        let terminal = Terminal(stdoutIsTTY: true, columns: 80, colorAllowed: false)
        let run = ToolRun(["extract", report.path], terminal: terminal)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix(report.lastPathComponent + " — "))
        #expect(run.stdout.contains("“三公”经费合计"))
        #expect(!run.stdout.contains("\u{1B}["))
        #expect(run.stdout.contains("figures disclosed"))
    }

    @Test func colourOnlyWhenAllowed() throws {
        let report = try #require(Repository.datasetFiles().first)
        let terminal = Terminal(stdoutIsTTY: true, columns: 100, colorAllowed: true)
        #expect(ToolRun(["extract", report.path], terminal: terminal).stdout.hasPrefix("\u{1B}[1m"))
        #expect(!ToolRun(["extract", report.path, "--format", "csv"], terminal: terminal).stdout.contains("\u{1B}"))
    }

    @Test func stdoutNeverStartsWithAByteOrderMark() {
        for format in OutputFormat.allCases {
            let run = ToolRun(["extract", Repository.datasets.path, "--format", format.rawValue])
            #expect(!run.stdout.hasPrefix("\u{FEFF}"), "\(format)")
        }
    }
}

extension CSVWriter {
    /// The CSV header line of `extract`, as the command writes it.
    static var csvHeaderLine: String { CSVWriter.csv.row(ExtractDocument.header) }
}

import TestHelpers
import Foundation
import Rendering
import Testing
import Analytics
import DisclosureKit
@testable import CompareCLI

/// `compare` run in-process on the datasets: formats, notes, files, BOM, atomic writes,
/// and the alignment of the terminal tables.
@Suite struct CompareCommandTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Runs `compare Datasets --out <folder> extra…`.
    func compare(_ extra: [String], out: String, terminal: Terminal = .captured) -> ToolRun {
        ToolRun(["compare", Repository.datasets.path, "--out", out] + extra, terminal: terminal)
    }

    func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    // MARK: stdout formats

    @Test func csvIsTheDefaultInAPipeWithTheRankingsColumns() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = compare([], out: folder.path)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let records = CSVRecords.parse(run.stdout)
        #expect(records.first?.prefix(8).joined(separator: ",") == "metric,rank,bureau,region,fiscal_year,kind,scope,value")
        let sangong = records.filter { $0.first == "sangong_total" }
        #expect(sangong.map { "\($0[1]) \($0[3]) \($0[7])" } == ["1 怀仁市 7.50", "2 乌海市 2.34", "3 包头市 0.97", "4 昆都仑区 0.68"])
        let share = records.filter { $0.first == "procurement_sme_share" }
        #expect(share.map { "\($0[1]) \($0[3]) \($0[7]) \($0[10])" } == ["1 乌海市 100.00 ", "2 包头市 98.70 ", "3 怀仁市 0.00 ", " 昆都仑区  未公开"])
    }

    @Test func mixedYearNoteGoesToStderrForCSVAndJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for format in ["csv", "json", "tsv"] {
            let run = compare(["--format", format], out: folder.path)
            #expect(run.status == 0)
            #expect(run.stderr.contains("分属不同年度（2020、2023、2024）"), "\(format)")
            #expect(run.stderr.contains("金额不是同口径的比较"))
            #expect(!run.stdout.contains("分属不同年度") || format == "json", "\(format): the note is not data")
        }
        let english = compare(["--lang", "en"], out: folder.path)
        #expect(english.stderr.contains("fiscal years 2020, 2023, 2024"))
        #expect(english.stderr.contains("amounts are not like for like"))
    }

    @Test func notesStandUnderTheTablesForTableAndMarkdown() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for format in ["table", "markdown"] {
            let run = compare(["--format", format], out: folder.path)
            #expect(run.stdout.contains("分属不同年度（2020、2023、2024）"), "\(format)")
            #expect(run.stdout.contains("含 4 家单位") && run.stdout.contains("含 1 家单位"))
            #expect(!run.stderr.contains("分属不同年度"))
        }
    }

    @Test func jsonHoldsRankingsBudgetAgainstFinalAndNotes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = compare(["--format", "json"], out: folder.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rankings = try #require(object["rankings"] as? [[String: Any]])
        let admin = try #require(rankings.first { $0["metric"] as? String == "admin_operating_cost" })
        let entries = try #require(admin["entries"] as? [[String: Any]])
        #expect(entries.compactMap { $0["region"] as? String } == ["包头市", "乌海市", "昆都仑区", "怀仁市"])
        #expect(entries.compactMap { ($0["value"] as? NSNumber)?.doubleValue } == [124.46, 54.64, 23.17, 19.07])
        let sme = try #require(rankings.first { $0["metric"] as? String == "procurement_sme_share" })
        let last = try #require((sme["entries"] as? [[String: Any]])?.last)
        #expect(last["value"] is NSNull && last["rank"] is NSNull)
        let budget = try #require(object["budget_vs_final"] as? [[String: Any]])
        let rows = try #require(budget.first?["rows"] as? [[String: Any]])
        #expect((rows.first?["execution"] as? NSNumber)?.doubleValue == 25.73)
        #expect(rows.first?["scopes_differ"] as? Bool == true)
        let notes = try #require(object["notes"] as? [[String: Any]])
        #expect(notes.compactMap { $0["code"] as? String }.contains("not_like_for_like"))
    }

    @Test func markdownHasAPipeTablePerMetric() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = compare(["--format", "markdown", "--metric", "project_share"], out: folder.path)
        #expect(run.stdout.contains("## 项目支出占比（%） `project_share`"))
        #expect(run.stdout.contains("| 1 | 怀仁市工业和信息化局 | 怀仁市 | 2024 | 决算 | 部门 | 94 | 87.61 | 4649.76 | 5307.63 |  |\n"))
        #expect(run.stdout.contains("## 预算与决算："))
        #expect(!run.stdout.contains("█"))
    }

    @Test func metricAndOrderOptions() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = compare(["--metric", "sangong_total", "--metric", "project_share", "--order", "asc"], out: folder.path)
        let records = CSVRecords.parse(run.stdout).dropFirst()
        #expect(Set(records.map { $0[0] }) == ["sangong_total", "project_share"])
        #expect(records.filter { $0[0] == "project_share" }.map { $0[3] } == ["包头市", "昆都仑区", "乌海市", "怀仁市"])
    }

    @Test func englishNames() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let terminal = Terminal(stdoutIsTTY: true, columns: 120, colorAllowed: false)
        let run = compare(["--lang", "en", "--metric", "sangong_total"], out: folder.path, terminal: terminal)
        #expect(run.stdout.contains("Three public expenses, total (万元) sangong_total · largest first"))
        #expect(run.stdout.contains("bureau"))
        #expect(run.stdout.contains(" final "))
    }

    // MARK: terminal tables

    /// The display column where each ranked table's value column ends, per row, for every
    /// ranked table in a terminal run.
    func valueEdges(_ text: String) -> [(title: String, edges: [Int], cells: [String])] {
        var result: [(String, [Int], [String])] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index + 2 < lines.count {
            let title = lines[index]
            let isRanked = title.contains(" · 从大到小") || title.contains(" · 从小到大")
            guard isRanked, lines[index + 2].hasPrefix("─") else { index += 1; continue }
            // The rule gives the columns: runs of ─ separated by two spaces.
            let widths = lines[index + 2].components(separatedBy: "  ").map { EastAsianWidth.columns(of: $0) }
            // Leading columns: rank, bureau, region, year, kind, scope, completeness, value.
            let valueEnd = widths.prefix(8).reduce(0, +) + TextTable.gap.count * 7
            var edges: [Int] = []
            var cells: [String] = []
            var row = index + 3
            while row < lines.count, !lines[row].isEmpty, !lines[row].hasPrefix("— ") {
                var column = 0
                var prefix = ""
                for c in lines[row] {
                    if column >= valueEnd { break }
                    column += EastAsianWidth.columns(of: c)
                    prefix.append(c)
                }
                let token = prefix.split(separator: " ").last.map(String.init) ?? ""
                // The cell ends exactly at valueEnd: its last character is there, not a space.
                edges.append(prefix.last == " " ? -1 : column)
                cells.append(token)
                row += 1
            }
            result.append((title, edges, cells))
            index = row
        }
        return result
    }

    @Test(arguments: [100, 60, 160])
    func everyValueOfAColumnEndsAtTheSameDisplayColumn(columns: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let terminal = Terminal(stdoutIsTTY: true, columns: columns, colorAllowed: false)
        let run = compare([], out: folder.path, terminal: terminal)
        #expect(run.status == 0)
        let tables = valueEdges(run.stdout)
        #expect(tables.count == MetricContext.defaultRanked.count)
        for table in tables {
            #expect(table.edges.count == 4, "\(table.title)")
            #expect(Set(table.edges).count == 1, "\(table.title): \(table.edges)")
            #expect(!table.edges.contains(-1), "\(table.title)")
            #expect(table.cells.allSatisfy { $0 == "—" || FixedDecimal($0) != nil }, "\(table.title): \(table.cells)")
        }
        let sangong = try #require(tables.first { $0.title.contains("sangong_total") })
        #expect(sangong.cells == ["7.50", "2.34", "0.97", "0.68"])
        let project = try #require(tables.first { $0.title.contains("project_share") })
        #expect(project.cells == ["87.61", "72.54", "68.85", "52.31"])
        let sme = try #require(tables.first { $0.title.contains("procurement_sme_share") })
        #expect(sme.cells == ["100.00", "98.70", "0.00", "—"])
        let admin = try #require(tables.first { $0.title.contains("admin_operating_cost") })
        #expect(admin.cells == ["124.46", "54.64", "23.17", "19.07"])
    }

    @Test func tableIsTheDefaultOnATerminalWithBarsAndNoColourUnlessAllowed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let plain = compare([], out: folder.path, terminal: Terminal(stdoutIsTTY: true, columns: 100, colorAllowed: false))
        #expect(plain.stdout.hasPrefix("比较 4 份报告 · 每个部门最新的决算\n"))
        #expect(plain.stdout.contains("█"))
        #expect(plain.stdout.contains("未公开"))
        #expect(!plain.stdout.contains("\u{1B}"))
        for line in plain.stdout.split(separator: "\n") where line.contains("█") {
            #expect(EastAsianWidth.columns(of: line) <= 100, "\(line)")
        }
        let coloured = compare([], out: folder.path, terminal: Terminal(stdoutIsTTY: true, columns: 100, colorAllowed: true))
        #expect(coloured.stdout.contains("\u{1B}[36m█"))
        #expect(coloured.stdout.contains("\u{1B}[1m“三公”经费合计"))
        let csv = compare(["--format", "csv"], out: folder.path, terminal: Terminal(stdoutIsTTY: true, columns: 100, colorAllowed: true))
        #expect(!csv.stdout.contains("\u{1B}"))
    }

    // MARK: files

    @Test func writesTheFourFilesWithABOMOnTheCSVs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("Reports/nested")
        let run = compare([], out: out)
        #expect(run.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["comparison.csv", "comparison.json", "metrics.csv", "rankings.csv"])
        for name in ["comparison.csv", "rankings.csv", "metrics.csv"] {
            let data = try #require(bytes(out + "/" + name))
            #expect(Array(data.prefix(3)) == Self.bom, "\(name)")
            #expect(!data.dropFirst(3).starts(with: Self.bom))
        }
        let json = try #require(bytes(out + "/comparison.json"))
        #expect(json.first == UInt8(ascii: "{"))
        #expect(!run.stdout.hasPrefix("\u{FEFF}"))
        #expect(run.stderr.contains("wrote comparison.csv, rankings.csv, metrics.csv, comparison.json to \(out)"))

        // Rankings file: the stdout CSV behind a BOM.
        #expect(String(decoding: try #require(bytes(out + "/rankings.csv")).dropFirst(3), as: UTF8.self) == run.stdout)
        // Wide file: one row per compared report, one column per metric.
        let wide = CSVRecords.parse(String(decoding: try #require(bytes(out + "/comparison.csv")).dropFirst(3), as: UTF8.self))
        #expect(wide.first == Comparison.wideHeader)
        let documentColumn = try #require(Comparison.wideHeader.firstIndex(of: "document"))
        #expect(wide.dropFirst().map { $0[documentColumn] } == ["wuhai-2023-final.txt", "baotou-2024-final.txt", "kundulun-2020-final.txt", "huairen-2024-final.txt"])
        #expect(wide.dropFirst().allSatisfy { $0.count == Comparison.wideMetadataHeader.count + MetricID.allCases.count })
        // The audit beside each bureau: completeness score and finding counts.
        let completeness = try #require(Comparison.wideHeader.firstIndex(of: "completeness"))
        #expect(wide.dropFirst().map { $0[completeness] } == ["72", "72", "66", "94"])
        // Metrics file: the extract CSV of all five reports, with provenance.
        let metrics = CSVRecords.parse(String(decoding: try #require(bytes(out + "/metrics.csv")).dropFirst(3), as: UTF8.self))
        #expect(metrics.first?.prefix(13).joined(separator: ",") == "document,bureau,region,fiscal_year,kind,scope,metric,value,reported,source_line,source_page,source_text,flags")
        #expect(metrics.count == 1 + 5 * MetricID.allCases.count)
    }

    @Test func noBOMRemovesItAndStdoutNeverHasOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for format in ComparisonFormat.allCases {
            let run = compare(["--no-bom", "--format", format.rawValue], out: folder.path)
            #expect(!run.stdout.hasPrefix("\u{FEFF}"), "\(format)")
            #expect(!compare(["--format", format.rawValue], out: folder.path).stdout.hasPrefix("\u{FEFF}"))
        }
        _ = compare(["--no-bom"], out: folder.path)
        for name in ["comparison.csv", "rankings.csv", "metrics.csv"] {
            let data = try #require(bytes(folder.file(name)))
            #expect(!data.starts(with: Self.bom), "\(name)")
            #expect(data.starts(with: Array((name == "metrics.csv" ? "document," : name == "rankings.csv" ? "metric," : "bureau,").utf8)))
        }
        _ = compare(["--bom"], out: folder.path)
        #expect(try #require(bytes(folder.file("rankings.csv"))).starts(with: Self.bom))
    }

    @Test func outInsideARegularFileIsExitThreeAndChangesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let good = folder.file("Reports")
        #expect(compare([], out: good).status == 0)
        let before = try ComparisonFiles.names.map { try #require(bytes(good + "/" + $0)) }
        let blocker = folder.file("plain.txt")
        try AtomicFile.write("not a folder\n", to: blocker)

        let run = compare(["--order", "asc"], out: blocker + "/sub")
        #expect(run.status == 3)
        #expect(run.stderr.contains("bureau-compare: cannot create folder \(blocker)"))
        #expect(!run.stdout.isEmpty, "the stdout document is still written")
        #expect(bytes(blocker) == Array("not a folder\n".utf8))
        let after = try ComparisonFiles.names.map { try #require(bytes(good + "/" + $0)) }
        #expect(after == before)
        #expect(try folder.contents() == ["Reports", "plain.txt"])
    }

    @Test func aFileThatCannotBeReplacedLeavesAllFourAsTheyWere() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(compare([], out: folder.path).status == 0)
        // comparison.json becomes a folder: it cannot be replaced, so nothing may change.
        try FileManager.default.removeItem(atPath: folder.file("comparison.json"))
        try FileManager.default.createDirectory(atPath: folder.file("comparison.json"), withIntermediateDirectories: false)
        let before = try ["comparison.csv", "rankings.csv", "metrics.csv"].map { try #require(bytes(folder.file($0))) }

        let run = compare(["--order", "asc", "--no-bom", "--lang", "en"], out: folder.path)
        #expect(run.status == 3)
        #expect(run.stderr.contains("comparison.json"))
        let after = try ["comparison.csv", "rankings.csv", "metrics.csv"].map { try #require(bytes(folder.file($0))) }
        #expect(after == before)
        // No temporary file is left behind.
        #expect(try folder.contents() == ["comparison.csv", "comparison.json", "metrics.csv", "rankings.csv"])
    }

    // MARK: inputs and usage

    @Test func unreadableInputIsExitOneAndTheRestIsCompared() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = folder.file("in")
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: false)
        for file in try Repository.datasetFiles() {
            try FileManager.default.copyItem(atPath: file.path, toPath: inputs + "/" + file.lastPathComponent)
        }
        #expect(FileManager.default.createFile(atPath: inputs + "/zz-empty.txt", contents: Data()))
        let run = ToolRun(["compare", inputs, "--out", folder.file("out")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("bureau-compare: \(inputs)/zz-empty.txt: empty file\n"))
        #expect(CSVRecords.parse(run.stdout).filter { $0.first == "sangong_total" }.count == 4)
        #expect(FileManager.default.fileExists(atPath: folder.file("out/rankings.csv")))
    }

    @Test func nothingReadableWritesNoFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = ToolRun(["compare", "/nonexistent/compare-cli-test", "--out", folder.file("out")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("nothing written to \(folder.file("out"))"))
        #expect(CSVRecords.parse(run.stdout).count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    }

    @Test func duplicateReportsWarnOnStderr() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let report = Repository.datasets.appendingPathComponent("wuhai-2023-final.txt").path
        try FileManager.default.createDirectory(atPath: folder.file("copy"), withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: report, toPath: folder.file("copy/wuhai.txt"))
        let run = ToolRun(["compare", report, folder.file("copy/wuhai.txt"), "--out", folder.file("out")])
        #expect(run.status == 0)
        #expect(run.stderr.contains("bureau-compare: warning: 乌海市工业和信息化局 2023 年决算有 2 份报告"))
        #expect(CSVRecords.parse(run.stdout).filter { $0.first == "sangong_total" }.count == 1)
    }

    @Test(arguments: [
        (["--year", "20x4"], "bureau-compare: '--year' needs a four-digit year, not '20x4'"),
        (["--year", "24"], "bureau-compare: '--year' needs a four-digit year, not '24'"),
        (["--kind", "draft"], "bureau-compare: 'draft' is not one of final, budget, all"),
        (["--order", "up"], "bureau-compare: 'up' is not one of desc, asc"),
        (["--metric", "nope"], "bureau-compare: 'nope' is not one of \(MetricID.allCases.map(\.rawValue).joined(separator: ", "))"),
        (["--bom", "--no-bom"], "bureau-compare: options '--bom' and '--no-bom' exclude each other"),
        (["--format", "html"], "bureau-compare: 'html' is not one of table, csv, tsv, json, markdown"),
        (["--lang", "fr"], "bureau-compare: 'fr' is not one of zh, en"),
    ])
    func usageErrorsWriteNothing(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = compare(arguments, out: folder.file("out"))
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == message + "\nRun 'bureau-compare --help' for usage.\n")
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    }

    @Test func helpListsCompareFirst() {
        let help = ToolRun(["--help"]).stdout
        #expect(help.contains("COMMANDS:\n  compare "))
        let own = ToolRun(["help", "compare"])
        #expect(own.status == 0)
        #expect(own.stdout.hasPrefix("bureau-compare compare: "))
        #expect(own.stdout.contains("One of: table, csv, tsv, json, markdown."))
        #expect(own.stdout.contains("--no-bom"))
    }
}

import DisclosureKit
import Foundation
import Testing
import TestHelpers
#if canImport(Glibc)
import Glibc
#endif

/// The built tool on PDFs: the datasets typeset as PDFs inside the test run give every figure of the
/// oracle with the page it stands on; folders mixing text and PDFs give one result; every way a PDF can
/// fail costs one line naming it while the other inputs are still read.
///
/// Tests that convert real PDFs need `pdftotext` and python3 with reportlab (`PDFTools.available`) and
/// are skipped with that reason without them. The tests of a missing, hanging or stand-in `pdftotext`
/// need neither: they put a folder of their own first on PATH.
@Suite struct PDFInputEndToEndTests {
    static let metricCount = 22
    static let goodText = "wuhai-2023-final.txt"

    /// A fresh temporary folder, removed by the caller.
    func temporaryFolder(_ label: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Copies dataset `name` (a `.txt`) into `folder` as `as`.
    func copyDataset(_ name: String, to folder: URL, as target: String? = nil) throws {
        try FileManager.default.copyItem(at: BuiltTool.datasets.appendingPathComponent(name),
                                         to: folder.appendingPathComponent(target ?? name))
    }

    /// Copies the PDF of dataset `name` (`wuhai-2023-final.txt` → its PDF) into `folder` as `as`.
    func copyDatasetPDF(_ name: String, to folder: URL, as target: String? = nil) throws {
        let pdf = PDFTools.pdfName(name)
        try FileManager.default.copyItem(at: try PDFTools.datasetFolder().appendingPathComponent(pdf),
                                         to: folder.appendingPathComponent(target ?? pdf))
    }

    /// The rows of an `extract` CSV, keyed by document and metric, as column name → value.
    func rowsByDocumentAndMetric(_ csv: String) -> [String: [String: String]] {
        let records = CSVRecords.parse(csv)
        guard let header = records.first else { return [:] }
        var rows: [String: [String: String]] = [:]
        for record in records.dropFirst() where record.count == header.count {
            let row = Dictionary(uniqueKeysWithValues: zip(header, record))
            rows["\(row["document"] ?? "") \(row["metric"] ?? "")"] = row
        }
        return rows
    }

    /// `0`, `0.00` and `-0` are one number; `2.5` and `2.50` another: the oracle writes numbers loosely.
    func canonicalNumber(_ text: String) -> String {
        guard text.contains(".") else { return text == "-0" ? "0" : text }
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed == "-0" ? "0" : trimmed
    }

    /// The oracle, `Tests/DisclosureKitTests/expected-metrics.csv`, one dictionary per row.
    func oracle() throws -> [[String: String]] {
        let url = BuiltTool.packageRoot.appendingPathComponent("Tests/DisclosureKitTests/expected-metrics.csv")
        let records = CSVRecords.parse(try String(contentsOf: url, encoding: .utf8))
        let header = try #require(records.first)
        return records.dropFirst().filter { $0.count >= 9 }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// The page of 1-based `line` in pdftotext's text, counted here independently of the tool: pdftotext
    /// ends every page with `\n\f`, so the form feeds before a line's end are the pages before it.
    func pageOf(line: Int, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return 1 + lines.prefix(line).reduce(0) { $0 + $1.filter { $0 == "\u{0C}" }.count }
    }

    // MARK: - The datasets as PDFs

    @Test("the five datasets as PDFs give every figure of expected-metrics.csv, each with its page",
          .enabled(if: PDFTools.available, PDFTools.missingReason))
    func datasetPDFsReproduceTheOracle() throws {
        let folder = try PDFTools.datasetFolder()
        let outcome = try BuiltTool.run(["extract", folder.path, "--format", "csv"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        let rows = rowsByDocumentAndMetric(outcome.stdout)
        #expect(rows.count == 5 * Self.metricCount)

        var reproduced = 0
        for expected in try oracle() {
            let document = PDFTools.pdfName(expected["document"] ?? "")
            let metric = expected["metric"] ?? ""
            guard let row = rows["\(document) \(metric)"] else {
                Issue.record("no row for \(document) \(metric)")
                continue
            }
            let same = ["bureau", "region", "fiscal_year", "kind", "scope"].allSatisfy { row[$0] == expected[$0] }
                && canonicalNumber(row["value"] ?? "") == canonicalNumber(expected["value"] ?? "")
                && canonicalNumber(row["reported"] ?? "") == canonicalNumber(expected["reported"] ?? "")
            #expect(same, "\(document) \(metric): got \(row["value"] ?? "") / \(row["reported"] ?? ""), expected \(expected["value"] ?? "") / \(expected["reported"] ?? "")")
            if same { reproduced += 1 }
        }
        #expect(reproduced == 110)

        // Every cited line has a page, and it is the page pdftotext itself puts that line on.
        var texts: [String: String] = [:]
        var checked = 0
        for row in rows.values where !(row["source_line"] ?? "").isEmpty {
            let document = row["document"] ?? ""
            let line = try #require(Int(row["source_line"] ?? ""))
            let page = try #require(Int(row["source_page"] ?? ""), "\(document) \(row["metric"] ?? ""): no source_page")
            if texts[document] == nil { texts[document] = try PDFTools.text(of: folder.appendingPathComponent(document)) }
            let text = try #require(texts[document])
            #expect(page == pageOf(line: line, in: text), "\(document) line \(line)")
            #expect(page >= 1 && page <= text.filter { $0 == "\u{0C}" }.count)
            checked += 1
        }
        #expect(checked >= 5 * 14)
    }

    @Test("a folder mixing .txt, .md and .pdf reports gives one result, the same as the text files",
          .enabled(if: PDFTools.available, PDFTools.missingReason))
    func mixedFolderIsOneResult() throws {
        let folder = try temporaryFolder("mixed-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        try copyDataset("wuhai-2023-final.txt", to: folder)
        try copyDataset("baotou-2024-final.txt", to: folder, as: "baotou-2024-final.md")
        for name in ["huairen-2024-final.txt", "kundulun-2020-final.txt", "baotou-2024-budget.txt"] {
            try copyDatasetPDF(name, to: folder)
        }

        let mixed = try BuiltTool.run(["extract", folder.path, "--format", "csv"])
        #expect(mixed.status == 0, "stderr: \(mixed.stderr)")
        #expect(mixed.stderr.isEmpty)
        let text = try BuiltTool.run(["extract", "Datasets", "--format", "csv"])
        let mixedRows = rowsByDocumentAndMetric(mixed.stdout)
        let textRows = rowsByDocumentAndMetric(text.stdout)
        #expect(mixedRows.count == 5 * Self.metricCount)
        for (key, row) in mixedRows {
            let document = row["document"] ?? ""
            let original = (document as NSString).deletingPathExtension + ".txt"
            let textRow = try #require(textRows[original + " " + (row["metric"] ?? "")], "\(key)")
            for column in ["bureau", "region", "fiscal_year", "kind", "scope", "value", "reported"] {
                #expect(row[column] == textRow[column], "\(key) \(column)")
            }
            // Pages for the PDFs only: the text files have no page breaks.
            let hasLine = !(row["source_line"] ?? "").isEmpty
            #expect((row["source_page"] ?? "").isEmpty == (!document.hasSuffix(".pdf") || !hasLine), "\(key)")
        }

        // compare: the same rankings as from the text files, whatever each report was read from.
        let out = folder.appendingPathComponent("out")
        let compared = try BuiltTool.run(["compare", folder.path, "--out", out.path, "--format", "csv"])
        let reference = try BuiltTool.run(["compare", "Datasets", "--out", folder.appendingPathComponent("reference").path, "--format", "csv"])
        #expect(compared.status == 0, "stderr: \(compared.stderr)")
        #expect(rankingsWithoutDocuments(compared.stdout) == rankingsWithoutDocuments(reference.stdout))
    }

    /// The rankings CSV without its `document` column (the file names differ in their extensions) and
    /// its `completeness` column: the completeness score counts the report's tables, and pdftotext gives
    /// a table's cells one per line, not as the tab-separated rows a text file has (docs/pdf.md).
    func rankingsWithoutDocuments(_ csv: String) -> [[String]] {
        let records = CSVRecords.parse(csv)
        guard let header = records.first else { return records }
        let dropped = Set(["document", "completeness"].compactMap { header.firstIndex(of: $0) })
        return records.map { record in record.enumerated().filter { !dropped.contains($0.offset) }.map(\.element) }
    }

    @Test("a folder of PDFs only works with compare, audit and briefing, with pages in their files",
          .enabled(if: PDFTools.available, PDFTools.missingReason))
    func pdfOnlyFolderWorksWithEveryCommand() throws {
        let folder = try PDFTools.datasetFolder()
        let scratch = try temporaryFolder("pdf-only-out")
        defer { try? FileManager.default.removeItem(at: scratch) }

        // compare: exit 0, the rankings of the text files, pages in metrics.csv and comparison.json.
        let out = scratch.appendingPathComponent("compare")
        let compared = try BuiltTool.run(["compare", folder.path, "--out", out.path, "--format", "csv"])
        #expect(compared.status == 0, "stderr: \(compared.stderr)")
        let reference = try BuiltTool.run(["compare", "Datasets", "--out", scratch.appendingPathComponent("reference").path, "--format", "csv"])
        #expect(rankingsWithoutDocuments(compared.stdout) == rankingsWithoutDocuments(reference.stdout))
        let metrics = String(decoding: try Data(contentsOf: out.appendingPathComponent("metrics.csv")).dropFirst(3), as: UTF8.self)
        let metricRows = rowsByDocumentAndMetric(metrics)
        #expect(metricRows.count == 5 * Self.metricCount)
        #expect(metricRows.values.allSatisfy { ($0["source_line"] ?? "").isEmpty || !($0["source_page"] ?? "").isEmpty })
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("comparison.json"))) as? [String: Any]
        let rankings = try #require(json?["rankings"] as? [[String: Any]])
        let entries = rankings.flatMap { ($0["entries"] as? [[String: Any]]) ?? [] }
        #expect(entries.contains { $0["source_page"] is NSNumber })
        #expect(entries.allSatisfy { ($0["source_line"] is NSNull) == ($0["source_page"] is NSNull) })

        // audit: findings for the PDFs, each line paired with its page.
        let audited = try BuiltTool.run(["audit", folder.path, "--format", "csv"])
        #expect(audited.status == 0, "stderr: \(audited.stderr)")
        let findings = CSVRecords.parse(audited.stdout)
        let header = try #require(findings.first)
        let lines = try #require(header.firstIndex(of: "source_lines"))
        let pages = try #require(header.firstIndex(of: "source_pages"))
        #expect(findings.count > 5)
        for finding in findings.dropFirst() {
            #expect(finding[0].hasSuffix(".pdf"))
            #expect(finding[lines].split(separator: ";").count == finding[pages].split(separator: ";").count, "\(finding)")
        }

        // briefing: every year of the datasets, pages beside the lines.
        let briefings = scratch.appendingPathComponent("briefing")
        let briefed = try BuiltTool.run(["briefing", folder.path, "--out", briefings.path])
        #expect(briefed.status == 0, "stderr: \(briefed.stderr)")
        for year in ["2020", "2023", "2024"] {
            for name in ["briefing.md", "briefing.csv", "briefing.html"] {
                #expect(FileManager.default.fileExists(atPath: briefings.appendingPathComponent("\(year)/\(name)").path), "\(year)/\(name)")
            }
        }
        let csv = String(decoding: try Data(contentsOf: briefings.appendingPathComponent("2024/briefing.csv")).dropFirst(3), as: UTF8.self)
        let records = CSVRecords.parse(csv)
        let csvHeader = try #require(records.first)
        let sourceLines = try #require(csvHeader.firstIndex(of: "source_lines"))
        let sourcePages = try #require(csvHeader.firstIndex(of: "source_pages"))
        #expect(sourcePages == sourceLines + 1)
        let figureRows = records.dropFirst().filter { $0[0] == "figure" && !$0[sourceLines].isEmpty }
        #expect(!figureRows.isEmpty)
        #expect(figureRows.allSatisfy { $0[sourceLines].split(separator: ";").count == $0[sourcePages].split(separator: ";").count })
        let markdown = try String(contentsOf: briefings.appendingPathComponent("2024/briefing.md"), encoding: .utf8)
        #expect(markdown.contains("| 行 | 页 |"))
    }

    @Test("a PDF is known by its %PDF header, not its name; a text named .pdf is text",
          .enabled(if: PDFTools.available, PDFTools.missingReason))
    func pdfIsKnownByItsHeader() throws {
        let folder = try temporaryFolder("pdf-magic")
        defer { try? FileManager.default.removeItem(at: folder) }
        try copyDatasetPDF(Self.goodText, to: folder, as: "report-a.txt")
        try copyDataset(Self.goodText, to: folder, as: "report-b.pdf")
        let outcome = try BuiltTool.run(["extract", folder.path, "--format", "csv"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let rows = rowsByDocumentAndMetric(outcome.stdout)
        let fromPDF = try #require(rows["report-a.txt sangong_total"])
        let fromText = try #require(rows["report-b.pdf sangong_total"])
        #expect(fromPDF["value"] == "2.34" && fromText["value"] == "2.34")
        #expect(!(fromPDF["source_page"] ?? "").isEmpty)
        #expect((fromText["source_page"] ?? "").isEmpty)
    }

    @Test("file names with spaces, quotes, Chinese, a leading dash and shell syntax reach pdftotext as they are",
          .enabled(if: PDFTools.available, PDFTools.missingReason))
    func awkwardFileNames() throws {
        let folder = try temporaryFolder("pdf-names")
        defer { try? FileManager.default.removeItem(at: folder) }
        let marker = "pwned-\(UUID().uuidString)"
        let names = ["年度 决算 报告.pdf", "it's \"final\".pdf", "-layout.pdf", "$(touch \(marker)).pdf", "a;b|c&d.pdf"]
        for name in names { try copyDatasetPDF(Self.goodText, to: folder, as: name) }
        let outcome = try BuiltTool.run(["extract", folder.path, "--format", "csv"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let rows = rowsByDocumentAndMetric(outcome.stdout)
        for name in names {
            #expect(rows["\(name) sangong_total"]?["value"] == "2.34", "\(name)")
            #expect(rows["\(name) sangong_total"]?["source_page"]?.isEmpty == false, "\(name)")
        }
        // A shell would have run the command substitution in the tool's folder.
        let injected = BuiltTool.packageRoot.appendingPathComponent(marker)
        #expect(!FileManager.default.fileExists(atPath: injected.path))
        try? FileManager.default.removeItem(at: injected)
    }

    // MARK: - Errors

    /// The good report's 22 rows are on stdout.
    func expectGoodRows(_ stdout: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = rowsByDocumentAndMetric(stdout)
        #expect(rows.count == Self.metricCount, sourceLocation: sourceLocation)
        #expect(rows["\(Self.goodText) sangong_total"]?["value"] == "2.34", sourceLocation: sourceLocation)
    }

    @Test("an encrypted, a damaged and a scanned PDF: one line each naming it, exit 1, the text report still read",
          .enabled(if: PDFTools.available, PDFTools.missingReason))
    func brokenPDFs() throws {
        let folder = try temporaryFolder("pdf-broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        try copyDataset(Self.goodText, to: folder)
        let source = BuiltTool.datasets.appendingPathComponent(Self.goodText)
        try PDFTools.makePDF(from: source, to: folder.appendingPathComponent("encrypted.pdf"), options: ["--encrypt", "secret"])
        try PDFTools.makePDF(from: source, to: folder.appendingPathComponent("scan.pdf"), options: ["--no-text"])
        // Damaged: the first third of a good PDF, so the cross-reference table and trailer are gone.
        let whole = try Data(contentsOf: try PDFTools.datasetFolder().appendingPathComponent(PDFTools.pdfName(Self.goodText)))
        try whole.prefix(whole.count / 3).write(to: folder.appendingPathComponent("truncated.pdf"))
        // Damaged: a PDF header and nothing a PDF reader can use.
        try Data("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8).write(to: folder.appendingPathComponent("header-only.pdf"))

        let outcome = try BuiltTool.run(["extract", folder.path, "--format", "csv"])
        #expect(outcome.status == 1)
        #expect(!outcome.signalled)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        let prefix = "bureau-compare: \(folder.path)/"
        #expect(lines.contains(prefix + "encrypted.pdf: an encrypted PDF that needs a password: not supported (save a copy without the password)"))
        #expect(lines.contains(prefix + "scan.pdf: a PDF without a text layer (a scan?): OCR is not supported"))
        #expect(lines.contains { $0.hasPrefix(prefix + "truncated.pdf: a damaged PDF: pdftotext cannot read it (") && $0.hasSuffix(")") })
        #expect(lines.contains { $0.hasPrefix(prefix + "header-only.pdf: a damaged PDF: pdftotext cannot read it (") })
        expectGoodRows(outcome.stdout)
    }

    @Test("without pdftotext on the PATH text inputs still work and each PDF gets the install hint")
    func pdftotextMissing() throws {
        let folder = try temporaryFolder("pdf-no-tool")
        let emptyPath = try temporaryFolder("empty-path")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: emptyPath)
        }
        try copyDataset(Self.goodText, to: folder)
        // Any bytes with the PDF header will do: the tool must not get as far as reading them.
        for name in ["a.pdf", "b 报告.PDF"] {
            try Data("%PDF-1.4\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        for command in ["extract", "audit"] {
            let outcome = try BuiltTool.run([command, folder.path, "--format", "csv"], environment: ["PATH": emptyPath.path])
            #expect(outcome.status == 1)
            #expect(outcome.stderr.split(separator: "\n").map(String.init) == [
                "bureau-compare: \(folder.path)/a.pdf: \(PDFTools.installHint)",
                "bureau-compare: \(folder.path)/b 报告.PDF: \(PDFTools.installHint)",
            ])
            if command == "extract" { expectGoodRows(outcome.stdout) }
        }
    }

    @Test("a pdftotext that hangs is killed at the time limit, with its children, and the rest goes on")
    func hangingPdftotext() throws {
        let folder = try temporaryFolder("pdf-hang")
        defer { try? FileManager.default.removeItem(at: folder) }
        try copyDataset(Self.goodText, to: folder)
        for name in ["a.pdf", "b.pdf"] { try Data("%PDF-1.4\n".utf8).write(to: folder.appendingPathComponent(name)) }
        let pids = folder.appendingPathComponent("pids")
        // The stand-in starts a child and waits for it, as a wrapper script would.
        let fake = try PDFTools.fakePdftotext("sleep 30 &\necho $! >> \"$FAKE_PIDS\"\nwait")
        defer { try? FileManager.default.removeItem(at: fake) }

        let started = ContinuousClock.now
        let outcome = try BuiltTool.run(["extract", folder.path, "--format", "csv"], environment: [
            "PATH": fake.path + ":/usr/bin:/bin", "BUREAU_COMPARE_PDF_TIMEOUT": "0.5", "FAKE_PIDS": pids.path,
        ])
        let elapsed = started.duration(to: .now)
        #expect(elapsed < .seconds(20), "took \(elapsed)")
        #expect(outcome.status == 1)
        let reason = "pdftotext did not finish within 0.5 s and was stopped (BUREAU_COMPARE_PDF_TIMEOUT sets the limit in seconds)"
        #expect(outcome.stderr.split(separator: "\n").map(String.init) == [
            "bureau-compare: \(folder.path)/a.pdf: \(reason)",
            "bureau-compare: \(folder.path)/b.pdf: \(reason)",
        ])
        expectGoodRows(outcome.stdout)
        // The wrapper's children were killed with it (its process group), not left running.
        let children = (try? String(contentsOf: pids, encoding: .utf8))?.split(separator: "\n").compactMap { Int32($0) } ?? []
        #expect(children.count == 2)
        for child in children { #expect(!isRunning(child), "sleep \(child) still runs") }
    }

    /// True while `pid` runs: it exists and is not a zombie waiting for its new parent to reap it.
    func isRunning(_ pid: Int32) -> Bool {
        // Give the kernel a moment to deliver SIGKILL.
        for _ in 0..<50 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
            // `pid (comm) S …`: the state follows the last `)`.
            if let close = stat.lastIndex(of: ")"), stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z") {
                return false
            }
            usleep(20_000)
        }
        return true
    }

    @Test("pdftotext gets the file name as one argument, UTF-8 to stdout; the reading order first, -layout when it yields no report")
    func argumentsAndFallback() throws {
        let folder = try temporaryFolder("pdf-fake")
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "乌海 \"2023\" it's $HOME.pdf"
        try Data("%PDF-1.4\n".utf8).write(to: folder.appendingPathComponent(name))
        let log = folder.appendingPathComponent("log")
        // Reading order: a cover page that names no report; -layout: the report (a dataset's text).
        let fake = try PDFTools.fakePdftotext("""
            for argument in "$@"; do printf '%s\\n' "$argument" >> "$FAKE_LOG"; done
            echo '--' >> "$FAKE_LOG"
            if [ "$3" = "-layout" ]; then cat "$FAKE_TEXT"; printf '\\f'; else printf '封面\\n\\f'; fi
            """)
        defer { try? FileManager.default.removeItem(at: fake) }
        let environment = ["PATH": fake.path + ":/usr/bin:/bin", "FAKE_LOG": log.path,
                           "FAKE_TEXT": BuiltTool.datasets.appendingPathComponent(Self.goodText).path]
        let outcome = try BuiltTool.run(["extract", folder.path, "--format", "csv"], environment: environment)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let rows = rowsByDocumentAndMetric(outcome.stdout)
        #expect(rows["\(name) sangong_total"]?["value"] == "2.34")
        // One page: the report's text ends with the only form feed.
        #expect(rows["\(name) sangong_total"]?["source_page"] == "1")
        let path = folder.appendingPathComponent(name).path
        let calls = try String(contentsOf: log, encoding: .utf8)
        #expect(calls == "-enc\nUTF-8\n\(path)\n-\n--\n-enc\nUTF-8\n-layout\n\(path)\n-\n--\n")

        // Neither mode a report: one line, exit 1.
        try Data("各位同事：明天开会。\n".utf8).write(to: folder.appendingPathComponent("letter.txt"))
        let letter = try BuiltTool.run(["extract", folder.path, "--format", "csv"],
                                       environment: environment.merging(["FAKE_TEXT": folder.appendingPathComponent("letter.txt").path]) { $1 })
        #expect(letter.status == 1)
        #expect(letter.stderr.split(separator: "\n").map(String.init).contains(
            "bureau-compare: \(path): not a disclosure report (no 决算/预算 disclosure wording and no shared figure)"))
    }

    // MARK: - Threads

    @Test("one ReportLoader on many threads at once gives what it gives one file at a time",
          .enabled(if: PDFTools.available, PDFTools.missingReason))
    func loaderIsSafeOnManyThreads() throws {
        let folder = try PDFTools.datasetFolder()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { ReportFile(path: folder.appendingPathComponent($0).path) }
        let loader = ReportLoader()
        @Sendable func summary(_ result: Result<ExtractedReport, InputFailure>) -> String {
            switch result {
            case .success(let report):
                return report.figures.map { "\($0.metric.rawValue)=\($0.formattedValue)@\($0.source.map { String($0.line) } ?? "")p\($0.source.flatMap { report.page(ofLine: $0.line) }.map(String.init) ?? "")" }
                    .joined(separator: ",")
            case .failure(let failure):
                return failure.line
            }
        }
        let serial = files.map { summary(loader.load($0)) }
        let rounds = 4
        let parallel = Locked([String?](repeating: nil, count: files.count * rounds))
        DispatchQueue.concurrentPerform(iterations: files.count * rounds) { index in
            let result = summary(loader.load(files[index % files.count]))
            parallel.mutate { $0[index] = result }
        }
        for (index, result) in parallel.value.enumerated() {
            #expect(result == serial[index % files.count], "\(files[index % files.count].name)")
        }
        // Every file was read, and its figures carry pages.
        for result in serial {
            #expect(!result.hasPrefix(folder.path), "\(result)")
            // `metric=value@LINEpPAGE`: a figure with a line has a page (`@12p`, without one, would end in p).
            let cited = result.split(separator: ",").filter { !$0.hasSuffix("@p") }
            #expect(!cited.isEmpty && cited.allSatisfy { !$0.hasSuffix("p") }, "\(result)")
        }
    }
}

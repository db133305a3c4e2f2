import Foundation
import Testing
import TestHelpers

/// The built tool on folders of whatever a PDF converter left: every input that cannot be used
/// costs exactly one line on stderr naming it, the other inputs are still processed and printed,
/// and the exit status says what happened (DESIGN.md: 0, 1 input, 2 usage, 3 output).
@Suite struct InputErrorsEndToEndTests {
    static let metricCount = 22
    static let good = "wuhai-2023-final.txt"

    /// The environment of every run here: a PATH without `pdftotext`, so that the PDF among the bad
    /// inputs gets the same line on every machine (the install hint); text inputs need no program.
    /// Converting real PDFs, and each way that can fail, is `PDFInputEndToEndTests`.
    static let withoutPdftotext: [String: String] = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-pdftotext-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return ["PATH": folder.path]
    }()

    /// A fresh temporary folder holding a copy of one good report.
    func folderWithGoodReport() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("input-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BuiltTool.datasets.appendingPathComponent(Self.good),
                                         to: folder.appendingPathComponent(Self.good))
        return folder
    }

    /// One unusable input: how it is made and the reason printed for it.
    struct BadInput: Sendable, CustomStringConvertible {
        let name: String
        let reason: String
        /// nil: the path does not exist; otherwise the file's bytes (a folder when `isFolder`).
        let bytes: [UInt8]?
        var isFolder = false
        var description: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "missing.txt", reason: "no such file or folder", bytes: nil),
        BadInput(name: "empty-folder", reason: "folder holds no .txt, .md or .pdf reports", bytes: [], isFolder: true),
        BadInput(name: "empty.txt", reason: "empty file", bytes: []),
        BadInput(name: "blank.txt", reason: "empty file", bytes: Array(" \n\t\r\n\u{0C}".utf8)),
        BadInput(name: "image.txt", reason: "binary file, not text", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]),
        BadInput(name: "report.pdf", reason: PDFTools.installHint,
                 bytes: Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8)),
        BadInput(name: "latin1.txt", reason: "not UTF-8, UTF-16 with BOM or GB18030 text",
                 bytes: Array("Budget ".utf8) + [0xFF, 0xFE, 0xFF, 0x80, 0x30]),
        BadInput(name: "letter.txt", reason: "not a disclosure report (no 决算/预算 disclosure wording and no shared figure)",
                 bytes: Array("各位同事：\n明天上午九点在三楼会议室开会，请准时参加。\n".utf8)),
    ]

    /// Creates `bad` in `folder`; returns its path as given on the command line.
    func make(_ bad: BadInput, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(bad.name)
        if bad.isFolder {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            // A file that is not a report does not make the folder one.
            try Data("a,b\n".utf8).write(to: url.appendingPathComponent("notes.csv"))
        } else if let bytes = bad.bytes {
            try Data(bytes).write(to: url)
        }
        return url.path
    }

    /// The good report's 22 rows are on stdout, under the header.
    func expectGoodRows(_ stdout: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let records = CSVRecords.parse(stdout)
        #expect(records.first?.first == "document", sourceLocation: sourceLocation)
        #expect(records.count == 1 + Self.metricCount, sourceLocation: sourceLocation)
        #expect(records.dropFirst().allSatisfy { $0.first == Self.good }, sourceLocation: sourceLocation)
        #expect(records.contains { $0.count > 7 && $0[6] == "sangong_total" && $0[7] == "2.34" }, sourceLocation: sourceLocation)
    }

    @Test("one stderr line naming the input, exit 1, the good report still printed", arguments: badInputs)
    func badInputBesideAGoodOne(_ bad: BadInput) throws {
        let folder = try folderWithGoodReport()
        defer { try? FileManager.default.removeItem(at: folder) }
        let badPath = try make(bad, in: folder)
        let goodPath = folder.appendingPathComponent(Self.good).path
        // Before and after the good report: neither order stops the other.
        for arguments in [[badPath, goodPath], [goodPath, badPath]] {
            let outcome = try BuiltTool.run(["extract"] + arguments + ["--format", "csv"], environment: Self.withoutPdftotext)
            #expect(outcome.status == 1, "\(bad.name): stderr \(outcome.stderr)")
            #expect(!outcome.signalled)
            #expect(outcome.stderr == "bureau-compare: \(badPath): \(bad.reason)\n")
            expectGoodRows(outcome.stdout)
        }
    }

    @Test("a folder of every kind of bad input: one line each, in order, and the good report")
    func folderOfBadInputs() throws {
        let folder = try folderWithGoodReport()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Inside a folder only *.txt, *.md and *.pdf are taken; a missing path cannot be inside one.
        let inside = Self.badInputs.filter { $0.bytes != nil && !$0.isFolder }
        for bad in inside { _ = try make(bad, in: folder) }
        let outcome = try BuiltTool.run(["extract", folder.path, "--format", "csv"], environment: Self.withoutPdftotext)
        #expect(outcome.status == 1)
        let expected = inside.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            .map { "bureau-compare: \(folder.path)/\($0.name): \($0.reason)" }
        #expect(outcome.stderr.split(separator: "\n").map(String.init) == expected)
        expectGoodRows(outcome.stdout)
    }

    @Test("audit and compare report bad inputs the same way and go on", arguments: ["audit", "compare"])
    func otherCommands(_ command: String) throws {
        let folder = try folderWithGoodReport()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try make(Self.badInputs[5], in: folder)
        let out = folder.appendingPathComponent("out")
        let extra = command == "compare" ? ["--out", out.path] : []
        let outcome = try BuiltTool.run([command, pdf, folder.appendingPathComponent(Self.good).path, "--format", "csv"] + extra,
                                        environment: Self.withoutPdftotext)
        #expect(outcome.status == 1)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains(pdf) } == ["bureau-compare: \(pdf): \(Self.badInputs[5].reason)"])
        #expect(lines.allSatisfy { !$0.contains("pdftotext") || $0.contains(pdf) })
        if command == "compare" {
            // The good report was compared and the four files written.
            #expect(CSVRecords.parse(outcome.stdout).contains { $0.first == "sangong_total" && $0.contains("2.34") })
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(names == ["comparison.csv", "comparison.json", "metrics.csv", "rankings.csv"])
        }
    }

    @Test("a folder mixing UTF-8, UTF-8 with BOM and CRLF, GB18030 and UTF-16 (both orders) is read whole")
    func mixedEncodings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mixed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: BuiltTool.datasets.appendingPathComponent(Self.good), encoding: .utf8)
        var utf16LE: [UInt8] = [0xFF, 0xFE]
        var utf16BE: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            utf16LE += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            utf16BE += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let variants: [(String, [UInt8])] = [
            ("a-utf8.txt", Array(text.utf8)),
            ("b-utf8-bom-crlf.txt", [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
            ("c-gb18030.txt", Array(try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632))))),
            ("d-utf16le.txt", utf16LE),
            ("e-utf16be.md", utf16BE),
        ]
        for (name, bytes) in variants { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        let outcome = try BuiltTool.run(["extract", folder.path, "--format", "csv"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        let rows = CSVRecords.parse(outcome.stdout).dropFirst()
        #expect(rows.count == variants.count * Self.metricCount)
        // Every variant gives the same values, bureau and year as the UTF-8 original.
        let byDocument = Dictionary(grouping: rows, by: { $0[0] })
        let reference = try #require(byDocument["a-utf8.txt"]).map { $0[1...7].joined(separator: ",") }
        for (name, _) in variants {
            #expect(byDocument[name]?.map { $0[1...7].joined(separator: ",") } == reference, "\(name)")
        }
    }

    @Test("compare: --out that cannot be written is exit 3 and the previous reports stay as they were")
    func unwritableOutKeepsPreviousReports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("Reports")
        let first = try BuiltTool.run(["compare", "Datasets", "--out", out.path, "--format", "csv"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let names = ["comparison.csv", "rankings.csv", "metrics.csv"]
        var before: [String: Data] = [:]
        for name in names { before[name] = try Data(contentsOf: out.appendingPathComponent(name)) }
        // The fourth destination is now a folder: nothing can replace it, so nothing may change.
        // (Tests run as root here, so permission bits would not stop a write.)
        let blocked = out.appendingPathComponent("comparison.json")
        try FileManager.default.removeItem(at: blocked)
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)

        let second = try BuiltTool.run(["compare", "Datasets/\(Self.good)", "--out", out.path, "--format", "csv"])
        #expect(second.status == 3)
        #expect(!second.signalled)
        #expect(second.stderr.contains("bureau-compare: cannot replace \(blocked.path): Is a directory"))
        // stdout still carries the (new) rankings; the files on disk are the first run's.
        #expect(CSVRecords.parse(second.stdout).first?.first == "metric")
        for name in names {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == before[name], "\(name) changed")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(left == ["comparison.csv", "comparison.json", "metrics.csv", "rankings.csv"], "no temporary file left: \(left)")
    }

    @Test("compare: --out below a regular file is exit 3 and nothing is created")
    func outBelowAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("out-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("not-a-folder")
        try Data("keep".utf8).write(to: file)
        let outcome = try BuiltTool.run(["compare", "Datasets", "--out", file.path + "/Reports"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("bureau-compare: cannot create folder \(file.path): "))
        #expect(try Data(contentsOf: file) == Data("keep".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["not-a-folder"])
    }

    @Test("an unreadable input and an unwritable --out together: the worse status, 3")
    func worstStatusWins() throws {
        let folder = try folderWithGoodReport()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("blocker")
        try Data("x".utf8).write(to: file)
        let outcome = try BuiltTool.run(["compare", folder.path, folder.appendingPathComponent("missing.txt").path,
                                         "--out", file.path + "/Reports", "--format", "csv"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("missing.txt: no such file or folder"))
    }

    @Test("usage errors are exit 2 with a hint to --help, and nothing on stdout", arguments: [
        ["compare", "--year", "20x4"], ["compare", "--bom", "--no-bom"], ["compare", "--metric", "nope"],
        ["extract", "--format"], ["extract", "--frobnicate"], ["audit", "--format", "markdown"], [],
    ])
    func usageErrors(_ arguments: [String]) throws {
        let outcome = try BuiltTool.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("bureau-compare: ") == true)
        #expect(lines.last == "Run 'bureau-compare --help' for usage.")
    }

    @Test("`… | head -1` in a shell ends the tool quietly with status 0", .timeLimit(.minutes(2)),
          arguments: [["extract", "--format", "csv"], ["extract", "--format", "table"], ["compare", "--format", "csv"]])
    func pipeIntoHead(_ arguments: [String]) throws {
        let tool = try #require(BuiltTool.path)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("head-\(UUID().uuidString)")
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // extract: twenty copies of the datasets (copies: the same file named twice is read
        // once), far more output than a pipe holds, so the tool is still writing when `head`
        // exits. compare reads every report before it prints: the datasets are enough.
        for copy in 0..<(arguments[0] == "extract" ? 20 : 1) {
            for name in try FileManager.default.contentsOfDirectory(atPath: BuiltTool.datasets.path) where name.hasSuffix(".txt") {
                try FileManager.default.copyItem(at: BuiltTool.datasets.appendingPathComponent(name),
                                                 to: reports.appendingPathComponent("\(copy)-\(name)"))
            }
        }
        var paths = [reports.path]
        if arguments[0] == "compare" { paths += ["--out", folder.appendingPathComponent("out").path] }
        let command = "\"$0\" " + (arguments + paths).map { "'\($0)'" }.joined(separator: " ")
            + " | head -1; echo \"status=${PIPESTATUS[0]}\" >&2"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command, tool]
        process.currentDirectoryURL = BuiltTool.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["COLUMNS"] = "100"
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = stderr.fileHandleForReading.readDataToEndOfFile() }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let printed = String(decoding: outData, as: UTF8.self)
        let messages = String(decoding: errData, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(printed.split(separator: "\n").count == 1)
        #expect(messages.last == "status=0")
        // No word about the pipe: only what the command says anyway (compare: its warnings on
        // duplicate reports and where its files went).
        #expect(messages.dropLast().allSatisfy { !$0.localizedCaseInsensitiveContains("pipe") && !$0.contains("signal") })
        if arguments[0] == "extract" { #expect(messages == ["status=0"]) }
    }
}

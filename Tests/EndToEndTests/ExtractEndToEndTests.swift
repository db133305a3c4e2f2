import TestHelpers
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built executable run on `Datasets/` as a user or a script would run it.
@Suite struct ExtractEndToEndTests {
    static let header = "document,bureau,region,fiscal_year,kind,scope,metric,value,reported,source_line,source_page,source_text,flags"
    static let metricCount = 22

    func datasetNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: BuiltTool.datasets.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test func extractDatasetsIntoAPipeIsCSV() throws {
        let outcome = try BuiltTool.run(["extract", "Datasets"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(!outcome.signalled)
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdout.hasPrefix(Self.header))
        #expect(!outcome.stdout.hasPrefix("\u{FEFF}"))

        let records = CSVRecords.parse(outcome.stdout)
        let names = try datasetNames()
        #expect(names.count == 5)
        #expect(records.count == 1 + names.count * Self.metricCount)
        for name in names {
            #expect(records.filter { $0.first == name }.count == Self.metricCount, "\(name)")
        }
    }

    @Test func defaultPathIsDatasets() throws {
        let explicit = try BuiltTool.run(["extract", "Datasets", "--format", "csv"])
        let implicit = try BuiltTool.run(["extract"])
        #expect(implicit.status == 0)
        #expect(implicit.stdout == explicit.stdout)
    }

    @Test func jsonOutputParses() throws {
        let outcome = try BuiltTool.run(["extract", "--format", "json"])
        #expect(outcome.status == 0)
        let reports = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [Any]
        #expect(reports?.count == 5)
    }

    @Test func usageErrorExitsTwoWithAHint() throws {
        let outcome = try BuiltTool.run(["extract", "--format", "xml"])
        #expect(outcome.status == 2)
        #expect(!outcome.signalled)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "bureau-compare: 'xml' is not one of table, csv, tsv, json\nRun 'bureau-compare --help' for usage.\n")
    }

    @Test func unknownCommandExitsTwo() throws {
        let outcome = try BuiltTool.run(["frobnicate"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasSuffix("Run 'bureau-compare --help' for usage.\n"))
    }

    @Test func missingInputExitsOneAndStillWritesTheHeader() throws {
        let outcome = try BuiltTool.run(["extract", "Datasets", "no-such-folder"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "bureau-compare: no-such-folder: no such file or folder\n")
        #expect(CSVRecords.parse(outcome.stdout).count == 1 + 5 * Self.metricCount)
    }

    @Test func helpAndVersion() throws {
        let help = try BuiltTool.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("extract"))
        let version = try BuiltTool.run(["--version"])
        #expect(version.stdout == "bureau-compare 0.1.0\n")
    }

    @Test func fullDiskExitsThree() throws {
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { return }
        let process = try BuiltTool.makeProcess(["extract", "Datasets"])
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let err = Pipe()
        process.standardOutput = full
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 3)
        #expect(message == "bureau-compare: cannot write to standard output: No space left on device\n")
    }
}

import Foundation
import Testing
import TestHelpers

/// The built `bureau-compare compare` run as a child process on `Datasets/`: the main
/// command's contract seen from outside (a pipe, real files, real exit codes).
@Suite struct CompareEndToEndTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compare-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func pipedRunWritesRankingsCSVAndTheFourFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BuiltTool.run(["compare", "Datasets", "--out", folder.path])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(!outcome.stdout.hasPrefix("\u{FEFF}"))
        let records = CSVRecords.parse(outcome.stdout)
        #expect(records.first?.prefix(8).joined(separator: ",") == "metric,rank,bureau,region,fiscal_year,kind,scope,value")
        #expect(records.filter { $0.first == "admin_operating_cost" }.map { $0[7] } == ["124.46", "54.64", "23.17", "19.07"])
        #expect(outcome.stderr.contains("2020、2023、2024"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["comparison.csv", "comparison.json", "metrics.csv", "rankings.csv"])
        let rankings = try Data(contentsOf: folder.appendingPathComponent("rankings.csv"))
        #expect(Array(rankings.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let json = try Data(contentsOf: folder.appendingPathComponent("comparison.json"))
        #expect((try JSONSerialization.jsonObject(with: json)) is [String: Any])
    }

    @Test func unwritableOutIsExitThree() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let outcome = try BuiltTool.run(["compare", "Datasets", "--out", blocker.path + "/Reports"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("cannot create folder"))
        #expect(try Data(contentsOf: blocker) == Data("x".utf8))
    }
}

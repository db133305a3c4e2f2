import Foundation
import Testing

/// Reports are extracted on several threads; what the tool prints must not depend on how many.
@Suite struct ParallelInputEndToEndTests {
    /// Runs the tool with `BUREAU_COMPARE_JOBS` set.
    func run(_ arguments: [String], jobs: Int) throws -> BuiltTool.Outcome {
        try BuiltTool.run(arguments, environment: ["BUREAU_COMPARE_JOBS": String(jobs)])
    }

    /// Thirty copies of the datasets under shuffled-looking names, with one broken file among them.
    func corpus() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bc-parallel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: BuiltTool.datasets.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        for copy in 0..<6 {
            for name in names {
                try FileManager.default.copyItem(at: BuiltTool.datasets.appendingPathComponent(name),
                                                 to: folder.appendingPathComponent("\((copy * 37) % 11)-\(copy)-\(name)"))
            }
        }
        try Data([0x00, 0xFF, 0x00, 0x01]).write(to: folder.appendingPathComponent("3-broken.txt"))
        return folder
    }

    @Test func outputIsTheSameWithOneOrManyWorkers() throws {
        let folder = try corpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in [["extract", "--format", "csv"], ["audit", "--format", "csv"]] {
            let one = try run(command + [folder.path], jobs: 1)
            #expect(one.status == 1)
            #expect(one.stderr == "bureau-compare: \(folder.path)/3-broken.txt: binary file, not text\n")
            #expect(one.stdout.split(separator: "\n").count > 30)
            for jobs in [2, 7] {
                let many = try run(command + [folder.path], jobs: jobs)
                #expect(many.status == one.status)
                #expect(many.stdout == one.stdout, "\(command[0]) with \(jobs) workers")
                #expect(many.stderr == one.stderr)
            }
        }
    }

    @Test func compareFilesAreTheSameWithOneOrManyWorkers() throws {
        let folder = try corpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        var written: [[Data]] = []
        for jobs in [1, 3] {
            let out = folder.appendingPathComponent("out-\(jobs)")
            let outcome = try run(["compare", folder.path, "--out", out.path, "--format", "csv"], jobs: jobs)
            #expect(outcome.status == 1)
            written.append(try ["comparison.csv", "rankings.csv", "metrics.csv", "comparison.json"].map {
                try Data(contentsOf: out.appendingPathComponent($0))
            })
        }
        #expect(written[0] == written[1])
    }
}

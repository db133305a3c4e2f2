import Foundation
import Testing
@testable import DisclosureKit

/// Finding report files in folders and reading them, on a temporary tree built per test.
@Suite struct CorpusTests {
    static let sample = "2024 年度包头市工业和信息化局部门决算公开\n公务接待费支出 0.97 万元\n"

    /// A fresh folder under the system temporary directory, removed when the test's closure ends.
    static func withTemporaryFolder(_ body: (String) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("corpus-\(UUID().uuidString)", isDirectory: true).path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try body(root)
    }

    static func write(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func walksFoldersRecursivelyInByteOrderAndSkipsOthers() throws {
        try Self.withTemporaryFolder { root in
            for name in ["b.txt", "a.md", "C.TXT", "report.pdf", "sub/z.txt", "sub/deeper/y.Md", "folder.txt/x.md",
                         "notes.csv", "README", "x.", ".hidden.txt", ".git/inner.txt", "sub/.cache/c.md"] {
                try Self.write(Self.sample, to: root + "/" + name)
            }
            // A link back to the root must not loop nor yield the files again.
            try FileManager.default.createSymbolicLink(atPath: root + "/sub/loop", withDestinationPath: root)
            // A dangling link is no report.
            try FileManager.default.createSymbolicLink(atPath: root + "/gone.txt", withDestinationPath: root + "/nowhere")

            let (files, failures) = Corpus.collect([root])
            #expect(failures.isEmpty)
            #expect(files.map { String($0.path.dropFirst(root.count + 1)) } == [
                "C.TXT", "a.md", "b.txt", "folder.txt/x.md", "report.pdf", "sub/deeper/y.Md", "sub/z.txt",
            ])
            #expect(files.map(\.name) == ["C.TXT", "a.md", "b.txt", "x.md", "report.pdf", "y.Md", "z.txt"])
        }
    }

    @Test func folderGivenWithTrailingSlashDoesNotDoubleIt() throws {
        try Self.withTemporaryFolder { root in
            try Self.write(Self.sample, to: root + "/a.txt")
            let (files, failures) = Corpus.collect([root + "/"])
            #expect(failures.isEmpty)
            #expect(files.map(\.path) == [root + "/a.txt"])
        }
    }

    @Test func explicitFileIsTakenWhateverItsExtension() throws {
        try Self.withTemporaryFolder { root in
            try Self.write(Self.sample, to: root + "/table.csv")
            try Self.write(Self.sample, to: root + "/.hidden")
            let (files, failures) = Corpus.collect([root + "/table.csv", root + "/.hidden"])
            #expect(failures.isEmpty)
            #expect(files.map(\.name) == ["table.csv", ".hidden"])
        }
    }

    @Test func missingPathIsAFailureAndTheRestIsKept() throws {
        try Self.withTemporaryFolder { root in
            try Self.write(Self.sample, to: root + "/a.txt")
            let missing = root + "/no-such.txt"
            let (files, failures) = Corpus.collect([missing, root + "/a.txt", ""])
            #expect(files.map(\.name) == ["a.txt"])
            #expect(failures == [
                InputFailure(path: missing, problem: .missingPath),
                InputFailure(path: "", problem: .missingPath),
            ])
            #expect(failures.first?.line == "\(missing): no such file or folder")
        }
    }

    @Test func folderWithoutReportsIsAFailure() throws {
        try Self.withTemporaryFolder { root in
            let empty = root + "/empty"
            let onlyOthers = root + "/others"
            try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
            try Self.write("a,b\n", to: onlyOthers + "/data.csv")
            try Self.write(Self.sample, to: onlyOthers + "/.hidden.txt")
            let (files, failures) = Corpus.collect([empty, onlyOthers])
            #expect(files.isEmpty)
            #expect(failures == [
                InputFailure(path: empty, problem: .noReportsInFolder),
                InputFailure(path: onlyOthers, problem: .noReportsInFolder),
            ])
        }
    }

    @Test func sameFileReachedTwiceIsTakenOnce() throws {
        try Self.withTemporaryFolder { root in
            let file = root + "/a.txt"
            try Self.write(Self.sample, to: file)
            try Self.write(Self.sample, to: root + "/b.txt")
            try FileManager.default.createSymbolicLink(atPath: root + "/link.md", withDestinationPath: file)
            let (files, failures) = Corpus.collect([file, file, root + "/./a.txt", root, root + "/link.md"])
            #expect(failures.isEmpty)
            #expect(files.map(\.path) == [file, root + "/b.txt"])
        }
    }

    @Test func readDecodesAndReportsFailuresWithThePath() throws {
        try Self.withTemporaryFolder { root in
            let gb: [UInt8] = [0xB9, 0xAB, 0xCE, 0xF1, 0xBD, 0xD3, 0xB4, 0xFD, 0xB7, 0xD1, 0x0D, 0x0A]
            try Data(gb).write(to: URL(fileURLWithPath: root + "/gbk.txt"))
            let text = try Corpus.read(ReportFile(path: root + "/gbk.txt")).get()
            #expect(text.encoding == .gb18030)
            #expect(text.text == "公务接待费\r\n")

            try Data("%PDF-1.5\n".utf8).write(to: URL(fileURLWithPath: root + "/scan.pdf"))
            try Data().write(to: URL(fileURLWithPath: root + "/empty.txt"))
            let missing = root + "/gone.txt"
            #expect(Self.failure(Corpus.read(ReportFile(path: root + "/scan.pdf")))
                == InputFailure(path: root + "/scan.pdf", problem: .pdf))
            #expect(Self.failure(Corpus.read(ReportFile(path: root + "/empty.txt")))
                == InputFailure(path: root + "/empty.txt", problem: .emptyFile))
            #expect(Self.failure(Corpus.read(ReportFile(path: missing)))
                == InputFailure(path: missing, problem: .missingPath))

            let folderFailure = try #require(Self.failure(Corpus.read(ReportFile(path: root))))
            #expect(folderFailure.path == root)
            guard case .unreadable(let reason) = folderFailure.problem else {
                Issue.record("expected unreadable, got \(folderFailure.problem)")
                return
            }
            #expect(!reason.isEmpty && !reason.contains("\n"))
        }
    }

    static func failure(_ result: Result<DecodedText, InputFailure>) -> InputFailure? {
        if case .failure(let failure) = result { return failure }
        return nil
    }

    /// A file is read whole whatever `fstat` says of its size: exactly (empty, one byte, more than
    /// one read's chunk), and past a size of 0 (a /proc file, which grows as it is read).
    @Test func readBytesReadsToTheEndWhateverTheSizeSays() throws {
        try Self.withTemporaryFolder { root in
            for size in [0, 1, 4095, 65_537, 300_001] {
                let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
                let path = root + "/f\(size).txt"
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                #expect(try Corpus.readBytes(ReportFile(path: path)).get() == bytes)
            }
        }
        let status = try Corpus.readBytes(ReportFile(path: "/proc/self/status")).get()
        #expect(status.starts(with: Array("Name:".utf8)))
        #expect(status.count > 200)
        #expect(status.last == 0x0A)
    }

    @Test func reportFileNameIsTheLastComponent() {
        #expect(ReportFile(path: "Datasets/wuhai-2023-final.txt").name == "wuhai-2023-final.txt")
        #expect(ReportFile(path: "wuhai.txt").name == "wuhai.txt")
        #expect(ReportFile(path: "/tmp/x/").name == "x")
        #expect(ReportFile(path: "/").name == "/")
        #expect(ReportFile(path: "").name == "")
    }

    @Test func realDatasetsDecodeAsUTF8() throws {
        let datasets = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // DisclosureKitTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("Datasets").path
        let (files, failures) = Corpus.collect([datasets])
        #expect(failures.isEmpty)
        #expect(files.map(\.name) == [
            "baotou-2024-budget.txt", "baotou-2024-final.txt", "huairen-2024-final.txt",
            "kundulun-2020-final.txt", "wuhai-2023-final.txt",
        ])
        for file in files {
            let decoded = try Corpus.read(file).get()
            #expect(decoded.encoding == .utf8, "\(file.name)")
            #expect(decoded.text.contains("万元"), "\(file.name)")
        }
    }
}

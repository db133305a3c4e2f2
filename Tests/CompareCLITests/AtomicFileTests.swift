import Foundation
import Testing
@testable import CompareCLI

/// Atomic writes: replace, create folders, and fail without leaving debris.
///
/// The failing cases use a regular file where a folder should be, because the tests may run
/// as root, for whom an unwritable folder is writable.
@Suite struct AtomicFileTests {
    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func writeCreatesAndReplaces() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("out.csv")
        try AtomicFile.write("old\n", to: path)
        #expect(read(path) == "old\n")
        try AtomicFile.write(Array("新内容\n".utf8), to: path)
        #expect(read(path) == "新内容\n")
        try AtomicFile.write("data\n", to: path)
        #expect(read(path) == "data\n")
        #expect(try folder.contents() == ["out.csv"])
    }

    @Test func newFileIsReadableByOthers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("out.csv")
        try AtomicFile.write("x", to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)
    }

    @Test func writeCreatesMissingFolders() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("Reports/2024/x.md")
        try AtomicFile.write("# x\n", to: path)
        #expect(read(path) == "# x\n")
    }

    @Test func aRegularFileInThePathFailsAndLeavesItIntact() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let previous = folder.file("previous.csv")
        try AtomicFile.write("previous\n", to: previous)

        #expect(throws: AtomicFileError.self) {
            try AtomicFile.write("new\n", to: previous + "/sub/out.csv")
        }
        do {
            try AtomicFile.write("new\n", to: previous + "/out.csv")
            Issue.record("writing below a regular file succeeded")
        } catch {
            #expect(error.step == .createFolder)
            #expect(error.code == ENOTDIR || error.code == EEXIST)
            #expect(error.description.hasPrefix("cannot create folder \(previous): "))
        }
        #expect(read(previous) == "previous\n")
        #expect(try folder.contents() == ["previous.csv"])
    }

    @Test func aFailedRenameRemovesTheTemporaryFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try AtomicFile.write("previous\n", to: folder.file("previous.csv"))
        // The destination is a folder that is not empty: the temporary file is written, the rename fails.
        try AtomicFile.write("keep\n", to: folder.file("target/inside.txt"))

        #expect(throws: AtomicFileError.self) {
            try AtomicFile.write("new\n", to: folder.file("target"))
        }
        #expect(try folder.contents() == ["previous.csv", "target"])
        #expect(read(folder.file("previous.csv")) == "previous\n")
        #expect(read(folder.file("target/inside.txt")) == "keep\n")
    }

    @Test func stagedFilesWrittenPieceByPieceAreCommittedTogether() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try AtomicFile.write("old a\n", to: folder.file("a.csv"))
        let staged = try AtomicFileBatch.open([folder.file("a.csv"), folder.file("sub/b.json")])
        for line in 0..<20_000 { staged[0].write("row \(line)\n") }
        staged[1].write(Array("{}\n".utf8))
        #expect(read(folder.file("a.csv")) == "old a\n", "nothing changes before the commit")
        try AtomicFileBatch.commit(staged)
        #expect(read(folder.file("a.csv")) == (0..<20_000).map { "row \($0)\n" }.joined())
        #expect(read(folder.file("sub/b.json")) == "{}\n")
        #expect(try folder.contents() == ["a.csv", "sub"])
    }

    @Test func discardedStagedFilesLeaveNothingBehind() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try AtomicFile.write("old\n", to: folder.file("a.csv"))
        let staged = try AtomicFileBatch.open([folder.file("a.csv"), folder.file("b.csv")])
        staged[0].write("new\n")
        AtomicFileBatch.discard(staged)
        #expect(read(folder.file("a.csv")) == "old\n")
        #expect(try folder.contents() == ["a.csv"])
    }

    @Test func aDestinationThatIsAFolderIsRefusedBeforeAnythingIsStaged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try AtomicFile.write("keep\n", to: folder.file("b.json/inside.txt"))
        #expect(throws: AtomicFileError.self) {
            _ = try AtomicFileBatch.open([folder.file("a.csv"), folder.file("b.json")])
        }
        #expect(try folder.contents() == ["b.json"])
    }

    @Test func pathsSplitIntoFolderAndName() {
        #expect(AtomicFile.split("Reports/x/a.csv") == ("Reports/x", "a.csv"))
        #expect(AtomicFile.split("a.csv") == (".", "a.csv"))
        #expect(AtomicFile.split("/a.csv") == ("/", "a.csv"))
    }
}

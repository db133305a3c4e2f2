import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `bureau-compare extract | head -1`: the reader goes away after one line, and the tool
/// must end quietly with status 0 instead of dying of SIGPIPE or crashing.
@Suite struct BrokenPipeTests {
    /// Reads from `fd` until the first line is complete (or the end), one small read at a
    /// time, so the rest stays in the pipe for the child to block on.
    func firstLine(of fd: Int32) -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(.timeLimit(.minutes(2)))
    func closingTheReaderAfterOneLineEndsTheToolQuietly() throws {
        // Many copies of the reports, so the output is far larger than a pipe's buffer and
        // the tool is still writing when the reader closes.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = try FileManager.default.contentsOfDirectory(atPath: BuiltTool.datasets.path).filter { $0.hasSuffix(".txt") }
        for copy in 0..<30 {
            for report in reports {
                try FileManager.default.copyItem(
                    atPath: BuiltTool.datasets.appendingPathComponent(report).path,
                    toPath: folder.appendingPathComponent("\(copy)-\(report)").path)
            }
        }

        let process = try BuiltTool.makeProcess(["extract", folder.path, "--format", "csv"])
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()

        let line = firstLine(of: out.fileHandleForReading.fileDescriptor)
        try out.fileHandleForReading.close()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(line.hasPrefix("document,bureau,region,fiscal_year,kind,scope,metric,value"))
        #expect(process.terminationReason == .exit, "ended by signal \(process.terminationStatus)")
        #expect(process.terminationStatus == 0)
        #expect(message.isEmpty)
    }
}

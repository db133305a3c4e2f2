import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import CompareCLI

/// The stream writers on real descriptors (EPIPE ends the process, so it is tested end to end).
@Suite struct StandardStreamTests {
    /// Reads everything a pipe holds once its write end is closed.
    func drain(_ fd: Int32) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk.prefix(count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func standardOutputBuffersUntilFlushed() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        var out = StandardOutput(fd: fds[1])
        out.write("第一行\n")
        print("second", to: &out)
        out.flush()
        close(fds[1])
        #expect(drain(fds[0]) == "第一行\nsecond\n")
        close(fds[0])
        #expect(out.failure == nil)
    }

    @Test func standardOutputRemembersAFailedWrite() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        var out = StandardOutput(fd: fd)
        out.write("x")
        out.flush()
        #expect(out.failure == ENOSPC)
        #expect(out.failureMessage == "cannot write to standard output: No space left on device")
        out.write("dropped")
        out.flush()
        #expect(out.failure == ENOSPC)
    }

    @Test func standardErrorWritesAtOnce() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        var err = StandardError(fd: fds[1])
        err.write("bureau-compare: x: empty file\n")
        close(fds[1])
        #expect(drain(fds[0]) == "bureau-compare: x: empty file\n")
        close(fds[0])
    }

    @Test func columnsComeFromTheEnvironmentValue() {
        #expect(Terminal.columns(from: "132") == 132)
        #expect(Terminal.columns(from: nil) == 100)
        #expect(Terminal.columns(from: "") == 100)
        #expect(Terminal.columns(from: "0") == 100)
        #expect(Terminal.columns(from: "-5") == 100)
        #expect(Terminal.columns(from: "wide") == 100)
    }

    @Test func capturedOutputIsNotATerminal() {
        #expect(Terminal.captured == Terminal(stdoutIsTTY: false, columns: 100, colorAllowed: false))
        #expect(!Terminal.isTTY(-1))
    }
}

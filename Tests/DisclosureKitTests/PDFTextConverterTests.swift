import Foundation
import Testing
@testable import DisclosureKit

/// The parts of the PDF converter that need no PDF: settings, finding the program, reading its failures.
@Suite struct PDFTextConverterTests {
    @Test("BUREAU_COMPARE_PDF_TIMEOUT is a positive number of seconds; anything else keeps the default")
    func timeoutFromTheEnvironment() {
        #expect(PDFTextConverter.parseSeconds("120") == .seconds(120))
        #expect(PDFTextConverter.parseSeconds("0.5") == .milliseconds(500))
        #expect(PDFTextConverter.parseSeconds(" 2 ") == .seconds(2))
        #expect(PDFTextConverter.parseSeconds("0.001") == .milliseconds(1))
        for bad in ["0", "-3", "abc", "", "1e3", "10s", "99999999999"] {
            #expect(PDFTextConverter.parseSeconds(bad) == nil, "\(bad)")
        }
        let converter = PDFTextConverter(environment: ["PATH": "/x", "BUREAU_COMPARE_PDF_TIMEOUT": "0.25"])
        #expect(converter.timeout == .milliseconds(250))
        #expect(converter.searchPath == "/x")
        #expect(PDFTextConverter(environment: ["BUREAU_COMPARE_PDF_TIMEOUT": "soon"]).timeout == PDFTextConverter.defaultTimeout)
        #expect(PDFTextConverter(environment: [:]).searchPath == "/usr/local/bin:/usr/bin:/bin")
    }

    @Test("blanks are trimmed as Foundation's CharacterSet.whitespaces trims them")
    func trimmingBlanks() {
        let pieces = [" ", "\t", "\u{3000}", "\u{00A0}", "\u{2003}", "\n", "\r", "a", "甲", "0.5", "\u{0301}", "\u{200B}"]
        var random = SplitMix64(seed: 61)
        for _ in 0..<3_000 {
            let text = (0..<random.below(8)).map { _ in pieces[random.below(pieces.count)] }.joined()
            #expect(PDFTextConverter.trimmingBlanks(text) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test("the converter of the process environment reads PATH and the time limit")
    func processEnvironment() {
        let converter = PDFTextConverter.fromProcessEnvironment()
        #expect(converter.searchPath == (ProcessInfo.processInfo.environment["PATH"] ?? PDFTextConverter.fallbackSearchPath))
        let timeout = ProcessInfo.processInfo.environment[PDFTextConverter.timeoutVariable].flatMap(PDFTextConverter.parseSeconds)
        #expect(converter.timeout == timeout ?? PDFTextConverter.defaultTimeout)
    }

    @Test("the time limit as the message prints it")
    func describedLimit() {
        #expect(PDFTextConverter.describe(.seconds(60)) == "60 s")
        #expect(PDFTextConverter.describe(.milliseconds(500)) == "0.5 s")
        #expect(PDFTextConverter.describe(.milliseconds(1250)) == "1.25 s")
    }

    @Test("pdftotext's exit status and last error line become one clear problem")
    func failures() {
        func problem(_ status: Int32, _ stderr: String) -> InputProblem {
            PDFTextConverter.problem(exitStatus: status, stderr: Array(stderr.utf8))
        }
        #expect(problem(1, "Command Line Error: Incorrect password\n") == .pdfEncrypted)
        #expect(problem(1, "Syntax Error: Couldn't find trailer dictionary\nSyntax Error: Couldn't read xref table\n")
                == .pdfDamaged("Couldn't read xref table"))
        #expect(problem(1, "") == .pdfDamaged("cannot open it"))
        #expect(problem(3, "Permission Error: Copying of text from this document is not allowed.\n") == .pdfPermissions)
        #expect(problem(99, "") == .pdfToolFailed("exit status 99"))
        #expect(problem(99, "I/O Error: disk full\n") == .pdfToolFailed("exit status 99: disk full"))
        // A damaged file can put any bytes into a message: it stays one printable line.
        let noisy = PDFTextConverter.lastError(in: Array("Syntax Error: bad \u{1B}[31mobject\r\n".utf8) + [0xFF])
        #expect(!noisy.contains("\u{1B}") && !noisy.contains("\n") && !noisy.contains("\r"))
        #expect(PDFTextConverter.lastError(in: Array(String(repeating: "x", count: 500).utf8)).count == 161)
    }

    @Test("every problem is one line that says what to do", arguments: [
        InputProblem.pdfToolMissing, .pdfEncrypted, .pdfPermissions, .pdfDamaged("Couldn't read xref table"),
        .pdfWithoutText, .pdfTimedOut("60 s"), .pdfToolFailed("killed by signal 11"),
    ])
    func oneLineMessages(_ problem: InputProblem) {
        #expect(!problem.message.contains("\n"))
        #expect(!problem.message.isEmpty)
    }

    @Test("the install hint names the packages; the scan message says OCR is not supported")
    func messages() {
        #expect(InputProblem.pdfToolMissing.message.contains("poppler-utils"))
        #expect(InputProblem.pdfToolMissing.message.contains("poppler-data"))
        #expect(InputProblem.pdfWithoutText.message == "a PDF without a text layer (a scan?): OCR is not supported")
    }

    @Test("a relative path starting with - is not taken for an option")
    func safeArgument() {
        #expect(PDFTextConverter.safeArgument("-layout.pdf") == "./-layout.pdf")
        #expect(PDFTextConverter.safeArgument("a.pdf") == "a.pdf")
        #expect(PDFTextConverter.safeArgument("/tmp/-x.pdf") == "/tmp/-x.pdf")
    }

    @Test("pdftotext is found in the first PATH folder holding an executable file of that name")
    func findsTheProgram() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("find-pdftotext-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let plain = root.appendingPathComponent("plain")
        let runnable = root.appendingPathComponent("runnable")
        let folderNamed = root.appendingPathComponent("folder")
        for folder in [plain, runnable, folderNamed.appendingPathComponent("pdftotext")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Data("#!/bin/sh\n".utf8).write(to: plain.appendingPathComponent("pdftotext"))
        try Data("#!/bin/sh\n".utf8).write(to: runnable.appendingPathComponent("pdftotext"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: runnable.appendingPathComponent("pdftotext").path)
        // Not executable, a folder of that name: skipped; the executable one is found.
        let converter = PDFTextConverter(searchPath: [plain.path, folderNamed.path, runnable.path + "/"].joined(separator: ":"))
        #expect(converter.programPath == runnable.path + "/pdftotext")
        #expect(PDFTextConverter(searchPath: plain.path).programPath == nil)
        #expect(PDFTextConverter(searchPath: "").programPath == nil || FileManager.default.fileExists(atPath: "pdftotext"))
        #expect(PDFTextConverter(searchPath: plain.path).text(ofPDFAt: "/x.pdf", mode: .readingOrder) == .failure(.pdfToolMissing))
    }

    @Test("the reading order is tried first, -layout second")
    func modeOrder() {
        #expect(PDFTextMode.preferred == [.readingOrder, .layout])
        #expect(PDFTextMode.readingOrder.arguments.isEmpty)
        #expect(PDFTextMode.layout.arguments == ["-layout"])
    }
}

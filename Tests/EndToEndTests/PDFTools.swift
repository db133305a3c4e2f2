import Foundation
import Testing

/// What the PDF tests need from the machine, and the PDFs they make from the datasets.
///
/// PDFs are typeset inside the test run by `scripts/text-to-pdf` (Python with the PyPI package
/// `reportlab` and its built-in CID font STSong-Light: no font file) and read by poppler's `pdftotext`.
/// A test that needs either is skipped with a reason when it is missing; `.ci/run` installs both.
enum PDFTools {
    /// The line the tool prints for a PDF when `pdftotext` is not on the PATH (after `path: `).
    static let installHint = "a PDF, but pdftotext is not installed: install the packages poppler-utils and poppler-data "
        + "(apt-get install poppler-utils poppler-data)"

    /// Why a PDF test was skipped.
    static let missingReason: Comment = "needs pdftotext (poppler-utils, poppler-data) and python3 with reportlab; bash .ci/run installs them"

    /// `pdftotext`'s path on the test's PATH, or nil.
    static let pdftotext: String? = executable(named: "pdftotext")

    /// `python3`'s path when it can import reportlab, or nil.
    static let python: String? = {
        guard let python = executable(named: "python3") else { return nil }
        let outcome = run(python, ["-c", "import reportlab"])
        return outcome.status == 0 ? python : nil
    }()

    /// True when PDFs can be made and read: the condition of every test that converts real PDFs.
    static var available: Bool { pdftotext != nil && python != nil }

    static let script = BuiltTool.packageRoot.appendingPathComponent("scripts/text-to-pdf")

    /// The first executable file called `name` on the PATH.
    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// What a helper program printed.
    struct Run {
        let status: Int32
        let stdout: Data
        let stderr: String
    }

    /// Runs `program` with `arguments` (no shell), capturing both streams.
    static func run(_ program: String, _ arguments: [String]) -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return Run(status: -1, stdout: Data(), stderr: "\(error)") }
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// An error from making a PDF, with the script's message.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Typesets the UTF-8 text at `input` as a PDF at `output`; `options` as `scripts/text-to-pdf` takes them
    /// (`--encrypt PASSWORD`, `--no-text`, `--lines-per-page N`).
    static func makePDF(from input: URL, to output: URL, options: [String] = []) throws {
        guard let python else { throw Failure(description: "python3 with reportlab is not available") }
        let outcome = run(python, [script.path] + options + [input.path, output.path])
        guard outcome.status == 0 else { throw Failure(description: "text-to-pdf \(input.lastPathComponent): \(outcome.stderr)") }
    }

    /// The five datasets as PDFs (`wuhai-2023-final.pdf`, …), about 50 lines to a page, made once per
    /// test run in a temporary folder that the tests copy from and never change.
    static let datasetPDFs: Result<URL, Failure> = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dataset-pdfs-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let names = try FileManager.default.contentsOfDirectory(atPath: BuiltTool.datasets.path).filter { $0.hasSuffix(".txt") }
            // One process per dataset, all at once: reportlab takes about half a second a file.
            let failures = Locked<[String]>([])
            DispatchQueue.concurrentPerform(iterations: names.count) { index in
                let name = names[index]
                do {
                    try makePDF(from: BuiltTool.datasets.appendingPathComponent(name),
                                to: folder.appendingPathComponent(pdfName(name)), options: ["--lines-per-page", "50"])
                } catch {
                    failures.mutate { $0.append("\(error)") }
                }
            }
            if let first = failures.value.first { return .failure(Failure(description: first)) }
            return .success(folder)
        } catch {
            return .failure(Failure(description: "\(error)"))
        }
    }()

    /// `wuhai-2023-final.txt` → `wuhai-2023-final.pdf`.
    static func pdfName(_ textName: String) -> String {
        (textName as NSString).deletingPathExtension + ".pdf"
    }

    /// The dataset PDFs' folder, or the reason it could not be made (thrown, so the test fails with it).
    static func datasetFolder() throws -> URL {
        try datasetPDFs.get()
    }

    /// pdftotext's own text of `pdf` in its default mode, for checking the tool's pages independently.
    static func text(of pdf: URL) throws -> String {
        guard let pdftotext else { throw Failure(description: "pdftotext is not available") }
        let outcome = run(pdftotext, ["-enc", "UTF-8", pdf.path, "-"])
        guard outcome.status == 0 else { throw Failure(description: "pdftotext \(pdf.lastPathComponent): \(outcome.stderr)") }
        return String(decoding: outcome.stdout, as: UTF8.self)
    }

    /// A fresh folder holding one executable `pdftotext` with the given shell script as its body: a
    /// stand-in that hangs, or records its arguments. Put the folder first on PATH.
    static func fakePdftotext(_ body: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fake-pdftotext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let program = folder.appendingPathComponent("pdftotext")
        try Data(("#!/bin/sh\n" + body + "\n").utf8).write(to: program)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        return folder
    }
}

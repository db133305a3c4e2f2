import Foundation
@testable import CompareCLI

/// What one in-process run of the tool produced.
struct ToolRun {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Runs `bureau-compare arguments…` in-process, capturing both streams as strings.
    init(_ arguments: [String], terminal: Terminal = .captured) {
        var out = ""
        var err = ""
        status = BureauCompare.run(arguments, stdout: &out, stderr: &err, terminal: terminal)
        stdout = out
        stderr = err
    }

    var stdoutLines: [Substring] { stdout.split(separator: "\n", omittingEmptySubsequences: false) }
    var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: true) }
}

/// Paths of the repository, found from this file's place in it.
enum Repository {
    /// `Tests/CompareCLITests/ToolRun.swift` → the package root.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let datasets = root.appendingPathComponent("Datasets")

    /// The dataset report files, sorted by name.
    static func datasetFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: datasets, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("compare-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// The names in the folder, sorted, hidden ones included.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `bureau-compare` executable and a way to run it as a child process.
///
/// Found beside the test bundle: SwiftPM puts the executable and the test bundle in the same
/// products folder (`<scratch>/debug`), so walking up from the bundle finds it whatever
/// `--scratch-path` was used. `BUREAU_COMPARE` overrides the search.
enum BuiltTool {
    static let name = "bureau-compare"

    /// The executable's path, or nil when it was not built.
    static let path: String? = {
        if let override = ProcessInfo.processInfo.environment["BUREAU_COMPARE"] {
            return override
        }
        let starts = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments.first ?? "")]
            + Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0..<6 {
                let candidate = folder.appendingPathComponent(name).path
                if FileManager.default.isExecutableFile(atPath: candidate) {
                    return candidate
                }
                folder.deleteLastPathComponent()
            }
        }
        return nil
    }()

    /// The package root: `Tests/EndToEndTests/BuiltTool.swift` → `../..`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let datasets = packageRoot.appendingPathComponent("Datasets")

    /// What one run produced.
    struct Outcome {
        let status: Int32
        /// True when the process ended by a signal (`status` is then the signal number).
        let signalled: Bool
        let stdout: String
        let stderr: String
    }

    /// Runs the tool with `arguments`, stdout and stderr captured, in the package root;
    /// `environment` adds to (or overrides) the test's own environment.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = try makeProcess(arguments, environment: environment)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) {
            errData = err.fileHandleForReading.readDataToEndOfFile()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       signalled: process.terminationReason == .uncaughtSignal,
                       stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }

    static func makeProcess(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Process {
        guard let path else { throw NotBuilt() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        return process
    }

    struct NotBuilt: Error, CustomStringConvertible {
        var description: String {
            "bureau-compare was not found beside the test bundle (\(Bundle.main.bundleURL.path)); build it first or set BUREAU_COMPARE"
        }
    }
}

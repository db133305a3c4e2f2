/// Why an input could not be used; each case becomes one line on stderr naming the file.
public enum InputProblem: Error, Sendable, Hashable {
    case missingPath
    case unreadable(String)
    case emptyFile
    case binary
    case pdf
    case undecodable
    case noReportsInFolder
    case notAReport(String)

    /// The reason, in one line, without the file name.
    public var message: String {
        switch self {
        case .missingPath: return "no such file or folder"
        case .unreadable(let why): return "cannot be read (\(why))"
        case .emptyFile: return "empty file"
        case .binary: return "binary file, not text"
        case .pdf: return "a PDF file: convert it to text first, e.g. `pdftotext -layout file.pdf`"
        case .undecodable: return "not UTF-8, UTF-16 with BOM or GB18030 text"
        case .noReportsInFolder: return "folder holds no .txt or .md reports"
        case .notAReport(let why): return "not a disclosure report (\(why))"
        }
    }
}

/// A problem with one named input: `Datasets/x.txt: empty file`.
public struct InputFailure: Error, Sendable, Hashable {
    public let path: String
    public let problem: InputProblem

    public init(path: String, problem: InputProblem) {
        self.path = path
        self.problem = problem
    }

    public var line: String { "\(path): \(problem.message)" }
}

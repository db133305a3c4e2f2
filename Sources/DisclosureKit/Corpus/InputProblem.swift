/// Why an input could not be used; each case becomes one line on stderr naming the file.
public enum InputProblem: Error, Sendable, Hashable {
    case missingPath
    case unreadable(String)
    case emptyFile
    case binary
    /// PDF bytes where text was expected: `TextDecoder` cannot read them; `ReportLoader` converts them.
    case pdf
    case undecodable
    case noReportsInFolder
    case notAReport(String)
    /// A PDF, and no `pdftotext` on the PATH.
    case pdfToolMissing
    /// A PDF that opens only with a password (`pdftotext`: `Incorrect password`).
    case pdfEncrypted
    /// A PDF whose permissions forbid extracting its text (`pdftotext` exit status 3).
    case pdfPermissions
    /// A PDF `pdftotext` cannot open: truncated, not a PDF past its header. Holds pdftotext's own reason.
    case pdfDamaged(String)
    /// A PDF whose pages hold no text, only images or drawings: a scan.
    case pdfWithoutText
    /// `pdftotext` ran longer than the time limit (held, e.g. `60 s`) and was killed.
    case pdfTimedOut(String)
    /// `pdftotext` could not be started, crashed or failed in another way; holds what happened.
    case pdfToolFailed(String)

    /// The reason, in one line, without the file name.
    public var message: String {
        switch self {
        case .missingPath: return "no such file or folder"
        case .unreadable(let why): return "cannot be read (\(why))"
        case .emptyFile: return "empty file"
        case .binary: return "binary file, not text"
        case .pdf: return "a PDF file, not text: PDF input is read through pdftotext"
        case .undecodable: return "not UTF-8, UTF-16 with BOM or GB18030 text"
        case .noReportsInFolder: return "folder holds no .txt, .md or .pdf reports"
        case .notAReport(let why): return "not a disclosure report (\(why))"
        case .pdfToolMissing:
            return "a PDF, but pdftotext is not installed: install the packages poppler-utils and poppler-data "
                + "(apt-get install poppler-utils poppler-data)"
        case .pdfEncrypted: return "an encrypted PDF that needs a password: not supported (save a copy without the password)"
        case .pdfPermissions: return "a PDF whose permissions forbid extracting its text: not supported"
        case .pdfDamaged(let why): return "a damaged PDF: pdftotext cannot read it (\(why))"
        case .pdfWithoutText: return "a PDF without a text layer (a scan?): OCR is not supported"
        case .pdfTimedOut(let limit):
            return "pdftotext did not finish within \(limit) and was stopped (BUREAU_COMPARE_PDF_TIMEOUT sets the limit in seconds)"
        case .pdfToolFailed(let why): return "pdftotext failed (\(why))"
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

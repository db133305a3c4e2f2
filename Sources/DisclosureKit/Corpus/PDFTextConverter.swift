#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a PDF into text by running poppler's `pdftotext` (Debian: `poppler-utils`, with `poppler-data`
/// for the Chinese encodings), or says in one line why it cannot.
///
/// Why a subprocess and not a PDF parser of our own: the project takes no dependencies, and text
/// extraction from real PDFs (CID fonts, ToUnicode maps, broken cross-reference tables) is exactly what
/// poppler has solved. `pdftotext -enc UTF-8 [-layout] FILE -` writes UTF-8 to stdout with a form feed
/// after each page, which the normalizer counts as pages.
///
/// A value holds only settings (where to look for the program, the time limit), so one converter may be
/// used from many threads at once: each call starts its own process (`ChildProcess`).
public struct PDFTextConverter: Sendable {
    /// The program's name, looked up on `searchPath`.
    public static let programName = "pdftotext"
    /// The environment variable that overrides `defaultTimeout`, in seconds (`0.5`, `120`).
    public static let timeoutVariable = "BUREAU_COMPARE_PDF_TIMEOUT"
    /// Long enough for a report of hundreds of pages (the datasets take about 0.1 s each), short enough
    /// that a PDF that makes pdftotext loop does not stall a whole run.
    public static let defaultTimeout = Duration.seconds(60)
    /// Where `execvp` looks when `PATH` is not set.
    static let fallbackSearchPath = "/usr/local/bin:/usr/bin:/bin"

    /// The folders searched for `pdftotext`, as in `PATH` (`/usr/local/bin:/usr/bin`).
    public let searchPath: String
    /// How long one conversion may run before pdftotext is killed.
    public let timeout: Duration

    public init(searchPath: String?, timeout: Duration = PDFTextConverter.defaultTimeout) {
        self.searchPath = searchPath ?? Self.fallbackSearchPath
        self.timeout = timeout
    }

    /// The converter the environment asks for: `PATH`, and `BUREAU_COMPARE_PDF_TIMEOUT` when it holds a
    /// positive number of seconds (anything else leaves the default).
    public init(environment: [String: String]) {
        self.init(searchPath: environment["PATH"],
                  timeout: environment[Self.timeoutVariable].flatMap(Self.parseSeconds) ?? Self.defaultTimeout)
    }

    /// The converter this process's environment asks for (`init(environment:)` of `PATH` and
    /// `BUREAU_COMPARE_PDF_TIMEOUT`), read with `getenv`.
    public static func fromProcessEnvironment() -> PDFTextConverter {
        var environment: [String: String] = [:]
        for name in ["PATH", timeoutVariable] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return PDFTextConverter(environment: environment)
    }

    /// `120` → 120 s, `0.5` → 500 ms; nil for anything but a positive decimal number of seconds.
    ///
    /// Parsed as a decimal, not a `Double`, so `0.1` is exactly 100 ms.
    static func parseSeconds(_ text: String) -> Duration? {
        guard let value = FixedDecimal(trimmingBlanks(text)), value.mantissa > 0 else { return nil }
        var divisor: Int64 = 1
        for _ in 0..<value.scale { divisor *= 10 }
        let whole = value.mantissa / divisor
        let fraction = value.mantissa % divisor
        // A year at most: more is a typo, and keeps every step below far from overflowing.
        guard whole <= 365 * 86_400 else { return nil }
        let nanoseconds = divisor <= 1_000_000_000
            ? fraction * (1_000_000_000 / divisor)
            : fraction / (divisor / 1_000_000_000)
        let limit = Duration.seconds(whole) + .nanoseconds(nanoseconds)
        return limit > .zero ? limit : nil
    }

    /// The full path of `pdftotext` on the search path, or nil when no folder holds an executable one.
    public var programPath: String? {
        for folder in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            // An empty entry means the current folder, as for the shell.
            let base = folder.isEmpty ? "." : String(folder)
            let candidate = base.hasSuffix("/") ? base + Self.programName : base + "/" + Self.programName
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// The text of the PDF at `path` in `mode`, with a form feed after each page; or why there is none.
    ///
    /// A PDF whose text is blank (only spaces, line ends and page breaks) is `.pdfWithoutText`: its pages
    /// are images, and the other mode would find no more.
    public func text(ofPDFAt path: String, mode: PDFTextMode) -> Result<String, InputProblem> {
        guard let program = programPath else { return .failure(.pdfToolMissing) }
        let arguments = ["-enc", "UTF-8"] + mode.arguments + [Self.safeArgument(path), "-"]
        let outcome = ChildProcess.run(program, arguments: arguments, timeout: timeout)
        switch outcome.ending {
        case .exited(0):
            if TextDecoder.isBlank(outcome.stdout) { return .failure(.pdfWithoutText) }
            return .success(String(decoding: outcome.stdout, as: UTF8.self))
        case .exited(let status):
            return .failure(Self.problem(exitStatus: status, stderr: outcome.stderr))
        case .signalled(let signal):
            return .failure(.pdfToolFailed("killed by signal \(signal)"))
        case .timedOut:
            return .failure(.pdfTimedOut(Self.describe(timeout)))
        case .notStarted(let code):
            return .failure(.pdfToolFailed("cannot run \(program): \(Corpus.describe(errno: code))"))
        }
    }

    /// A path pdftotext cannot take for an option: `-x.pdf` becomes `./-x.pdf`.
    ///
    /// Why not `--`: not every pdftotext (xpdf's, older poppler) ends its options there.
    static func safeArgument(_ path: String) -> String {
        path.hasPrefix("-") ? "./" + path : path
    }

    /// The problem for a failed pdftotext, from its exit status (poppler's manual: 1 the PDF cannot be
    /// opened, 3 its permissions forbid it, 99 anything else) and its last error message.
    static func problem(exitStatus: Int32, stderr: [UInt8]) -> InputProblem {
        let reason = lastError(in: stderr)
        if reason.lowercased().contains("password") { return .pdfEncrypted }
        switch exitStatus {
        case 1: return .pdfDamaged(reason.isEmpty ? "cannot open it" : reason)
        case 3: return .pdfPermissions
        default: return .pdfToolFailed("exit status \(exitStatus)" + (reason.isEmpty ? "" : ": \(reason)"))
        }
    }

    /// The last `… Error: reason` line of pdftotext's stderr, without its prefix, cut to 160 characters:
    /// `Syntax Error: Couldn't read xref table` → `Couldn't read xref table`. Falls back to the last
    /// non-empty line; empty when stderr is.
    static func lastError(in stderr: [UInt8]) -> String {
        let lines = String(decoding: stderr, as: UTF8.self)
            .split(whereSeparator: \.isNewline)
            .map { trimmingBlanks($0) }
            .filter { !$0.isEmpty }
        let chosen = lines.last { $0.contains("Error") } ?? lines.last ?? ""
        var reason = chosen
        if let marker = chosen.firstRange(of: "Error: ") { reason = String(chosen[marker.upperBound...]) }
        // One line, printable: a damaged file can put any byte into a message.
        reason = String(reason.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        return reason.count > 160 ? String(reason.prefix(160)) + "…" : reason
    }

    /// `text` without the blanks around it: tabs, the Unicode space separators and U+200B
    /// (what Foundation's `CharacterSet.whitespaces` trims; a test holds the two together).
    static func trimmingBlanks<S: StringProtocol>(_ text: S) -> String {
        func isBlank(_ s: Unicode.Scalar) -> Bool {
            s == "\t" || s == "\u{200B}" || s.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
              let last = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// `60 s`, `0.5 s`: the limit as the message prints it.
    static func describe(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        guard milliseconds > 0 else { return "\(seconds) s" }
        var fraction = String(milliseconds)
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(seconds).\(fraction) s"
    }
}

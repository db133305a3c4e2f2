/// Reads one report file, whatever it is — text in any of the encodings `TextDecoder` knows, or a PDF —
/// and extracts it: the one call a command makes per input file.
///
/// Why one place: a PDF's text depends on the `pdftotext` mode, and which mode is right is only known
/// after extracting (`PDFTextMode.preferred`: the reading order first, `-layout` when that yields no
/// disclosure report). Keeping reading, conversion, the fallback and the page map together means every
/// command treats a PDF the same way and the fallback rule lives here only.
///
/// A value holds only settings, so one loader may serve many threads at once: `load` keeps no state and
/// each PDF gets its own `pdftotext` process.
public struct ReportLoader: Sendable {
    public let extractor: ReportExtractor
    public let converter: PDFTextConverter

    /// `converter` defaults to the one the process environment asks for (`PATH`,
    /// `BUREAU_COMPARE_PDF_TIMEOUT`).
    public init(extractor: ReportExtractor = ReportExtractor(),
                converter: PDFTextConverter = PDFTextConverter.fromProcessEnvironment()) {
        self.extractor = extractor
        self.converter = converter
    }

    /// The extracted report of `file`, or one failure naming it.
    ///
    /// - a file that starts with `%PDF` (after optional blanks; whatever its name) is converted by
    ///   `pdftotext`, trying the modes in order until one yields a disclosure report; its report always
    ///   has pages (`PageMap.singlePage` if pdftotext gave no page break);
    /// - anything else is decoded as text; its report has pages when the text has form feeds.
    public func load(_ file: ReportFile) -> Result<ExtractedReport, InputFailure> {
        let bytes: [UInt8]
        switch Corpus.readBytes(file) {
        case .success(let read): bytes = read
        case .failure(let failure): return .failure(failure)
        }
        let result: Result<ExtractedReport, InputProblem>
        if TextDecoder.startsWithPDFHeader(bytes) {
            result = loadPDF(file)
        } else {
            result = loadText(bytes, file)
        }
        return result.mapError { InputFailure(path: file.path, problem: $0) }
    }

    /// Decodes and extracts a text file. A file that seems UTF-8 is checked as it is read, not
    /// in a pass of its own before (`TextDecoder.sniff`); one that turns out not to be is
    /// decoded as the other encodings are.
    func loadText(_ bytes: [UInt8], _ file: ReportFile) -> Result<ExtractedReport, InputProblem> {
        let utf8: [UInt8]
        switch TextDecoder.sniff(bytes) {
        case .failure(let problem):
            return .failure(problem)
        case .success(.utf8Unchecked):
            if let extracted = extractor.extract(unvalidatedUTF8: bytes, document: file.name) {
                return Self.paged(extracted, utf8: bytes)
            }
            // Sniffing let the bytes through every step before the UTF-8 check.
            switch TextDecoder.decodeUnmarked(bytes) {
            case .success(let decoded): utf8 = decoded.utf8
            case .failure(let problem): return .failure(problem)
            }
        case .success(.decoded(let decoded)):
            utf8 = decoded.utf8
        }
        return Self.paged(extractor.extract(utf8: utf8, document: file.name), utf8: utf8)
    }

    /// The report with the pages of its text, `utf8`.
    private static func paged(_ result: Result<ExtractedReport, InputProblem>, utf8: [UInt8]) -> Result<ExtractedReport, InputProblem> {
        result.map { extracted in
            var report = extracted
            utf8.withUnsafeBufferPointer { report.pages = PageMap(utf8: $0) }
            return report
        }
    }

    /// Converts and extracts a PDF, falling back to the next mode only when a mode's text is not a
    /// disclosure report; any conversion failure (no pdftotext, encrypted, damaged, no text layer, timed
    /// out) ends the attempt at once, since the other mode would fail the same way.
    func loadPDF(_ file: ReportFile) -> Result<ExtractedReport, InputProblem> {
        var last: Result<ExtractedReport, InputProblem> = .failure(.pdfWithoutText)
        for mode in PDFTextMode.preferred {
            let text: String
            switch converter.text(ofPDFAt: file.path, mode: mode) {
            case .success(let converted): text = converted
            case .failure(let problem): return .failure(problem)
            }
            last = extractPDFText(text, file: file)
            guard case .failure(.notAReport) = last else { return last }
        }
        return last
    }

    /// Extracts pdftotext's `text` and attaches its pages (one page when it has no page break).
    func extractPDFText(_ text: String, file: ReportFile) -> Result<ExtractedReport, InputProblem> {
        extractor.extract(text: text, document: file.name).map { extracted in
            var report = extracted
            report.pages = PageMap(text) ?? .singlePage
            return report
        }
    }
}

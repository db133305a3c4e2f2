import Foundation

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
                converter: PDFTextConverter = PDFTextConverter(environment: ProcessInfo.processInfo.environment)) {
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
            result = TextDecoder.decode(bytes).flatMap { decoded in
                decoded.utf8.withUnsafeBufferPointer { utf8 in
                    extractor.extract(utf8: decoded.utf8, document: file.name).map { extracted in
                        var report = extracted
                        report.pages = PageMap(utf8: utf8)
                        return report
                    }
                }
            }
        }
        return result.mapError { InputFailure(path: file.path, problem: $0) }
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
